/**
 * Zotero reads every record right by every path: the item type (a letter or a manuscript, never
 * a journal article or a book), the kind, the author and the addressee, the date at its
 * precision, the archive and the place in it, the rights statement, the language, the URL and the
 * abstract, and one set of name parts for a person whichever path brought them.
 *
 * The paths are those a Zotero user takes: the record's URL as Zotero's translation-server (and so
 * Wikipedia's Citoid) fetches it, with `Accept: *\/*`, read by the unAPI translator (which runs
 * first: priority 300) through RIS, or by the Embedded Metadata translator (320) from the meta
 * tags; and the RIS, CSL-JSON, BibTeX and BibLaTeX downloads. Each output is read with the
 * mapping of Zotero's own translator for it, in `zotero-translators.ts` (its tables give the
 * translator file and line of each entry), and the item Zotero would save is compared whole.
 *
 * Five record shapes, ingested from exports: the seed 110020 (a telegram with its author and
 * addressee from the overlay); a reference followed by a credit; a published book excerpt (a
 * bibliographic Source); a note-only Source; a year-only date.
 */
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/api/app.ts';
import { ingestExport } from '../../functions/core/ingest/ingest-export.ts';
import type { ArchivalRecord } from '../../schemas/record.ts';
import { buildExport } from '../support/export-builder.ts';
import { fixedClock, seededStores, TEST_BASE_URL, testConfig } from '../support/fixtures.ts';
import {
  BIBTEX_FIELDS,
  CSL_NAMES,
  CSL_TEXT_FIELDS,
  CSL_TYPES,
  RIS_TAGS,
  RIS_TYPES,
  risDateToZotero,
  unapiChoice,
  type ZoteroItem,
  zoteroFromBibtex,
  zoteroFromCsl,
  zoteroFromEmbeddedMetadata,
  zoteroFromRis,
} from '../support/zotero-translators.ts';

/** The exports of the four shapes besides the seed, as the archive writes them. */
const EXPORTS = {
  credit: {
    date: 'May 1958',
    title: 'Letter to the Deputy Chairman of the Soviet Committee of the MGG, Prof. Pushkov',
    fields: { Source: 'RGANI, f. 5, op. 49, d. 131, ll. 193-194. Translated by Gary Goldberg.', Type: 'Letter', Language: 'Russian', 'Record ID': '280697' },
  },
  book: {
    date: '1950-1953',
    title: 'Nikita Khrushchev on the Korean War',
    fields: {
      Source:
        'Nikita Khrushchev, Memoirs of Nikita Khrushchev, Volume 3: Statesman, 1953-1964 (University Park: Pennsylvania State University Press, 2007), 390-394.',
      Type: 'Memoir',
      Language: 'English',
      'Record ID': '300001',
    },
  },
  note: {
    date: 'June 12, 1952',
    title: 'Report on the Situation in Xinjiang',
    fields: { Source: 'Obtained and translated for CWIHP by Austin Jersild.', Type: 'Report', Language: 'Russian', 'Record ID': '300002' },
  },
  year: {
    date: '1956',
    title: 'Digest of the Chinese Press',
    fields: { Source: 'AVPRF, f. 0100, op. 49, p. 410, d. 9, ll. 1-5.', Type: 'Digest', Language: 'Chinese', 'Record ID': '300003' },
  },
} as const;

const PATHS = ['landing page, Embedded Metadata', 'landing page, unAPI -> RIS', 'RIS', 'CSL-JSON', 'BibTeX', 'BibLaTeX'] as const;
type Path = (typeof PATHS)[number];

type Creator = readonly [creatorType: string, lastName: string, firstName?: string];
interface Shown {
  itemType: string;
  creators: Creator[];
  fields: { [field: string]: string };
}

/** The item as compared: creators as `[type, last, first]` (`[type, name]` for a single-field name), every field but `extra`. */
const shown = (item: ZoteroItem): Shown => ({
  itemType: item.itemType,
  creators: item.creators.map((c) => (c.fieldMode === 1 ? [c.creatorType, c.lastName] : [c.creatorType, c.lastName, c.firstName ?? ''])),
  fields: Object.fromEntries(Object.entries(item.fields).filter(([field]) => field !== 'extra')),
});

type App = ReturnType<typeof createApp>;
type ByPath<T> = { [path in Path]: T };

