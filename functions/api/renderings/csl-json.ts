import { buildCslJson } from '../../core/citation/build-csl-item.ts';
import type { Rendering } from './rendering.ts';

/** CSL-JSON, the input format of citation processors and reference managers. */
export const cslJson: Rendering = {
  extension: 'csl.json',
  label: 'CSL-JSON',
  contentType: 'application/vnd.citationstyles.csl+json; charset=utf-8',
  mediaTypes: ['application/vnd.citationstyles.csl+json', 'application/citeproc+json'],
  render: (record, { urls }) => buildCslJson(record, urls),
};
