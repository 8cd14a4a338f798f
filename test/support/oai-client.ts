/** A small OAI-PMH client over the app, reading responses with an independent XML parser. */
import type { Hono } from 'hono';
import type { AppEnv } from '../../functions/api/app-env.ts';
import { elements, readXml, text, texts, type XmlNode } from './read-xml.ts';

export type App = Hono<AppEnv>;

export interface OaiResponse {
  status: number;
  contentType: string | null;
  xml: string;
  doc: XmlNode;
  /** Error codes, in order. */
  errors: string[];
  /** Attributes of the request element. */
  request: { [name: string]: string };
}

async function read(response: Response): Promise<OaiResponse> {
  const xml = await response.text();
  const doc = readXml(xml);
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    xml,
    doc,
    errors: elements(doc, 'error').map((e) => e.getAttribute('code') ?? ''),
    request: { ...(elements(doc, 'request')[0]?.attributes ?? {}) },
  };
}

/** GET /oai with a raw query string (so repeated and odd arguments go through as written). */
export async function oaiGet(app: App, query: string): Promise<OaiResponse> {
  return read(await app.request(`/oai${query ? `?${query}` : ''}`));
}

export async function oaiPost(app: App, body: string, contentType = 'application/x-www-form-urlencoded'): Promise<OaiResponse> {
  return read(await app.request('/oai', { method: 'POST', body, headers: { 'Content-Type': contentType } }));
}

export const q = (args: { [name: string]: string }) => new URLSearchParams(args).toString();

export interface HarvestedItem {
  identifier: string;
  datestamp: string;
  deleted: boolean;
  sets: string[];
  /** The record's metadata element, for ListRecords. */
  metadata?: XmlNode;
}

export interface Harvest {
  items: HarvestedItem[];
  pages: OaiResponse[];
  /** The resumptionToken elements, one per page that had one. */
  tokens: { value: string; cursor?: string; completeListSize?: string }[];
}

/** Follows resumption tokens until the list ends; fails on any protocol error after the first page. */
export async function harvest(app: App, args: { [name: string]: string }): Promise<Harvest> {
  const verb = args.verb ?? 'ListRecords';
  const out: Harvest = { items: [], pages: [], tokens: [] };
  let response = await oaiGet(app, q(args));
  for (;;) {
    out.pages.push(response);
    if (response.errors.length > 0) {
      if (out.pages.length === 1 && response.errors[0] === 'noRecordsMatch') return out;
      throw new Error(`page ${out.pages.length}: ${response.errors.join(', ')}`);
    }
    for (const header of elements(response.doc, 'header')) {
      const record = header.parentNode;
      out.items.push({
        identifier: text(header, 'identifier') ?? '',
        datestamp: text(header, 'datestamp') ?? '',
        deleted: header.getAttribute('status') === 'deleted',
        sets: texts(header, 'setSpec'),
        ...(verb === 'ListRecords' && record ? { metadata: elements(record, 'metadata')[0] } : {}),
      });
    }
    const token = elements(response.doc, 'resumptionToken')[0];
    if (!token) return out;
    const value = token.textContent;
    out.tokens.push({ value, cursor: token.getAttribute('cursor'), completeListSize: token.getAttribute('completeListSize') });
    if (value === '') return out;
    response = await oaiGet(app, q({ verb, resumptionToken: value }));
  }
}
