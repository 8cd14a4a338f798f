/**
 * IIIF Presentation API 2.1, for legacy clients (docs/adr/0015-iiif-2-for-legacy-clients.md):
 * record manifests, the texts' AnnotationLists (and the sequence, canvases and range, so that
 * their ids resolve) and the collections, from the same records as Presentation 3. JSON-LD with
 * the Presentation 2 profile, open CORS and Brotli/gzip (from the app), strong ETags and 304s.
 */
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { buildCollection2 } from '../../core/iiif/presentation-2/build-collection.ts';
import { buildManifest2 } from '../../core/iiif/presentation-2/build-manifest.ts';
import { findPresentation2Part } from '../../core/iiif/presentation-2/presentation-2-parts.ts';
import { presentation2Space } from '../../core/iiif/presentation-2/presentation-2-space.ts';
import { PRESENTATION_2_MEDIA_TYPE } from '../../core/iiif/presentation-2/types.ts';
import { DISSEMINATION_VERSION } from '../../core/records/record-fingerprint.ts';
import { sendCachedRepresentation } from '../../http/conditional.ts';
import { loadRecord } from '../../http/load-record.ts';
import { notFound } from '../../http/problem.ts';
import type { AppEnv } from '../app-env.ts';
import { autocomplete, search } from './content-search.ts';
import { requestedCollectionPage, sendPresentation } from './iiif-presentation.ts';
import { redirectToPreferredVersion } from './iiif-presentation-version.ts';

const COLLECTION_ROOT = '/iiif/2/collection/';

/** The ETag of a resource of a record's 2.1 space: the record's version, the dissemination version, and which resource. */
const recordEtag = (record: { id: string; version: number }, what: string) => `${record.id}-v${record.version}-d${DISSEMINATION_VERSION}-p2-${what}`;

async function sendPart(c: Context<AppEnv>, path: string): Promise<Response> {
  const { urls, records } = c.get('deps');
  const record = await loadRecord(records, c.req.param('id') ?? '');
  const id = urls.iiif2Part(record.id, path);
  const part = findPresentation2Part(record, urls, id);
  if (!part) throw notFound(`Record "${record.id}" has no IIIF Presentation 2.1 resource "${path.slice(0, 80)}".`);
  return sendCachedRepresentation(c, {
    render: () => JSON.stringify(part),
    contentType: PRESENTATION_2_MEDIA_TYPE,
    etag: recordEtag(record, createHash('sha256').update(id).digest('base64url').slice(0, 16)),
  });
}

export const iiifPresentation2Routes = new Hono<AppEnv>()
  .get(`${COLLECTION_ROOT}*`, async (c) =>
    sendPresentation(c, buildCollection2(await requestedCollectionPage(c, COLLECTION_ROOT), c.get('deps').urls), PRESENTATION_2_MEDIA_TYPE),
  )
  .get('/iiif/2/:id/manifest', async (c) => {
    const record = await loadRecord(c.get('deps').records, c.req.param('id'));
    return (
      redirectToPreferredVersion(c, 2, record.id) ??
      sendCachedRepresentation(c, {
        render: () => JSON.stringify(buildManifest2(record, c.get('deps').urls)),
        contentType: PRESENTATION_2_MEDIA_TYPE,
        etag: recordEtag(record, 'manifest'),
        headers: { Vary: 'Accept' },
      })
    );
  })
  // Content Search 1.0 over the 2.1 canvases, which the 2.1 manifest declares.
  .get('/iiif/2/:id/search', (c) => search(c, 1, presentation2Space))
  .get('/iiif/2/:id/search/autocomplete', (c) => autocomplete(c, 1, presentation2Space))
  .get('/iiif/2/:id/annotations/:name', (c) => sendPart(c, `annotations/${c.req.param('name')}`))
  .get('/iiif/2/:id/sequence/:name', (c) => sendPart(c, `sequence/${c.req.param('name')}`))
  .get('/iiif/2/:id/canvas/:name', (c) => sendPart(c, `canvas/${c.req.param('name')}`))
  .get('/iiif/2/:id/range/:name', (c) => sendPart(c, `range/${c.req.param('name')}`));
