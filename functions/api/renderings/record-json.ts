import type { Rendering } from './rendering.ts';

/** The Record itself, as stored: the service's native JSON. */
export const recordJson: Rendering = {
  label: 'Record (JSON)',
  extension: 'json',
  contentType: 'application/json; charset=utf-8',
  mediaTypes: ['application/json'],
  render: (record) => JSON.stringify(record, null, 2),
};