let app: App;
let seed: ArchivalRecord;
const items = new Map<string, ByPath<ZoteroItem>>();
const outputs = new Map<string, ByPath<string>>();

/** What a client gets at a URL the service gave, with translation-server's `Accept`. */
async function fetchText(service: App, url: string): Promise<string> {
  const res = await service.request(url.replace(TEST_BASE_URL, ''), { headers: { Accept: '*/*' } });
  expect(res.status, url).toBe(200);
  return res.text();
}

/** Every path's output for a record, and the item Zotero saves of each. */
async function readEveryPath(service: App, id: string): Promise<{ outputs: ByPath<string>; items: ByPath<ZoteroItem> }> {
  const page = await fetchText(service, `${TEST_BASE_URL}/records/${id}`);
  const html = parse(page);
  const server = html.querySelector('link[rel="unapi-server"]')?.getAttribute('href') ?? '';
  const unapiId = html.querySelector('abbr.unapi-id')?.getAttribute('title') ?? '';
  const format = unapiChoice(await fetchText(service, server));
  const unapi = await fetchText(service, `${server}?id=${unapiId}&format=${format}`);
  const ris = await fetchText(service, `${TEST_BASE_URL}/records/${id}.ris`);
  const csl = await fetchText(service, `${TEST_BASE_URL}/records/${id}.csl.json`);
  const bib = await fetchText(service, `${TEST_BASE_URL}/records/${id}.bib`);
  const biblatex = await fetchText(service, `${TEST_BASE_URL}/records/${id}.biblatex.bib`);
  return {
    outputs: { 'landing page, Embedded Metadata': page, 'landing page, unAPI -> RIS': unapi, RIS: ris, 'CSL-JSON': csl, BibTeX: bib, BibLaTeX: biblatex },
    items: {
      'landing page, Embedded Metadata': zoteroFromEmbeddedMetadata(page),
      'landing page, unAPI -> RIS': zoteroFromRis(unapi),
      RIS: zoteroFromRis(ris),
      'CSL-JSON': zoteroFromCsl((JSON.parse(csl) as { [variable: string]: unknown }[])[0] ?? {}),
      BibTeX: await zoteroFromBibtex(bib),
      BibLaTeX: await zoteroFromBibtex(biblatex),
    },
  };
}

beforeAll(async () => {
  const stores = await seededStores();
  for (const parts of Object.values(EXPORTS)) {
    const id = parts.fields['Record ID'];
    const outcome = await ingestExport({ fileName: `${id}.txt`, exportBytes: Buffer.from(buildExport(parts)) }, stores.ingestDeps);
    expect(outcome.status, id).toBe('created');
  }
  const entry = await stores.records.get('110020');
  if (!entry || 'deleted' in entry) throw new Error('no seed');
  seed = entry;
  app = createApp({ config: testConfig(), records: stores.records, clock: fixedClock() });
  for (const id of ['110020', '280697', '300001', '300002', '300003']) {
    const read = await readEveryPath(app, id);
    outputs.set(id, read.outputs);
    items.set(id, read.items);
  }
}, 60_000);

const ARCHIVE = 'History and Public Policy Program Digital Archive';
const STATEMENT =
  "The History and Public Policy Program welcomes reuse of Digital Archive materials for research and educational purposes. Some documents may be subject to copyright, which is retained by the rights holders in accordance with US and international copyright laws. When possible, rights holders have been contacted for permission to reproduce their materials.\n\nTo enquire about this document's rights status or request permission for commercial use, please contact the History and Public Policy Program at HAPP@wilsoncenter.org.";
/** The statement as RIS.js and BibTeX.js give it: each folds the line breaks of a value to one space (RIS.js `_getTagValue`, BibTeX.js `unescapeBibTeX`). */
const FOLDED = STATEMENT.replace('\n\n', ' ');

const recordUrl = (id: string) => `${TEST_BASE_URL}/records/${id}`;

/**
 * What each path gives, from what every path gives (`all`) and what differs by path. `without`
 * lists the fields a path has no way to carry, `rights` the statement's form, `date` Zotero's
 * date string (the CSL import writes it with a month name: Zotero.Date.formatDate).
 */
