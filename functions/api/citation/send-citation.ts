/**
 * A formatted citation as an HTTP response, shared by `/records/{id}/citation` and by content
 * negotiation for `text/x-bibliography` on `/records/{id}`.
 */
import type { Context } from 'hono';
import type { ArchivalRecord } from '../../../schemas/record.ts';
import { buildCslItem } from '../../core/citation/build-csl-item.ts';
import {
  CITATION_FORMATS,
  CITATION_FORMS,
  CITATION_LOCALES,
  CITATION_STYLES,
  type CitationForm,
  type CitationFormat,
  DEFAULT_CITATION_LOCALE,
  DEFAULT_CITATION_STYLE,
  findCitationLocale,
  findCitationStyle,
} from '../../core/citation/citation-styles.ts';
import { FORMATTED_CITATION_VERSION } from '../../core/citation/format-citation.ts';
import { DISSEMINATION_VERSION } from '../../core/records/record-fingerprint.ts';
import { sendCachedRepresentation } from '../../http/conditional.ts';
import { badRequest } from '../../http/problem.ts';
import type { AppEnv } from '../app-env.ts';
import { type CitationRequest, formatCitation } from './citation-engines.ts';

export interface CitationParams {
  style?: string | undefined;
  locale?: string | undefined;
  form?: string | undefined;
  format?: string | undefined;
}

/** The request the parameters ask for, or a 400 problem naming what is offered. */
export function citationRequest(params: CitationParams): CitationRequest {
  const style = findCitationStyle(params.style ?? DEFAULT_CITATION_STYLE);
  if (!style) throw badRequest(`Unknown citation style "${params.style}".`, { styles: CITATION_STYLES.map((s) => s.id) });
  const locale = findCitationLocale(params.locale ?? DEFAULT_CITATION_LOCALE);
  if (!locale) throw badRequest(`Unknown citation locale "${params.locale}".`, { locales: CITATION_LOCALES.map((l) => l.id) });
  const form = (params.form ?? 'bibliography') as CitationForm;
  if (!CITATION_FORMS.includes(form)) throw badRequest(`Unknown citation form "${params.form}".`, { forms: CITATION_FORMS });
  const format = (params.format ?? 'text') as CitationFormat;
  if (!CITATION_FORMATS.includes(format)) throw badRequest(`Unknown citation format "${params.format}".`, { formats: CITATION_FORMATS });
  return { style, locale, form, format };
}

/** The canonical URL of one formatted citation. */
export function citationUrl(c: Context<AppEnv>, record: ArchivalRecord, request: CitationRequest): string {
  const query = new URLSearchParams({ style: request.style.id, locale: request.locale.id, form: request.form, format: request.format });
  return `${c.get('deps').urls.citation(record.id)}?${query}`;
}

export async function sendCitation(
  c: Context<AppEnv>,
  record: ArchivalRecord,
  request: CitationRequest,
  headers: { [name: string]: string } = {},
): Promise<Response> {
  const html = request.format === 'html';
  const { style, locale, form, format } = request;
  return sendCachedRepresentation(c, {
    render: async () => {
      const body = await formatCitation(c.get('deps').config.cslDir, buildCslItem(record, c.get('deps').urls), request);
      return html ? body : `${body}\n`;
    },
    contentType: html ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8',
    etag: `${record.id}-v${record.version}-d${DISSEMINATION_VERSION}-citation${FORMATTED_CITATION_VERSION}-${style.id}-${locale.id}-${form}-${format}`,
    headers: {
      'X-Content-Type-Options': 'nosniff',
      ...(html ? { 'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'" } : {}),
      ...headers,
    },
  });
}
