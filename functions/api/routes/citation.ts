/** `/records/{id}/citation?style=&locale=&form=note|bibliography&format=text|html`: a formatted citation. */
import { Hono } from 'hono';
import {
  CITATION_FORMATS,
  CITATION_FORMS,
  CITATION_LOCALES,
  CITATION_STYLES,
  DEFAULT_CITATION_LOCALE,
  DEFAULT_CITATION_STYLE,
} from '../../core/citation/citation-styles.ts';
import { loadRecord } from '../../http/load-record.ts';
import { negotiate } from '../../http/negotiate.ts';
import type { AppEnv } from '../app-env.ts';
import { citationRequest, sendCitation } from '../citation/send-citation.ts';
import { type OpenApiPaths, ok, operation, queryParameter, RECORD_ID, RECORD_RESPONSES } from '../openapi/operations.ts';

export const citationRoutes = new Hono<AppEnv>().get('/records/:id/citation', async (c) => {
  const record = await loadRecord(c.get('deps').records, c.req.param('id'));
  const query = c.req.query();
  const explicit = query.format;
  const format =
    explicit ??
    negotiate(c.req.header('Accept'), [
      { mediaType: 'text/plain', value: 'text' },
      { mediaType: 'text/html', value: 'html' },
    ])?.offer.value ??
    'text';
  const request = citationRequest({ style: query.style, locale: query.locale, form: query.form, format });
  return sendCitation(c, record, request, explicit === undefined ? { Vary: 'Accept' } : {});
});

export const citationPaths: OpenApiPaths = {
  '/records/{id}/citation': {
    get: operation(
      'citations',
      'A formatted citation',
      { '200': ok('The citation', ['text/plain; charset=utf-8', 'text/html; charset=utf-8']), ...RECORD_RESPONSES },
      [
        RECORD_ID,
        queryParameter('style', `Citation style; also accepted: ${CITATION_STYLES.flatMap((s) => s.aliases).join(', ')}.`, {
          type: 'string',
          enum: CITATION_STYLES.map((s) => s.id),
          default: DEFAULT_CITATION_STYLE,
        }),
        queryParameter('locale', 'Locale of the citation', { type: 'string', enum: CITATION_LOCALES.map((l) => l.id), default: DEFAULT_CITATION_LOCALE }),
        queryParameter('form', 'A bibliography entry or a note', { type: 'string', enum: [...CITATION_FORMS], default: 'bibliography' }),
        queryParameter('format', 'Plain text or HTML; without it, `Accept` decides', { type: 'string', enum: [...CITATION_FORMATS] }),
      ],
    ),
  },
};
