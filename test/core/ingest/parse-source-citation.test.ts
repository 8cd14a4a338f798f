/**
 * The Source line as the Digital Archive publishes it. Every citation marked "published" is a
 * Source line of a record of digitalarchive.wilsoncenter.org as published (the record's id is
 * given; the lines come from Zotero's translator for the archive, which imports them as the
 * archive location, from the `digitalarchive` Python client's documentation and from the
 * archive's PDF renderings), or a reference written as Russian archives write them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadArchiveProfile } from '../../../functions/adapters/ingest-files.ts';
import { expandLeaves, parseSourceCitation } from '../../../functions/core/ingest/parse-source-citation.ts';
import { mergeCredits, parseCredits } from '../../../functions/core/ingest/parse-source-credits.ts';
import type { ArchiveProfile } from '../../../schemas/archive-profile.ts';
import type { AgentInRole, Leaf } from '../../../schemas/record.ts';
import { ARCHIVE_PROFILE } from '../../support/fixtures.ts';

let profile: ArchiveProfile;
beforeAll(async () => {
  profile = await loadArchiveProfile(ARCHIVE_PROFILE);
});

const parse = (citation: string) => parseSourceCitation(citation, profile.repositories);
const rectos = (...numbers: number[]): Leaf[] => numbers.map((number) => ({ number, reverse: false }));
const leaf = (label: string): Leaf => ({ number: Number.parseInt(label, 10), reverse: label.endsWith('ob') });
/** The parts of a reference as `REPO f/op/p/d` and its leaves as labels. */
const shape = (citation: string) => {
  const { source } = parse(citation);
  return [source.archival, ...(source.additionalArchival ?? [])].map((ref) =>
    ref
      ? {
          at: [ref.repository.abbreviation, ref.fond, ref.opis, ref.papka, ref.delo].map((part) => part ?? '-').join(' '),
          leaves: ref.leaves.map((l) => `${l.number}${l.reverse ? 'ob' : ''}`).join(','),
        }
      : undefined,
  );
};
const credits = (citation: string) => parse(citation).credits.map((c) => `${c.role}: ${c.agent.name} (${c.agent.kind})`);

describe('archival references followed by credits (published)', () => {
  it('reads the reference and keeps "Translated by ..." as the remainder, with the translator (280697)', () => {
    const citation = 'RGANI, f. 5, op. 49, d. 131, ll. 193-194. Translated by Gary Goldberg.';
    const { source, credits: named, warnings } = parse(citation);
    expect(source).toEqual({
      citation,
      kind: 'archival-reference',
      archival: {
        repository: { abbreviation: 'RGANI', name: 'Russian State Archive of Contemporary History', place: 'Moscow' },
        fond: '5',
        opis: '49',
        delo: '131',
        leaves: rectos(193, 194),
      },
      remainder: 'Translated by Gary Goldberg.',
    });
    expect(named).toEqual([{ role: 'translator', agent: { name: 'Gary Goldberg', kind: 'person' } }]);
    expect(warnings).toEqual([]);
  });

  it('reads "Contributed by ... and translated by ..." as a contributor and a translator (134696)', () => {
    const citation = 'RGASPI, f. 558, op. 11, d. 97, ll. 67-70. Contributed by Sergey Radchenko and translated by Gary Goldberg.';
    expect(shape(citation)).toEqual([{ at: 'RGASPI 558 11 - 97', leaves: '67,68,69,70' }]);
    expect(parse(citation).source.remainder).toBe('Contributed by Sergey Radchenko and translated by Gary Goldberg.');
    expect(credits(citation)).toEqual(['contributor: Sergey Radchenko (person)', 'translator: Gary Goldberg (person)']);
  });

  it('reads an AVPRF reference with no comma after the repository, a year after the opis and the papka before the delo', () => {
    // The `digitalarchive` client's documentation shows this Source line.
    const citation = 'AVPRF f. 0100, op. 34, 1946, p. 253, d. 18. Obtained and translated for CWIHP by Austin Jersild.';
    expect(shape(citation)).toEqual([{ at: 'AVPRF 0100 34 253 18', leaves: '' }]);
    expect(parse(citation).source.remainder).toBe('Obtained and translated for CWIHP by Austin Jersild.');
    expect(credits(citation)).toEqual(['contributor: Austin Jersild (person)', 'translator: Austin Jersild (person)']);
  });

  it('reads "Courtesy of ..." as a contributing organisation', () => {
    const citation = 'TsKhSD, f. 89, op. 14, d. 28, ll. 1-3. Courtesy of the National Security Archive.';
    expect(shape(citation)).toEqual([{ at: 'TsKhSD 89 14 - 28', leaves: '1,2,3' }]);
    expect(credits(citation)).toEqual(['contributor: National Security Archive (organization)']);
  });

  it('keeps a remainder that names nobody, and adds no agents for it', () => {
    const citation = 'APRF, f. 3, op. 65, d. 9, ll. 51-55. Original scan courtesy of the archive is not available.';
    expect(parse(citation).source.remainder).toBe('Original scan courtesy of the archive is not available.');
    expect(parse('APRF, f. 3, op. 65, d. 9, l. 5. A draft, with handwritten corrections.').credits).toEqual([]);
  });

  it('keeps the seed reference exactly as before: no remainder, no credits (110020)', () => {
    const { source, credits: named } = parse('APRF, f. 45, op. 1, d. 337, ll. 37-40.');
    expect(source).toEqual({
      citation: 'APRF, f. 45, op. 1, d. 337, ll. 37-40.',
      kind: 'archival-reference',
      archival: {
        repository: { abbreviation: 'APRF', name: 'Archive of the President of the Russian Federation', place: 'Moscow' },
        fond: '45',
        opis: '1',
        delo: '337',
        leaves: rectos(37, 38, 39, 40),
      },
    });
    expect(named).toEqual([]);
  });
});

