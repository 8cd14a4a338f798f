import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ArchivalRecord } from '../../../schemas/record.ts';
import { DISSEMINATION_VERSION } from '../../core/records/record-fingerprint.ts';
import type { AppEnv } from '../app-env.ts';
import { sendRepresentation } from '../http/conditional.ts';
import { notFound } from '../http/problem.ts';
import { loadRecord } from '../load-record.ts';
import { renderingByExtension } from '../renderings/index.ts';
import type { Rendering } from '../renderings/rendering.ts';

/** ETag of a rendering of one record version: changes with the record, the crosswalks and the parameters. */
export function renderingEtag(record: ArchivalRecord, rendering: Rendering, params: ReadonlyMap<string, string>): string {
  const varying = (rendering.varyingParams ?? []).map((name) => `${name}=${params.get(name) ?? ''}`).join('&');
  const suffix = varying ? `-${Buffer.from(varying).toString('base64url')}` : '';
  return `${record.id}-v${record.version}-d${DISSEMINATION_VERSION}-${rendering.extension}${suffix}`;
}

export async function sendRendering(c: Context<AppEnv>, record: ArchivalRecord, rendering: Rendering, params: ReadonlyMap<string, string>): Promise<Response> {
  const body = await rendering.render(record, { urls: c.var.deps.urls, params });
  return sendRepresentation(c, { body, contentType: rendering.contentType, etag: renderingEtag(record, rendering, params) });
}

export const recordRoutes = new Hono<AppEnv>().get('/records/:file', async (c) => {
  const file = c.req.param('file');
  const dot = file.indexOf('.');
  const rawId = dot === -1 ? file : file.slice(0, dot);
  const extension = dot === -1 ? 'json' : file.slice(dot + 1);
  const rendering = renderingByExtension(extension);
  const record = await loadRecord(c.var.deps.records, rawId);
  if (!rendering) throw notFound(`Record "${record.id}" has no rendering ".${extension}".`);
  return sendRendering(c, record, rendering, new Map(Object.entries(c.req.query())));
});
