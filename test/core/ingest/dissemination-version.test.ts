/** A bump of DISSEMINATION_VERSION makes the next ingest of every record a new version, as its comment promises. */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ingestExport } from '../../../functions/core/ingest/ingest-export.ts';
import { DISSEMINATION_VERSION } from '../../../functions/core/records/record-fingerprint.ts';
import type { ArchivalRecord } from '../../../schemas/record.ts';
import { EXPORT_110020, fixedClock, OVERLAY_110020, seededStores } from '../../support/fixtures.ts';

describe('the dissemination version a record was stored under', () => {
  it('is kept in its provenance', async () => {
    const { records } = await seededStores();
    expect(((await records.get('110020')) as ArchivalRecord).provenance.disseminationVersion).toBe(DISSEMINATION_VERSION);
  });

  it('makes a record stored under an earlier one change on its next ingest, once', async () => {
    const { records, ingestDeps } = await seededStores();
    const stored = (await records.get('110020')) as ArchivalRecord;
    // As a record stored before the field existed (under version 1) reads back.
    const { disseminationVersion: _current, ...earlier } = stored.provenance;
    await records.put({ ...stored, provenance: earlier, version: 2 }, 1);
    const input = { fileName: '110020.txt', exportBytes: await readFile(EXPORT_110020), overlayBytes: await readFile(OVERLAY_110020) };
    const later = { ...ingestDeps, clock: fixedClock('2026-12-01T00:00:00Z') };
    expect(await ingestExport(input, later)).toMatchObject({ status: 'updated', version: 3, datestamp: '2026-12-01T00:00:00Z' });
    expect(await ingestExport(input, later)).toMatchObject({ status: 'unchanged', version: 3 });
  });
});
