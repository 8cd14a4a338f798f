import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ingestExport } from '../../../functions/core/ingest/ingest-export.ts';
import { sha256Hex } from '../../../functions/core/records/record-fingerprint.ts';
import { buildExport } from '../../support/export-builder.ts';
import { EXPORT_110020, fixedClock, OVERLAY_110020, seededStores } from '../../support/fixtures.ts';

const input = async () => ({ fileName: '110020.txt', exportBytes: await readFile(EXPORT_110020), overlayBytes: await readFile(OVERLAY_110020) });

describe('ingestExport', () => {
  it('stores the export byte for byte under its SHA-256 and records it in the provenance', async () => {
    const { records, blobs } = await seededStores();
    const record = await records.get('110020');
    const bytes = await readFile(EXPORT_110020);
    expect(record && 'provenance' in record && record.provenance.sourceSha256).toBe('5736d57f8b9235d55f2bb0a15c565b0fa7e919dfea40c425c621ed8234092822');
    const stored = await blobs.get('sources/110020/5736d57f8b9235d55f2bb0a15c565b0fa7e919dfea40c425c621ed8234092822.txt');
    expect(Buffer.from(stored).equals(bytes)).toBe(true);
  });

  it('stores the translation as its own text object', async () => {
    const { records, blobs } = await seededStores();
    const record = await records.get('110020');
    const text = record && 'texts' in record ? record.texts[0]?.text : undefined;
    expect(text).toBeDefined();
    const key = `text/110020/${sha256Hex(text ?? '')}.translation.en.txt`;
    expect(new TextDecoder().decode(await blobs.get(key))).toBe(text);
  });

  it('changes nothing, not even the datestamp, when an unchanged export is ingested again', async () => {
    const { ingestDeps, records } = await seededStores({ clock: fixedClock('2026-01-01T00:00:00Z') });
    const before = await records.get('110020');
    const outcome = await ingestExport(await input(), { ...ingestDeps, clock: fixedClock('2026-06-01T00:00:00Z') });
    expect(outcome).toEqual({ status: 'unchanged', id: '110020', version: 1, datestamp: '2026-01-01T00:00:00Z' });
    expect(await records.get('110020')).toEqual(before);
  });

  it('stores a changed overlay as the next version with a new datestamp', async () => {
    const { ingestDeps } = await seededStores({ clock: fixedClock('2026-01-01T00:00:00Z') });
    const overlay = JSON.parse(await readFile(OVERLAY_110020, 'utf8')) as { places: { name: string }[] };
    overlay.places.push({ name: 'Pyongyang' });
    const outcome = await ingestExport(
      { ...(await input()), overlayBytes: Buffer.from(JSON.stringify(overlay)) },
      { ...ingestDeps, clock: fixedClock('2026-06-01T10:20:30.456Z') },
    );
    expect(outcome).toEqual({ status: 'updated', id: '110020', version: 2, datestamp: '2026-06-01T10:20:30Z' });
  });

  it('stores nothing for a malformed export', async () => {
    const { ingestDeps, records, blobs } = await seededStores();
    const objectsBefore = blobs.objects.size;
    const outcome = await ingestExport(
      { fileName: 'bad.txt', exportBytes: Buffer.from(buildExport({ date: 'someday', fields: { 'Record ID': '300' } })) },
      ingestDeps,
    );
    expect(outcome.status).toBe('rejected');
    expect(await records.get('300')).toBeUndefined();
    expect(blobs.objects.size).toBe(objectsBefore);
  });

  it('rejects bytes that are not UTF-8', async () => {
    const { ingestDeps } = await seededStores();
    const outcome = await ingestExport({ fileName: 'latin1.txt', exportBytes: Buffer.from([0x54, 0xe9, 0x6c, 0xe9]) }, ingestDeps);
    expect(outcome).toEqual({ status: 'rejected', problems: [{ message: 'the export is not valid UTF-8' }] });
  });

  it('rejects an overlay written for another record', async () => {
    const { ingestDeps } = await seededStores();
    const overlay = Buffer.from(JSON.stringify({ id: '999' }));
    const outcome = await ingestExport({ ...(await input()), overlayBytes: overlay }, ingestDeps);
    expect(outcome.status === 'rejected' && outcome.problems).toEqual([{ field: 'overlay', message: 'overlay is for record "999", not "110020"' }]);
  });

  it('rejects an overlay with unknown fields, naming them', async () => {
    const { ingestDeps } = await seededStores();
    const overlay = Buffer.from(JSON.stringify({ id: '110020', author: 'Mao' }));
    const outcome = await ingestExport({ ...(await input()), overlayBytes: overlay }, ingestDeps);
    expect(outcome.status).toBe('rejected');
    expect(JSON.stringify(outcome)).toContain('author');
  });
});
