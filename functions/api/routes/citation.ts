/** `/records/{id}/citation?style=&locale=&form=note|bibliography&format=text|html`: a formatted citation. */
import { Hono } from 'hono';
import { loadRecord } from '../../http/load-record.ts';
import { negotiate } from '../../http/negotiate.ts';
import type { AppEnv } from '../app-env.ts';
import { citationRequest, sendCitation } from '../citation/send-citation.ts';

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
