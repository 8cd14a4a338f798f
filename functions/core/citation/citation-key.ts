import type { RecordContent } from '../../../schemas/record.ts';

/** Lowercase ASCII letters and digits only: `Mao` -> `mao`, `Dvořák` -> `dvorak`. */
function asciiWord(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/**
 * A citation key that never changes for a record: first author's family name (or first word of
 * an organisation's name), the year, and the record id, e.g. `mao1951-110020`. The id makes it
 * unique; the name and year make it readable in a LaTeX source.
 */
export function citationKey(record: Pick<RecordContent, 'id' | 'agents' | 'date'>): string {
  const author = record.agents.find((a) => a.role === 'author')?.agent;
  const name = author ? asciiWord(author.family ?? author.name.split(/\s+/)[0] ?? '') : '';
  const year = record.date.start?.year;
  return `${name || 'anon'}${year ?? 'nd'}-${record.id}`;
}
