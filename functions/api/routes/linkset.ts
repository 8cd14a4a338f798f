/** `/linkset/{id}`: the record's FAIR Signposting links as an RFC 9264 link set. */
import { Hono } from 'hono';
import { DISSEMINATION_VERSION } from '../../core/records/record-fingerprint.ts';
import { buildLinkset, formatLinksetText, type SignpostingInput } from '../../core/signposting/signposting-links.ts';
import { sendRepresentation } from '../../http/conditional.ts';
import { loadRecord } from '../../http/load-record.ts';
import { negotiate } from '../../http/negotiate.ts';
import { HttpProblem } from '../../http/problem.ts';
import type { AppEnv } from '../app-env.ts';
import { type OpenApiPaths, ok, operation, RECORD_ID, RECORD_RESPONSES } from '../openapi/operations.ts';
import { RENDERINGS } from '../renderings/index.ts';
import { renderingResources } from '../renderings/rendering-resources.ts';

const OFFERS = [
  { mediaType: 'application/linkset+json', value: 'json' as const },
  { mediaType: 'application/linkset', value: 'text' as const },
  { mediaType: 'application/json', value: 'json' as const },
];

export const linksetRoutes = new Hono<AppEnv>().get('/linkset/:id', async (c) => {
  const record = await loadRecord(c.get('deps').records, c.req.param('id'));
  const chosen = negotiate(c.req.header('Accept'), OFFERS);
  if (!chosen) {
    const offered = OFFERS.map((o) => o.mediaType);
    throw new HttpProblem(406, 'Not Acceptable', `This resource is offered as: ${offered.join(', ')}`, { offered }, { Vary: 'Accept' });
  }
  const { urls } = c.get('deps');
  const { metadata, content } = renderingResources(RENDERINGS, record, urls);
  const input: SignpostingInput = { record, urls, metadata, content };
  const json = chosen.offer.value === 'json';
  return sendRepresentation(c, {
    body: json ? `${JSON.stringify(buildLinkset(input), null, 2)}\n` : formatLinksetText(input),
    contentType: json ? 'application/linkset+json' : 'application/linkset',
    etag: `${record.id}-v${record.version}-d${DISSEMINATION_VERSION}-linkset-${chosen.offer.value}`,
    headers: { Vary: 'Accept' },
  });
});

export const linksetPaths: OpenApiPaths = {
  '/linkset/{id}': {
    get: operation(
      'discovery',
      'FAIR Signposting link set of the record (RFC 9264)',
      { '200': ok('The link set', ['application/linkset+json', 'application/linkset']), ...RECORD_RESPONSES },
      [RECORD_ID],
    ),
  },
};