function expected(
  all: { itemType: string; creators: Creator[]; fields: { [field: string]: string } },
  byPath: { [path in Path]?: { itemType?: string; creators?: Creator[]; without?: string[]; fields?: { [field: string]: string } } },
): { [path in Path]: Shown } {
  const out = {} as { [path in Path]: Shown };
  for (const path of PATHS) {
    const p = byPath[path] ?? {};
    const itemType = p.itemType ?? all.itemType;
    const fields: { [field: string]: string } = {};
    for (const [field, value] of Object.entries({ ...all.fields, ...p.fields })) {
      if (p.without?.includes(field)) continue;
      // The kind goes to the type field of the item type the path gives.
      fields[field === 'type' ? (itemType === 'letter' ? 'letterType' : 'manuscriptType') : field] = value;
    }
    out[path] = { itemType, creators: p.creators ?? all.creators, fields };
  }
  return out;
}

/** Where the paths differ for every shape: the rights statement, folded by RIS and BibTeX; archive fields BibTeX cannot carry. */
const RIGHTS_BY_PATH = {
  'landing page, Embedded Metadata': { fields: { rights: STATEMENT } },
  'landing page, unAPI -> RIS': { fields: { rights: FOLDED } },
  RIS: { fields: { rights: FOLDED } },
  'CSL-JSON': { fields: { rights: STATEMENT } },
  BibTeX: { fields: { rights: FOLDED }, without: ['archive', 'archiveLocation'] },
  BibLaTeX: { fields: { rights: FOLDED }, without: ['archive', 'archiveLocation'] },
} as const;

function byPath(overrides: { [path in Path]?: { itemType?: string; creators?: Creator[]; without?: string[]; fields?: { [field: string]: string } } }) {
  const merged: { [path in Path]?: { itemType?: string; creators?: Creator[]; without?: string[]; fields?: { [field: string]: string } } } = {};
  for (const path of PATHS) {
    const base = RIGHTS_BY_PATH[path];
    const own = overrides[path] ?? {};
    merged[path] = {
      ...own,
      fields: { ...base.fields, ...own.fields },
      without: [...('without' in base ? base.without : []), ...(own.without ?? [])],
    };
  }
  return merged;
}