describe('references in Cyrillic and in the forms Russian archives write', () => {
  it.each([
    ['РГАНИ, ф. 5, оп. 30, д. 335, лл. 1-3.', 'RGANI 5 30 - 335', '1,2,3'],
    ['РГАСПИ. Ф. 17. Оп. 163. Д. 1323. Л. 57.', 'RGASPI 17 163 - 1323', '57'],
    ['ГА РФ, ф. Р-9401, оп. 2, д. 64, л. 9об.', 'GARF Р-9401 2 - 64', '9ob'],
    ['АВП РФ, ф. 0100, оп. 43, п. 302, д. 10, лл. 5-6об.', 'AVPRF 0100 43 302 10', '5,5ob,6,6ob'],
    ['RGASPI, F.558, Op.1, D.5754, L.126.', 'RGASPI 558 1 - 5754', '126'],
    ['GARF. F.R-9478. Op.1. D 2. L.3-4.', 'GARF R-9478 1 - 2', '3,4'],
    ['APRF, Fond 45, Opis 1, Delo 331, Listy 65-67.', 'APRF 45 1 - 331', '65,66,67'],
    ['AVPRF, f. 07, op. 23a, d. 18, p. 235, l. 12.', 'AVPRF 07 23a 235 18', '12'],
    ['AVPRF, f. 0100, op. 43, p. 302, d. 10, ll. 1-2.', 'AVPRF 0100 43 302 10', '1,2'],
    ['AVPRF, f. 059a, op. 5a, d. 4, ll. 5-6ob.', 'AVPRF 059a 5a - 4', '5,5ob,6,6ob'],
    ['RGANI, f. 3, op. 14, d. 12, l. 3', 'RGANI 3 14 - 12', '3'],
    ['RGANI, f. 5, op. 30, d. 163', 'RGANI 5 30 - 163', ''],
  ])('reads %s', (citation, at, leaves) => {
    const { source, warnings } = parse(citation);
    expect(warnings).toEqual([]);
    expect(source.kind).toBe('archival-reference');
    expect(source.remainder).toBeUndefined();
    expect(shape(citation)).toEqual([{ at, leaves }]);
  });
});

