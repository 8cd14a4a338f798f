/** `/records/{id}/rights`: the rights as JSON (URI, label, statement verbatim, holder, contact). */
import { Hono } from 'hono';
import { DISSEMINATION_VERSION } from '../../core/records/record-fingerprint.ts';
import { buildRightsJson } from '../../core/rights/describe-rights.ts';
import { sendRepresentation } from '../../http/conditional.ts';
import { loadRecord } from '../../http/load-record.ts';
import type { AppEnv } from '../app-env.ts';
import { type OpenApiPaths, ok, operation, RECORD_ID, RECORD_RESPONSES, ref } from '../openapi/operations.ts';

export const rightsRoutes = new Hono<AppEnv>().get('/records/:id/rights', async (c) => {
  const record = await loadRecord(c.get('deps').records, c.req.param('id'));
  return sendRepresentation(c, {
    body: `${JSON.stringify(buildRightsJson(record, c.get('deps').urls), null, 2)}\n`,
    contentType: 'application/json; charset=utf-8',
    etag: `${record.id}-v${record.version}-d${DISSEMINATION_VERSION}-rights`,
    headers: { Link: `<${record.rights.uri}>; rel="license"` },
  });
});

export const rightsPaths: OpenApiPaths = {
  '/records/{id}/rights': {
    get: operation(
      'records',
      'The rights: rightsstatements.org URI and label, the statement verbatim, holder and contact',
      { '200': ok('The rights', ['application/json; charset=utf-8'], ref('schemas', 'Rights')), ...RECORD_RESPONSES },
      [RECORD_ID],
    ),
  },
};