describe.each([
  {
    shape: 'the seed 110020: a telegram with its author and addressee',
    id: '110020',
    expected: () =>
      expected(
        {
          itemType: 'letter',
          creators: [
            ['author', 'Mao', 'Zedong'],
            ['recipient', 'Stalin', 'I.V.'],
          ],
          fields: {
            title: seed.title,
            type: 'Telegram',
            date: '1951-01-27',
            archive: ARCHIVE,
            archiveLocation: 'APRF, f. 45, op. 1, d. 337, ll. 37-40',
            url: recordUrl('110020'),
            abstractNote: seed.summary ?? '',
          },
        },
        byPath({
          // Highwire has no tag for an addressee, and the translator keeps only the Highwire authors.
          'landing page, Embedded Metadata': { creators: [['author', 'Mao', 'Zedong']] },
          'CSL-JSON': { fields: { date: 'January 27, 1951' } },
          // Classic BibTeX has no letter type (@unpublished: a manuscript) and no addressee field.
          BibTeX: { itemType: 'manuscript', creators: [['author', 'Mao', 'Zedong']] },
          BibLaTeX: { creators: [['author', 'Mao', 'Zedong']] },
        }),
      ),
  },
  {
    shape: 'a reference followed by a credit (RGANI, f. 5, op. 49, d. 131, ll. 193-194. Translated by Gary Goldberg.)',
    id: '280697',
    expected: () =>
      expected(
        {
          itemType: 'manuscript',
          creators: [['translator', 'Gary Goldberg']],
          fields: {
            title: EXPORTS.credit.title,
            type: 'Letter',
            date: '1958-05',
            archive: ARCHIVE,
            archiveLocation: 'RGANI, f. 5, op. 49, d. 131, ll. 193-194',
            language: 'ru',
            url: recordUrl('280697'),
            abstractNote: 'A summary.',
          },
        },
        byPath({
          'landing page, Embedded Metadata': { creators: [] },
          'CSL-JSON': { fields: { date: 'May 1958' } },
          BibLaTeX: { fields: { language: 'Russian' } },
        }),
      ),
  },
  {
    shape: 'a published book excerpt (a bibliographic Source), dated 1950-1953',
    id: '300001',
    expected: () =>
      expected(
        {
          itemType: 'manuscript',
          creators: [],
          fields: {
            title: EXPORTS.book.title,
            type: 'Memoir',
            date: '1950/1953',
            archive: ARCHIVE,
            language: 'en',
            url: recordUrl('300001'),
            abstractNote: 'A summary.',
          },
        },
        byPath({ BibLaTeX: { fields: { language: 'English' } } }),
      ),
  },
  {
    shape: 'a note-only Source (Obtained and translated for CWIHP by Austin Jersild.)',
    id: '300002',
    expected: () =>
      expected(
        {
          itemType: 'manuscript',
          creators: [['translator', 'Austin Jersild']],
          fields: {
            title: EXPORTS.note.title,
            type: 'Report',
            date: '1952-06-12',
            archive: ARCHIVE,
            language: 'ru',
            url: recordUrl('300002'),
            abstractNote: 'A summary.',
          },
        },
        byPath({
          'landing page, Embedded Metadata': { creators: [] },
          // Only CSL has a place Zotero reads for a contributor (the one who obtained it).
          'CSL-JSON': {
            creators: [
              ['translator', 'Austin Jersild'],
              ['contributor', 'Austin Jersild'],
            ],
            fields: { date: 'June 12, 1952' },
          },
          BibLaTeX: { fields: { language: 'Russian' } },
        }),
      ),
  },
  {
    shape: 'a year-only date (1956)',
    id: '300003',
    expected: () =>
      expected(
        {
          itemType: 'manuscript',
          creators: [],
          fields: {
            title: EXPORTS.year.title,
            type: 'Digest',
            date: '1956',
            archive: ARCHIVE,
            archiveLocation: 'AVPRF, f. 0100, op. 49, p. 410, d. 9, ll. 1-5',
            language: 'zh',
            url: recordUrl('300003'),
            abstractNote: 'A summary.',
          },
        },
        byPath({ BibLaTeX: { fields: { language: 'Chinese' } } }),
      ),
  },
])('$shape', ({ id, expected: expectedItems }) => {
  it.each(PATHS)('is saved by Zotero as expected by the path %s', (path) => {
    const item = items.get(id)?.[path];
    if (!item) throw new Error(`no item for ${id} by ${path}`);
    expect(shown(item)).toEqual(expectedItems()[path]);
  });

  it('is a letter or a manuscript by every path, never a journal article or a book', () => {
    for (const path of PATHS) expect(['letter', 'manuscript'], path).toContain(items.get(id)?.[path].itemType);
  });

  it('gives a person the same name parts by every path that carries the person', () => {
    const forms = new Map<string, Set<string>>();
    for (const path of PATHS) {
      for (const c of items.get(id)?.[path].creators ?? []) {
        const key = c.fieldMode === 1 ? c.lastName : `${c.firstName} ${c.lastName}`;
        const form = JSON.stringify([c.lastName, c.firstName ?? null, c.fieldMode ?? 0]);
        forms.set(key, (forms.get(key) ?? new Set()).add(form));
      }
    }
    for (const [person, seen] of forms) expect([...seen], person).toHaveLength(1);
  });

  it('names the rights URI in a note (RIS, BibTeX) or Extra (CSL) beside the statement', () => {
    expect(items.get(id)?.RIS.notes).toContain('Rights statement: http://rightsstatements.org/vocab/InC-EDU/1.0/ (In Copyright - Educational Use Permitted)');
    expect(items.get(id)?.['CSL-JSON'].fields.extra).toContain('Rights statement: http://rightsstatements.org/vocab/InC-EDU/1.0/');
    expect(items.get(id)?.BibTeX.notes.join(' ')).toContain('Rights statement: http://rightsstatements.org/vocab/InC-EDU/1.0/');
  });

  it('writes, in RIS, only tags whose Zotero mapping the table gives, and a TY RIS.js knows', () => {
    const ris = outputs.get(id)?.RIS ?? '';
    const written = [...ris.matchAll(/^([A-Z][A-Z0-9]) {2}- /gm)].map((m) => m[1]);
    for (const tag of written)
      if (tag !== 'TY' && tag !== 'ER')
        expect(
          RIS_TAGS.map(([t]) => t),
          tag,
        ).toContain(tag);
    expect(RIS_TYPES.map(([ty]) => ty)).toContain(/^TY {2}- (\S+)/.exec(ris)?.[1]);
  });

  it('writes, in CSL-JSON, only variables whose Zotero mapping the tables give, or that Zotero does not read', () => {
    const [item] = JSON.parse(outputs.get(id)?.['CSL-JSON'] ?? '[]') as { [variable: string]: unknown }[];
    const mapped = [...CSL_TEXT_FIELDS.map(([v]) => v), ...CSL_NAMES.map(([v]) => v), 'type', 'issued'];
    // `id`, `citation-key` and `archive-place` have no Zotero field in zotero-schema's csl.fields.
    const unread = ['id', 'citation-key', 'archive-place'];
    for (const variable of Object.keys(item ?? {})) expect([...mapped, ...unread], variable).toContain(variable);
    expect(CSL_TYPES.map(([type]) => type)).toContain(item?.type);
  });
});

