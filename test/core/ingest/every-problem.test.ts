/** A malformed export is rejected once, with every problem it has, each on its line. */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadArchiveProfile } from '../../../functions/adapters/ingest-files.ts';
import { ingestExport } from '../../../functions/core/ingest/ingest-export.ts';
import type { Problem } from '../../../functions/core/ingest/problems.ts';
import { readExport } from '../../../functions/core/ingest/read-export.ts';
import type { ArchiveProfile } from '../../../schemas/archive-profile.ts';
import { buildExport, type ExportParts } from '../../support/export-builder.ts';
import { ARCHIVE_PROFILE, seededStores } from '../../support/fixtures.ts';

let profile: ArchiveProfile;
beforeAll(async () => {
  profile = await loadArchiveProfile(ARCHIVE_PROFILE);
});

/** The export's problems as `line field` (or `line message` for a problem of its structure). */
function problemsOf(parts: ExportParts): string[] {
  const read = readExport(buildExport(parts), profile, undefined);
  return read.ok ? [] : read.problems.map((p: Problem) => `${p.line ?? '-'} ${p.field ?? p.message}`);
}

/** The 1-based line of the first line of `text` that is exactly `line`. */
const lineOf = (text: string, line: string) => text.split('\n').indexOf(line) + 1;

describe('an export missing several parts', () => {
  it('lists the missing body, Rights and Record ID together, each on its line', () => {
    const parts: ExportParts = { omit: ['body', 'Rights', 'Record ID'] };
    const text = buildExport(parts);
    const heading = lineOf(text, 'Document Information');
    // The body is missing where it should stand, after the title; the labels where the fields are.
    expect(problemsOf(parts)).toEqual([`${lineOf(text, 'Memorandum on a conversation') + 1} body`, `${heading} Record ID`, `${heading} Rights`]);
  });

  it('lists a missing title and body with the fields it lacks or gets wrong', () => {
    const parts: ExportParts = {
      omit: ['title', 'body', 'Source'],
      fields: { Rights: '', 'Original Uploaded Date': '2012-13-45', 'Record ID': 'no spaces allowed' },
    };
    const text = buildExport(parts);
    const separator = lineOf(text, '###');
    expect(problemsOf(parts)).toEqual([
      `${separator} title`,
      `${separator} body`,
      `${lineOf(text, 'Document Information')} Source`,
      `${lineOf(text, 'Rights')} Rights`,
      `${lineOf(text, '2012-13-45')} Original Uploaded Date`,
      `${lineOf(text, 'no spaces allowed')} Record ID`,
    ]);
  });

  it('checks the fields of an export whose structure is broken, too', () => {
    const parts: ExportParts = { omit: ['separator', 'heading', 'Record ID'], date: 'Sometime in spring' };
    const text = buildExport(parts);
    expect(problemsOf(parts)).toEqual([
      '- no "###" line separating the body from the summary',
      '- no "Document Information" heading before the labelled fields',
      `${lineOf(text, 'Sometime in spring')} date`,
      // Without the heading, the fields start at the first label.
      `${lineOf(text, 'Source')} Record ID`,
    ]);
  });

  it('lists a label given twice with the rest', () => {
    const text = `${buildExport({ omit: ['Rights'] })}\nType\n\nLetter\n`;
    const read = readExport(text, profile, undefined);
    expect(read.ok ? [] : read.problems.map((p) => `${p.field} ${p.message}`)).toEqual([`Rights missing or empty`, `Type "Type" is given twice`]);
  });

  it('reports only the structure of an export whose parts are all there but its separator and heading', () => {
    const read = readExport(buildExport({ omit: ['separator', 'heading'] }), profile, undefined);
    expect(read.ok).toBe(false);
    expect(read.ok ? [] : read.problems.map((p) => p.field)).toEqual([undefined, undefined]);
  });

  it('rejects it through ingestExport with every problem and stores nothing', async () => {
    const { ingestDeps, blobs } = await seededStores();
    const objectsBefore = blobs.objects.size;
    const outcome = await ingestExport(
      {
        fileName: 'bad.txt',
        exportBytes: Buffer.from(buildExport({ omit: ['body', 'Rights', 'Record ID'] })),
        overlayBytes: Buffer.from('{"id": 7}'),
      },
      ingestDeps,
    );
    expect(outcome.status).toBe('rejected');
    expect(outcome.status === 'rejected' && outcome.problems.map((p) => p.field)).toEqual(['body', 'Record ID', 'Rights', 'overlay.id']);
    expect(blobs.objects.size).toBe(objectsBefore);
  });
});
