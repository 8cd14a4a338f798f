/** The URLs a crawler walks once per record in the miss-path bench, shared by the walker and the floor server. */
import { generatedId } from '../support/generate-records.ts';

export interface MissRoute {
  name: string;
  path: (id: string) => string;
  headers: { [name: string]: string };
  /** True for a URL of this kind (the floor's router). */
  matches: (url: URL) => boolean;
}

export const MISS_ROUTES: readonly MissRoute[] = [
  {
    name: 'landing page',
    path: (id) => `/records/${id}`,
    headers: { accept: 'text/html' },
    matches: (url) => /^\/records\/[^/.]+$/.test(url.pathname),
  },
  { name: 'record JSON', path: (id) => `/records/${id}.json`, headers: {}, matches: (url) => url.pathname.endsWith('.json') },
  { name: 'IIIF manifest', path: (id) => `/iiif/3/${id}/manifest`, headers: {}, matches: (url) => url.pathname.endsWith('/manifest') },
  { name: 'MODS', path: (id) => `/records/${id}.mods.xml`, headers: {}, matches: (url) => url.pathname.endsWith('.mods.xml') },
  {
    name: 'OAI GetRecord',
    // MODS: the harvests are of oai_dc and marc21, so no OAI-PMH element the walk made is reused by them.
    path: (id) => `/oai?verb=GetRecord&identifier=oai:bench.example.org:${id}&metadataPrefix=mods`,
    headers: {},
    matches: (url) => url.searchParams.get('verb') === 'GetRecord',
  },
];

/** Records loaded beyond those walked, on which the floor measures the service's response sizes (more than an OAI-PMH page). */
export const SAMPLE_RECORDS = 120;

export const walkedId = generatedId;

/** Metadata formats harvested whole, each against raw Query pages of the harvest index. */
export const HARVEST_FORMATS = ['oai_dc', 'marc21'] as const;
