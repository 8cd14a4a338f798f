import { buildTranslationText } from '../../core/landing/build-translation-text.ts';
import { notFound } from '../../http/problem.ts';
import type { Rendering } from './rendering.ts';

/** The translation as plain text, with its source and rights. */
export const translationText: Rendering = {
  extension: 'txt',
  label: 'Translation (plain text)',
  contentType: 'text/plain; charset=utf-8',
  mediaTypes: ['text/plain'],
  relation: 'item',
  render: (record, { urls }) => {
    const text = buildTranslationText(record, urls);
    if (text === undefined) throw notFound(`Record "${record.id}" has no translation.`);
    return text;
  },
};
