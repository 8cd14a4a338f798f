/**
 * Generated archives for harvest tests and the benchmark: ArchivalRecordSchema-valid records
 * made directly (not through the export parser), deterministic for a given count and start.
 */
import { type ArchivalRecord, ArchivalRecordSchema } from '../../schemas/record.ts';

const REPOSITORIES = [
  { abbreviation: 'APRF', name: 'Archive of the President of the Russian Federation', place: 'Moscow' },
  { abbreviation: 'AVPRF', name: 'Foreign Policy Archive of the Russian Federation', place: 'Moscow' },
  { abbreviation: 'RGANI', name: 'Russian State Archive of Contemporary History', place: 'Moscow' },
  { abbreviation: 'RGASPI', name: 'Russian State Archive of Socio-Political History', place: 'Moscow' },
] as const;
const GENRES = ['Telegram', 'Letter', 'Memorandum', 'Report'] as const;
const RIGHTS =
  'The History and Public Policy Program welcomes reuse of Digital Archive materials for research and educational purposes. Some documents may be subject to copyright.';
const SHA = 'a'.repeat(64);

export interface GenerateOptions {
  count: number;
  /** Datestamp of the first record; each following record is `secondsApart` later (several share a second when < 1). */
  start?: string;
  /** Records per second of datestamp (default 3, so ties on the datestamp are ordered by id). */
  perSecond?: number;
  /** Characters of translation text per record (default 2,000). */
  textLength?: number;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Record ids sort like their numbers (`g0000042`), so datestamp order and id order agree. */
export const generatedId = (i: number) => `g${pad(i, 7)}`;

export function datestampOf(i: number, options: Pick<GenerateOptions, 'start' | 'perSecond'> = {}): string {
  const start = Date.parse(options.start ?? '2020-01-01T00:00:00Z');
  const second = Math.floor(i / (options.perSecond ?? 3));
  return `${new Date(start + second * 1000).toISOString().slice(0, 19)}Z`;
}

/** The i-th generated record; every fifth has no archival reference, so belongs only to a type set. */
export function generateRecord(i: number, options: GenerateOptions): ArchivalRecord {
  const repository = REPOSITORIES[i % REPOSITORIES.length] ?? REPOSITORIES[0];
  const genre = GENRES[i % GENRES.length] ?? GENRES[0];
  const year = 1945 + (i % 45);
  const month = 1 + (i % 12);
  const day = 1 + (i % 28);
  const fond = String(3 + (i % 7));
  const opis = String(1 + (i % 3));
  const delo = String(100 + (i % 50));
  const firstLeaf = 1 + (i % 200);
  const archival = i % 5 !== 4;
  const text = `Generated document ${i}. `.repeat(Math.max(1, Math.ceil((options.textLength ?? 2000) / 24))).slice(0, options.textLength ?? 2000);
  const citation = archival
    ? `${repository.abbreviation}, f. ${fond}, op. ${opis}, d. ${delo}, ll. ${firstLeaf}-${firstLeaf + 1}.`
    : `Published in a documentary edition, no. ${i}.`;
  return {
    id: generatedId(i),
    title: `${genre} number ${i} from the generated archive`,
    date: {
      display: `${year}-${pad(month, 2)}-${pad(day, 2)}`,
      precision: 'day',
      edtf: `${year}-${pad(month, 2)}-${pad(day, 2)}`,
      start: { year, month, day },
    },
    resourceType: 'Text',
    genre,
    ...(i % 2 === 0 ? { languages: ['ru'] } : {}),
    // Markup characters, and now and then a control character XML cannot carry at all.
    summary: `Summary of generated ${genre.toLowerCase()} ${i} & its <context>${i % 1000 === 7 ? '\u0007' : ''}.`,
    texts: [{ kind: 'translation', language: 'en', text }],
    agents: [
      { role: 'author', agent: { name: `Author ${i % 97}`, kind: 'person' } },
      { role: 'recipient', agent: { name: `Recipient ${i % 89}`, kind: 'person' } },
    ],
    embeddedDocuments: [],
    subjects: [{ term: `Topic ${i % 31}`, kind: 'topic' }],
    places: [{ name: 'Moscow' }],
    source: archival
      ? {
          citation,
          kind: 'archival-reference',
          archival: {
            repository: { ...repository },
            fond,
            opis,
            delo,
            leaves: [
              { number: firstLeaf, reverse: false },
              { number: firstLeaf + 1, reverse: false },
            ],
          },
        }
      : { citation, kind: 'bibliographic' },
    rights: { statement: RIGHTS, uri: 'http://rightsstatements.org/vocab/InC-EDU/1.0/' },
    publisher: { name: 'History and Public Policy Program Digital Archive', homepage: 'https://digitalarchive.wilsoncenter.org/' },
    images: [],
    provenance: {
      originalUrl: `https://digitalarchive.wilsoncenter.org/document/${generatedId(i)}`,
      sourceSha256: SHA,
      sourceKey: `sources/${generatedId(i)}/${SHA}.txt`,
      ingestedAt: `${datestampOf(i, options).slice(0, 19)}.000Z`,
    },
    version: 1,
    datestamp: datestampOf(i, options),
  };
}

/** `count` generated records in datestamp order; each is checked against the Record schema. */
export function generateRecords(options: GenerateOptions): ArchivalRecord[] {
  return Array.from({ length: options.count }, (_, i) => ArchivalRecordSchema.parse(generateRecord(i, options)));
}