describe('the unAPI path', () => {
  it('is RIS: of the formats /unapi lists, unAPI.js recognises ris and bibtex, and prefers ris', async () => {
    expect(unapiChoice(await fetchText(app, `${TEST_BASE_URL}/unapi`))).toBe('ris');
  });
});

describe('the mapping tables', () => {
  it.each([
    ['1951/01/27/', '1951-01-27'],
    ['1958/05//', '1958-05'],
    ['1956///', '1956'],
    ['1950/1953', '1950/1953'],
    ['1950-05/1951-06', '1950-05/1951-06'],
  ])('read the RIS date %s as Zotero does: %s', (ris, zotero) => {
    expect(risDateToZotero(ris)).toBe(zotero);
  });

  it('name every BibTeX field this service writes', async () => {
    const written = new Set<string>();
    for (const id of ['110020', '280697', '300001', '300002', '300003']) {
      for (const path of ['BibTeX', 'BibLaTeX'] as const) {
        for (const m of (outputs.get(id)?.[path] ?? '').matchAll(/^ {2}([a-z]+) = /gm)) written.add(m[1] as string);
      }
    }
    const named = BIBTEX_FIELDS.flatMap(([fields]) => fields.split(', '));
    for (const field of written) expect(named, field).toContain(field);
  });
});

describe('a letter with both an addressee and a translator, and an organisation as author', () => {
  let variant: ByPath<ZoteroItem>;

  beforeAll(async () => {
    const stores = await seededStores();
    const record = (await stores.records.get('110020')) as ArchivalRecord;
    const translator = { name: 'Gary Goldberg', kind: 'person' as const, family: 'Goldberg', given: 'Gary' };
    const organization = { name: 'Politburo of the CC CPSU', kind: 'organization' as const };
    const agents: ArchivalRecord['agents'] = [
      { role: 'author', agent: organization },
      ...record.agents.filter((a) => a.role === 'recipient'),
      { role: 'translator', agent: translator },
    ];
    await stores.records.put({ ...record, version: record.version + 1, agents }, record.version);
    const service = createApp({ config: testConfig(), records: stores.records, clock: fixedClock() });
    variant = (await readEveryPath(service, '110020')).items;
  });

  it("never makes the translator the letter's author (Zotero's letter has no translator: a contributor in CSL, a note elsewhere)", () => {
    expect(variant['CSL-JSON'].creators).toContainEqual({ creatorType: 'contributor', lastName: 'Goldberg', firstName: 'Gary' });
    for (const path of PATHS) {
      expect(
        variant[path].creators.filter((c) => c.lastName === 'Goldberg' && c.creatorType === 'author'),
        path,
      ).toEqual([]);
    }
    expect(variant.RIS.notes).toContain('Translators: Gary Goldberg');
  });

  it('keeps the organisation one unit by CSL, RIS and BibTeX', () => {
    for (const path of ['CSL-JSON', 'RIS', 'landing page, unAPI -> RIS', 'BibTeX', 'BibLaTeX'] as const) {
      expect(variant[path].creators[0], path).toEqual({ creatorType: 'author', lastName: 'Politburo of the CC CPSU', fieldMode: 1 });
    }
  });

  it('cannot keep it one unit by the meta tags: Highwire has no way to say so, and the translator splits at the last space', () => {
    // Embedded Metadata `processHighwireCreators`: ZU.cleanAuthor(name, 'author', false) for a name without a comma.
    // Zotero takes the unAPI path first on this page (priority 300 before 320), which keeps it whole.
    expect(variant['landing page, Embedded Metadata'].creators).toEqual([{ creatorType: 'author', lastName: 'CPSU', firstName: 'Politburo of the CC' }]);
  });
});
