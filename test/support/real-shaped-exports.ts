/**
 * Exports in the archive's own text format (as `npm run ingest` reads them), varied the way the
 * real ones vary: archival references with and without leaves across the profile's repositories,
 * now and then a published source instead, several document types, dates and languages. With
 * each, the OAI-PMH sets its record must belong to, worked out here from the export's fields.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildExport } from './export-builder.ts';

/** Repository abbreviations of `data/archive.json`. */
const REPOSITORIES = ['APRF', 'AVPRF', 'RGANI', 'RGASPI', 'GARF', 'RGAE', 'RGVA', 'TsAMO', 'TsKhSD'] as const;
const TYPES = ['Memorandum', 'Telegram', 'Letter', 'Report', 'Minutes', 'Cable'] as const;
const LANGUAGES = ['Russian', 'Chinese', 'English', 'Korean', ''] as const;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

export interface WrittenExport {
  id: string;
  file: string;
  /** Leaves the source names, so the ingest derives an image for each. */
  leaves: number;
  sets: string[];
}

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;

/** The sets of an archival reference and a type, as the repository's set hierarchy names them. */
export function expectedSets(reference: { repository: string; fond: string; opis: string; delo: string } | undefined, type: string): string[] {
  const sets: string[] = [];
  if (reference) {
    const repository = `repository:${reference.repository}`;
    const fond = `${repository}:fond:${reference.fond}`;
    const opis = `${fond}:opis:${reference.opis}`;
    sets.push(repository, fond, opis, `${opis}:delo:${reference.delo}`);
  }
  sets.push(`type:${type.toLowerCase()}`);
  return sets;
}

/** The sets of record 110020 (APRF, f. 45, op. 1, d. 337, a telegram), seeded by the local service. */
export const SETS_110020 = expectedSets({ repository: 'APRF', fond: '45', opis: '1', delo: '337' }, 'Telegram');

/** Writes `count` exports (`{id}.txt`, ids from `firstId`) into `dir`. */
export async function writeExports(dir: string, count: number, firstId = 500_000): Promise<WrittenExport[]> {
  const written: WrittenExport[] = [];
  for (let i = 0; i < count; i++) {
    const id = String(firstId + i);
    const type = pick(TYPES, i);
    const published = i % 10 === 9;
    // Every delo is its own, so the set list runs to several pages.
    const reference = published
      ? undefined
      : { repository: pick(REPOSITORIES, i), fond: String(1 + (i % 7)), opis: String(1 + (i % 3)), delo: String(1000 + i) };
    // Few with leaves: each leaf gets a generated placeholder image, which takes a while.
    const leaves = i % 50 === 0 ? 2 : 0;
    const first = 1 + (i % 90);
    const source = reference
      ? `${reference.repository}, f. ${reference.fond}, op. ${reference.opis}, d. ${reference.delo}${leaves ? `, ll. ${first}-${first + 1}` : ''}.`
      : `Published in Cold War International History Project Bulletin, no. ${1 + (i % 16)}.`;
    const file = join(dir, `${id}.txt`);
    const date = i % 3 === 0 ? `${1 + (i % 28)} ${pick(MONTHS, i)} ${1945 + (i % 46)}` : `${pick(MONTHS, i)} ${1945 + (i % 46)}`;
    await writeFile(
      file,
      buildExport({
        date,
        title: `${type} No. ${i} on the situation in the region & the <talks>`,
        body: `The text of ${type.toLowerCase()} ${i}.\n\nA second paragraph, with "quotes" and an ampersand: A & B.`,
        summary: `Summary of ${type.toLowerCase()} ${i}.`,
        fields: {
          'Record ID': id,
          Source: source,
          Type: type,
          Language: pick(LANGUAGES, i),
          'Original Uploaded Date': `2012-03-${String(1 + (i % 28)).padStart(2, '0')}`,
        },
      }),
    );
    written.push({ id, file, leaves, sets: expectedSets(reference, type) });
  }
  return written;
}