describe('leaves', () => {
  it.each([
    ['37-40', ['37', '38', '39', '40']],
    ['37-40, 42', ['37', '38', '39', '40', '42']],
    ['12ob.', ['12ob']],
    ['12 ob.', ['12ob']],
    ['12об.', ['12ob']],
    ['5-6ob.', ['5', '5ob', '6', '6ob']],
    ['17ob.-18', ['17ob', '18']],
    ['17ob.-18ob.', ['17ob', '18', '18ob']],
    ['1–3', ['1', '2', '3']],
    ['1, 3-4, 7ob.', ['1', '3', '4', '7ob']],
  ])('expands %s', (text, labels) => {
    expect(expandLeaves(text)).toEqual(labels.map(leaf));
  });

  it('refuses a range that runs backwards', () => {
    expect(expandLeaves('40-37')).toBeUndefined();
  });

  it('reads a list of leaves before the credits, and "Obtained" is not a reverse side', () => {
    expect(shape('APRF, f. 45, op. 1, d. 337, ll. 37-40, 42. Translated by Gary Goldberg.')).toEqual([{ at: 'APRF 45 1 - 337', leaves: '37,38,39,40,42' }]);
    const citation = 'APRF, f. 45, op. 1, d. 337, l. 12 Obtained by Kathryn Weathersby.';
    expect(shape(citation)).toEqual([{ at: 'APRF 45 1 - 337', leaves: '12' }]);
    expect(parse(citation).source.remainder).toBe('Obtained by Kathryn Weathersby.');
  });

  it('warns, and keeps the Source unparsed, when the leaves run backwards', () => {
    const { source, warnings } = parse('RGANI, f. 5, op. 30, d. 163, ll. 40-37.');
    expect(source.kind).toBe('bibliographic');
    expect(source.archival).toBeUndefined();
    expect(warnings).toEqual([expect.stringContaining('cannot read the leaves "40-37"')]);
  });
});

describe('several references in one Source', () => {
  it('keeps the first as the primary reference and the others after it, with the remainder', () => {
    const citation = 'RGANI, f. 3, op. 14, d. 12, l. 3; RGASPI, f. 17, op. 162, d. 41, ll. 1-4. Translated by Sergey Radchenko.';
    const { source } = parse(citation);
    expect(shape(citation)).toEqual([
      { at: 'RGANI 3 14 - 12', leaves: '3' },
      { at: 'RGASPI 17 162 - 41', leaves: '1,2,3,4' },
    ]);
    expect(source.remainder).toBe('Translated by Sergey Radchenko.');
    expect(source.citation).toBe(citation);
  });

  it('completes a later reference from the one before it when it leaves out the levels they share', () => {
    expect(shape('APRF, f. 45, op. 1, d. 331, ll. 59-61; d. 332, ll. 3-4.')).toEqual([
      { at: 'APRF 45 1 - 331', leaves: '59,60,61' },
      { at: 'APRF 45 1 - 332', leaves: '3,4' },
    ]);
    expect(shape('РГАНИ, ф. 5, оп. 30, д. 335, лл. 1-3; оп. 31, д. 2, л. 7.')).toEqual([
      { at: 'RGANI 5 30 - 335', leaves: '1,2,3' },
      { at: 'RGANI 5 31 - 2', leaves: '7' },
    ]);
  });

  it('adds a continuation naming only leaves to the same delo', () => {
    expect(shape('APRF, f. 45, op. 1, d. 337, ll. 37-40; ll. 45-46.')).toEqual([{ at: 'APRF 45 1 - 337', leaves: '37,38,39,40,45,46' }]);
  });

  it('keeps "; translated by ..." after a reference as the remainder, not as another reference', () => {
    const citation = 'APRF, f. 45, op. 1, d. 334, ll. 19-20; translated by Kathryn Weathersby.';
    expect(shape(citation)).toEqual([{ at: 'APRF 45 1 - 334', leaves: '19,20' }]);
    expect(parse(citation).source.remainder).toBe('translated by Kathryn Weathersby.');
    expect(credits(citation)).toEqual(['translator: Kathryn Weathersby (person)']);
  });

  it('warns about a later reference in an unknown repository and keeps the others', () => {
    const { source, warnings } = parse('RGANI, f. 5, op. 30, d. 163, l. 4; AMVnR, f. 1, op. 2, d. 3, l. 4.');
    expect(source.archival?.repository.abbreviation).toBe('RGANI');
    expect(source.additionalArchival).toBeUndefined();
    expect(warnings).toEqual([expect.stringMatching(/unknown repository abbreviation "AMVnR".*data\/archive\.json/)]);
  });
});

