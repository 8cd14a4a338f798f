import { readFile } from 'node:fs/promises';
import { parse as parseHtml } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadArchiveProfile } from '../../functions/adapters/ingest-files.ts';
import { createApp } from '../../functions/api/app.ts';
import { ingestExport } from '../../functions/core/ingest/ingest-export.ts';
import type { ArchivalRecord } from '../../schemas/record.ts';
import { folded, readWithBibtexParser } from '../support/citation-readers.ts';
import { ARCHIVE_PROFILE, EXPORT_110020, fixedClock, OVERLAY_110020, record110020, TEST_BASE_URL, testApp, testConfig } from '../support/fixtures.ts';
import { MemoryBlobStore, MemoryRecordStore } from '../support/memory-stores.ts';

const IN_C_EDU = 'http://rightsstatements.org/vocab/InC-EDU/1.0/';
let record: ArchivalRecord;
beforeAll(async () => {
  record = await record110020();
});

/** The text in which each format states the rights, read the way its consumers read it. */
const RIGHTS_TEXT: { [extension: string]: (body: string) => Promise<string> | string } = {
  'csl.json': (body) => {
    const [item] = JSON.parse(body) as { note: string; license: string }[];
    return `${item?.note} ${item?.license}`;
  },
  bib: async (body) => {
    const fields = (await readWithBibtexParser(body)).entries[0]?.fields as { [field: string]: unknown } | undefined;
    return `${fields?.note} ${fields?.copyright}`;
  },
  'biblatex.bib': async (body) => {
    const fields = (await readWithBibtexParser(body)).entries[0]?.fields as { [field: string]: unknown } | undefined;
    return `${fields?.addendum} ${fields?.rights}`;
  },
  ris: (body) => body,
  txt: (body) => body,
  html: (body) => {
    const root = parseHtml(body);
    const license = root.querySelectorAll('a[rel="license"]').map((a) => a.getAttribute('href'));
    return `${license.join(' ')} ${root.querySelector('blockquote.rights')?.text ?? ''}`;
  },
};

describe('GET /records/{id}/rights', () => {
  it('gives the rightsstatements.org URI, its label, the statement verbatim and the contact', async () => {
    const { app } = await testApp();
    const res = await app.request('/records/110020/rights');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await res.json()).toEqual({
      record: `${TEST_BASE_URL}/records/110020`,
      uri: IN_C_EDU,
      statementId: 'InC-EDU',
      label: 'In Copyright - Educational Use Permitted',
      statement: record.rights.statement,
      contact: { name: 'History and Public Policy Program', email: 'HAPP@wilsoncenter.org' },
    });
  });

  it('links the licence in a Link header', async () => {
    const { app } = await testApp();
    const res = await app.request('/records/110020/rights');
    expect(res.headers.get('link')).toBe(`<${IN_C_EDU}>; rel="license"`);
  });

  it('answers an unknown record with 404', async () => {
    const { app } = await testApp();
    expect((await app.request('/records/999999/rights')).status).toBe(404);
  });
});

describe('the same rights in every citation format', () => {
  it.each(Object.keys(RIGHTS_TEXT))('.%s carries the rights URI and the statement verbatim', async (extension) => {
    const { app } = await testApp();
    const res = await app.request(`/records/110020.${extension}`);
    expect(res.status).toBe(200);
    const text = folded(await (RIGHTS_TEXT[extension] as (b: string) => Promise<string>)(await res.text()));
    expect(text).toContain(IN_C_EDU);
    expect(text).toContain(folded(record.rights.statement));
  });

  it.each(Object.keys(RIGHTS_TEXT))('.%s follows a per-record override from the overlay', async (extension) => {
    const overlay = JSON.parse(await readFile(OVERLAY_110020, 'utf8'));
    overlay.rights = { uri: 'http://rightsstatements.org/vocab/InC/1.0/' };
    const records = new MemoryRecordStore();
    const blobs = new MemoryBlobStore();
    const deps = { records, blobs, clock: fixedClock(), profile: await loadArchiveProfile(ARCHIVE_PROFILE) };
    const outcome = await ingestExport(
      { fileName: '110020.txt', exportBytes: await readFile(EXPORT_110020), overlayBytes: new TextEncoder().encode(JSON.stringify(overlay)) },
      deps,
    );
    expect(outcome.status).not.toBe('rejected');
    const app = createApp({ config: testConfig(), records, clock: fixedClock() });
    const body = await (await app.request(`/records/110020.${extension}`)).text();
    const text = folded(await (RIGHTS_TEXT[extension] as (b: string) => Promise<string>)(body));
    expect(text).toContain('http://rightsstatements.org/vocab/InC/1.0/');
    expect(text).not.toContain(IN_C_EDU);
    expect(text).toContain(folded(record.rights.statement));
  });
});
