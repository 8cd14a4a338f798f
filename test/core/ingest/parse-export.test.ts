import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadArchiveProfile } from '../../../functions/adapters/ingest-files.ts';
import { buildRecordContent } from '../../../functions/core/ingest/build-record-content.ts';
import { parseExport } from '../../../functions/core/ingest/parse-export.ts';
import { readExport } from '../../../functions/core/ingest/read-export.ts';
import type { ArchiveProfile } from '../../../schemas/archive-profile.ts';
import { OverlaySchema } from '../../../schemas/overlay.ts';
import { buildExport, type ExportParts } from '../../support/export-builder.ts';
import { ARCHIVE_PROFILE, EXPORT_110020, OVERLAY_110020 } from '../../support/fixtures.ts';

let profile: ArchiveProfile;
let text110020: string;
beforeAll(async () => {
  profile = await loadArchiveProfile(ARCHIVE_PROFILE);
  text110020 = await readFile(EXPORT_110020, 'utf8');
});

function contentOf(text: string, overlayJson?: unknown) {
  const parsed = parseExport(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const overlay = overlayJson === undefined ? undefined : OverlaySchema.parse(overlayJson);
  return buildRecordContent(parsed.value, profile, overlay);
}

function variant(parts: ExportParts) {
  const result = contentOf(buildExport(parts));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value.content;
}

describe('the 110020 export', () => {
  async function facts() {
    const result = contentOf(text110020, JSON.parse(await readFile(OVERLAY_110020, 'utf8')));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return result.value;
  }

  it('reads the identifier, title, date, type and summary', async () => {
    const { content } = await facts();
    expect(content.id).toBe('110020');
    expect(content.title).toBe(
      'Telegram from Mao Zedong to I.V. Stalin, Conveying the 19 January 1951 Telegram from Peng Dehuai to Mao Zedong regarding Meetings with Kim Il Sung',
    );
    expect(content.date).toEqual({ display: 'January 27, 1951', precision: 'day', edtf: '1951-01-27', start: { year: 1951, month: 1, day: 27 } });
    expect(content.genre).toBe('Telegram');
    expect(content.resourceType).toBe('Text');
    expect(content.summary).toMatch(/^The telegram from Peng Dehuai discusses .* Kim Il Sung’s belief .* newly liberated areas\.$/);
  });

  it('keeps the translation byte for byte, from the first body line to "26.1.51"', async () => {
    const { content } = await facts();
    const start = text110020.indexOf('SECOND MAIN ADMINISTRATION');
    const end = text110020.indexOf('26.1.51') + '26.1.51'.length;
    expect(content.texts).toHaveLength(1);
    expect(content.texts[0]?.text).toBe(text110020.slice(start, end));
    expect(content.texts[0]?.kind).toBe('translation');
    expect(content.texts[0]?.language).toBe('en');
  });

  it('parses the archival reference into repository, fond, opis, delo and four leaves', async () => {
    const { content } = await facts();
    expect(content.source.citation).toBe('APRF, f. 45, op. 1, d. 337, ll. 37-40.');
    expect(content.source.kind).toBe('archival-reference');
    expect(content.source.archival).toEqual({
      repository: { abbreviation: 'APRF', name: 'Archive of the President of the Russian Federation', place: 'Moscow' },
      fond: '45',
      opis: '1',
      delo: '337',
      leaves: [37, 38, 39, 40].map((number) => ({ number, reverse: false })),
    });
  });

  it('keeps the rights statement verbatim and maps it to InC-EDU with its contact', async () => {
    const { content } = await facts();
    expect(content.rights.statement).toBe(
      [
        'The History and Public Policy Program welcomes reuse of Digital Archive materials for research and educational purposes. Some documents may be subject to copyright, which is retained by the rights holders in accordance with US and international copyright laws. When possible, rights holders have been contacted for permission to reproduce their materials.',
        "To enquire about this document's rights status or request permission for commercial use, please contact the History and Public Policy Program at HAPP@wilsoncenter.org.",
      ].join('\n\n'),
    );
    expect(content.rights.uri).toBe('http://rightsstatements.org/vocab/InC-EDU/1.0/');
    expect(content.rights.contact?.email).toBe('HAPP@wilsoncenter.org');
  });

  it('treats the empty Language label as absent', async () => {
    const { content } = await facts();
    expect(content.languages).toBeUndefined();
  });

  it('reads the uploaded date and builds the original URL', async () => {
    const result = await facts();
    expect(result.uploaded).toBe('2011-11-20');
    expect(result.originalUrl).toBe('https://digitalarchive.wilsoncenter.org/document/110020');
  });

  it('takes agents and the conveyed telegram from the overlay, not from the text', async () => {
    const { content } = await facts();
    expect(content.agents.map((a) => [a.role, a.agent.name])).toEqual([
      ['author', 'Mao Zedong'],
      ['recipient', 'I.V. Stalin'],
    ]);
    expect(content.embeddedDocuments[0]?.agents.map((a) => [a.role, a.agent.name])).toEqual([
      ['author', 'Peng Dehuai'],
      ['recipient', 'Mao Zedong'],
    ]);
  });

  it('guesses no agents, subjects or places without an overlay', () => {
    const result = contentOf(text110020);
    if (!result.ok) throw new Error('rejected');
    expect(result.value.content.agents).toEqual([]);
    expect(result.value.content.subjects).toEqual([]);
    expect(result.value.content.places).toEqual([]);
  });
});

describe('export variants', () => {
  it.each([
    ['1958', { display: '1958', precision: 'year', edtf: '1958', start: { year: 1958 } }],
    ['May 1951', { display: 'May 1951', precision: 'month', edtf: '1951-05', start: { year: 1951, month: 5 } }],
    ['n.d.', { display: 'n.d.', precision: 'undated' }],
    ['1950-1953', { display: '1950-1953', precision: 'range', edtf: '1950/1953', start: { year: 1950 }, end: { year: 1953 } }],
  ])('keeps the precision of the date "%s"', (date, expected) => {
    expect(variant({ date }).date).toEqual(expected);
  });

  it('keeps a book citation verbatim and does not parse it as an archival reference', () => {
    const citation = 'Shen Zhihua, ed., “Chaoxian Zhanzheng: Eguo Dang’anguan de Jiemi Wenjian” (Taipei: Academia Sinica, 2003), vol. 2, p. 645.';
    const content = variant({ fields: { Source: citation } });
    expect(content.source).toEqual({ citation, kind: 'bibliographic' });
    expect(content.texts[0]?.leaves).toBeUndefined();
  });

  it('classifies an acquisition note as a note', () => {
    const citation = 'Obtained by Kathryn Weathersby; translated by Gary Goldberg.';
    expect(variant({ fields: { Source: citation } }).source).toEqual({ citation, kind: 'note' });
  });

  it('maps a named language to its ISO 639-1 code', () => {
    expect(variant({ fields: { Language: 'Russian' } }).languages).toEqual(['ru']);
  });

  it('keeps Cyrillic and typographic quotes untouched', () => {
    const body = 'Товарищу СТАЛИНУ — «совершенно секретно».\nIt’s “urgent”.';
    const title = 'Записка «О положении» — a memo';
    const content = variant({ body, title });
    expect(content.texts[0]?.text).toBe(body);
    expect(content.title).toBe(title);
  });

  it('reads the papka (p.) of a Foreign Policy Archive reference', () => {
    const content = variant({ fields: { Source: 'AVPRF, f. 0100, op. 43, p. 302, d. 10, ll. 1-2.' } });
    expect(content.source.archival).toEqual({
      repository: { abbreviation: 'AVPRF', name: 'Foreign Policy Archive of the Russian Federation', place: 'Moscow' },
      fond: '0100',
      opis: '43',
      papka: '302',
      delo: '10',
      leaves: [
        { number: 1, reverse: false },
        { number: 2, reverse: false },
      ],
    });
  });

  it('expands leaves with reverse sides', () => {
    const content = variant({ fields: { Source: 'AVPRF, f. 059a, op. 5a, d. 4, ll. 5-6ob.' } });
    expect(content.source.archival?.leaves).toEqual([
      { number: 5, reverse: false },
      { number: 5, reverse: true },
      { number: 6, reverse: false },
      { number: 6, reverse: true },
    ]);
  });
});

describe('malformed exports', () => {
  const problemsOf = (text: string) => {
    const read = readExport(text, profile, undefined);
    return read.ok ? [] : read.problems;
  };

  it('reports a missing separator', () => {
    const text = buildExport().replace('\n###\n', '\n');
    expect(problemsOf(text)).toEqual([{ message: 'no "###" line separating the body from the summary' }]);
  });

  it('reports an unreadable date with its line number', () => {
    expect(problemsOf(buildExport({ date: 'Sometime in spring' }))).toEqual([
      expect.objectContaining({ line: 3, field: 'date', message: expect.stringContaining('Sometime in spring') }),
    ]);
  });

  it('reports an impossible day', () => {
    expect(problemsOf(buildExport({ date: 'February 30, 1951' }))).toEqual([expect.objectContaining({ line: 3, field: 'date' })]);
  });

  it('reports every problem at once, each with its line', () => {
    // An unknown language or repository abbreviation is a warning now, not a problem.
    const text = buildExport({ fields: { 'Record ID': '', Rights: 'All rights reserved.', 'Original Uploaded Date': '2012-13-45' } });
    const problems = problemsOf(text);
    expect(problems.map((p) => p.field).sort()).toEqual(['Original Uploaded Date', 'Record ID', 'Rights']);
    for (const problem of problems) expect(problem.line).toBeGreaterThan(10);
  });

  it('reports an export that stops after its date: everything it lacks', () => {
    expect(problemsOf('Skip to content\n\n1951\n').map((p) => p.field ?? p.message)).toEqual([
      'no "###" line separating the body from the summary',
      'no "Document Information" heading before the labelled fields',
      'title',
      'body',
      'Record ID',
      'Source',
      'Rights',
    ]);
  });
});