describe('what is not a reference, or not one this profile knows', () => {
  it('keeps a reference in an unknown repository verbatim and unparsed, with a warning naming data/archive.json, and still reads its credits', () => {
    // Record 120512.
    const citation = 'GAPPOD, f.1, op.89, d.203. Obtained for CWIHP by Jamil Hasanli and translated for CWIHP by Gary Goldberg.';
    const { source, warnings } = parse(citation);
    expect(source).toEqual({ citation, kind: 'bibliographic' });
    expect(warnings).toEqual([
      'unknown repository abbreviation "GAPPOD" in archival reference "GAPPOD, f.1, op.89, d.203"; the Source is kept verbatim, unparsed: add the repository to data/archive.json (repositories) to parse it',
    ]);
    expect(credits(citation)).toEqual(['contributor: Jamil Hasanli (person)', 'translator: Gary Goldberg (person)']);
  });

  it('warns about an unknown Cyrillic abbreviation too', () => {
    const { source, warnings } = parse('ЦАОДМ, ф. 3, оп. 52, д. 27, л. 18-32.');
    expect(source.kind).toBe('bibliographic');
    expect(warnings).toEqual([expect.stringContaining('"ЦАОДМ"')]);
  });

  it('reads the credits of an acquisition note (121893)', () => {
    const citation = 'Obtained by Béla Révész; translated and edited by Barnabás Vajd, Laura Deal, and Karl P. Benziger.';
    expect(parse(citation).source).toEqual({ citation, kind: 'note' });
    expect(credits(citation)).toEqual([
      'contributor: Béla Révész (person)',
      'translator: Barnabás Vajd (person)',
      'translator: Laura Deal (person)',
      'translator: Karl P. Benziger (person)',
      'contributor: Barnabás Vajd (person)',
      'contributor: Laura Deal (person)',
      'contributor: Karl P. Benziger (person)',
    ]);
  });

  it('takes no credits from a book citation: its translator is the book’s (209833)', () => {
    const citation = 'Milovan Djilas. Wartime. Translated by Michael B. Petrovich. (New York: Harcourt Brace Jovanovich, 1977), 385-387.';
    expect(parse(citation)).toEqual({ source: { citation, kind: 'bibliographic' }, credits: [], warnings: [] });
  });

  it('does not take a book citation for a reference', () => {
    const citation = 'Shen Zhihua, ed., “Chaoxian Zhanzheng: Eguo Dang’anguan de Jiemi Wenjian” (Taipei: Academia Sinica, 2003), vol. 2, p. 645.';
    expect(parse(citation)).toEqual({ source: { citation, kind: 'bibliographic' }, credits: [], warnings: [] });
  });
});

describe('credits', () => {
  it.each([
    ['Translated by Gary Goldberg for CWIHP.', ['translator: Gary Goldberg']],
    ['Translated from the Russian by Vladislav Zubok.', ['translator: Vladislav Zubok']],
    ['Translation by Mark Kramer.', ['translator: Mark Kramer']],
    ['Provided by the Russian State Archive of Contemporary History.', ['contributor: Russian State Archive of Contemporary History']],
    ['Obtained by CWIHP.', ['contributor: CWIHP']],
    ['Donated by Christopher Andrew & Vasili Mitrokhin.', ['contributor: Christopher Andrew', 'contributor: Vasili Mitrokhin']],
    ['Translated by I.V. Stalin Jr. and N. Smith.', ['translator: I.V. Stalin Jr.', 'translator: N. Smith']],
  ])('reads %s', (text, expected) => {
    expect(parseCredits(text).map((c) => `${c.role}: ${c.agent.name}`)).toEqual(expected);
  });

  const overlay: AgentInRole[] = [
    { role: 'author', agent: { name: 'Mao Zedong', kind: 'person', family: 'Mao', given: 'Zedong', nameOrder: 'family-first' } },
    { role: 'translator', agent: { name: 'Gary Goldberg', kind: 'person', family: 'Goldberg', given: 'Gary' } },
  ];

  it('adds nothing for a credit the overlay already gives in the same role', () => {
    expect(mergeCredits(overlay, parseCredits('Translated by Gary Goldberg.'))).toEqual(overlay);
    expect(mergeCredits(overlay, parseCredits('Translated by GARY  goldberg.'))).toEqual(overlay);
  });

  it("adds another role to the overlay's own description of the person", () => {
    const merged = mergeCredits(overlay, parseCredits('Obtained and translated by Gary Goldberg.'));
    expect(merged.slice(2)).toEqual([{ role: 'contributor', agent: overlay[1]?.agent }]);
  });

  it('matches the overlay by name parts and alternate names, accents aside', () => {
    const agents: AgentInRole[] = [{ role: 'translator', agent: { name: 'B. Révész', kind: 'person', alternateNames: ['Bela Revesz'] } }];
    expect(mergeCredits(agents, parseCredits('Translated by Béla Révész.'))).toEqual(agents);
  });
});
