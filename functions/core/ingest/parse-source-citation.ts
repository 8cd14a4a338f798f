/**
 * Reads an export's Source: a Russian-style archival reference, as archives and the Digital
 * Archive write them, wherever it stands at the head of the Source:
 *
 *   `RGANI, f. 5, op. 49, d. 131, ll. 193-194. Translated by Gary Goldberg.`
 *   `AVPRF f. 0100, op. 34, 1946, p. 253, d. 18. Obtained and translated for CWIHP by Austin Jersild.`
 *   `РГАНИ, ф. 5, оп. 30, д. 335, лл. 1-3.`, `РГАСПИ. Ф. 17. Оп. 163. Д. 1323. Л. 57.`
 *   `RGANI, f. 3, op. 14, d. 12, l. 3; f. 89, op. 1, d. 2, ll. 1-4, 7ob.`
 *
 * Keys in Latin or Cyrillic, any case, with or without a space after the full stop (`f.`/`ф.`
 * fond, `op.`/`оп.` opis, `p.`/`п.` papka before or after the delo, `d.`/`д.` delo, `l.`/`ll.`/
 * `л.`/`лл.` leaves, `ob.`/`об.` the reverse side), parts separated by commas or full stops, an
 * AVPRF year after the opis, several references separated by `;` (a later one may omit the levels
 * it shares with the one before). What follows the references is the remainder (credits and
 * notes), kept verbatim. The citation itself is always kept verbatim; what cannot be read is a
 * warning and leaves the Source unparsed, never a rejection and never a guess.
 */
import type { ProfileRepository } from '../../../schemas/archive-profile.ts';
import type { ArchivalReference, Leaf, Repository, Source } from '../../../schemas/record.ts';
import { type Credit, parseCredits } from './parse-source-credits.ts';

export interface SourceParse {
  source: Source;
  /** The translators and contributors the Source names, in order (see `parseCredits`). */
  credits: Credit[];
  /** What could not be read; the Source is then kept verbatim, unparsed. */
  warnings: string[];
}

/** An abbreviation as a token (`APRF`, `AVP RF`, `TsKhSD`, `РГАНИ`, `ГА РФ`) before the fond. */
const REPOSITORY = /(?<repo>\p{Lu}\p{L}{1,11}(?: \p{Lu}{1,3})?)(?:\s*[,.]\s*|\s+)(?=[fFфФ]\.|(?:[fF]ond|[фФ]онд)\s)/uy;

/** Between parts: a comma or a full stop, or only a space (`AVPRF f. 0100`). */
const SEPARATOR = /\s*[,.]\s*|\s+/uy;

/** A fond, opis, papka or delo number: `45`, `0100`, `059a`, `R-9478`, `Р-9401`. */
const NUMBER = String.raw`\p{L}{0,2}-?\d+\p{L}{0,2}(?![\p{L}\d])`;

/** `f. 45`, `f.45`, `F 45` (a key without its full stop only before a number), `fond 45`. */
const key = (short: string, long: string) => new RegExp(String.raw`(?:(?:${short})(?:\.\s*|\s+(?=\d))|(?:${long})\s+)(?<value>${NUMBER})`, 'iuy');
const FOND = key('f|ф', 'fond|фонд');
const OPIS = key('op|оп', 'opis|опись');
const PAPKA = key('p|п', 'papka|папка');
const DELO = key('d|д', 'delo|дело');
/** The year AVPRF references give after the opis (`op. 34, 1946, p. 253`). */
const YEAR = /(?:1[89]|20)\d\d(?=\s*[,.]\s*(?:p|п|d|д)\.)/iuy;

/** A reverse side: `ob.`, `об.`, `ob` before a non-letter; never the start of a word such as "Obtained". */
const REVERSE = String.raw`\s*(?:ob|об)(?:\.|(?!\p{L}))`;
const LEAF_ITEM = String.raw`\d+(?:${REVERSE})?(?:\s*[–—-]\s*\d+(?:${REVERSE})?)?`;
const LEAVES = new RegExp(
  String.raw`(?:(?:ll|l|лл|л)(?:\.\s*|\s+(?=\d))|(?:listy|list|листы|лист|leaves|leaf)\s+)(?<value>${LEAF_ITEM}(?:\s*,\s*${LEAF_ITEM})*)`,
  'iuy',
);

/** After the last reference: the end, or a separator and the remainder. */
const AFTER_REFERENCE = /\.?\s*$|[.,;:]?\s+|[.,;:](?=\S)/uy;
const NEXT_REFERENCE = /\s*;\s*/uy;

const NOTE = /^(obtained|translated|donated|provided|contributed|courtesy|from the|original (scan|document))\b/i;

function stickyMatch(re: RegExp, text: string, at: number): RegExpExecArray | undefined {
  re.lastIndex = at;
  return re.exec(text) ?? undefined;
}

/**
 * Expands a leaf list: `37-40` is leaves 37, 38, 39, 40; `12ob.` the reverse of 12; `5-6ob.`
 * runs 5, 5ob., 6, 6ob. (a range ending on a reverse side includes every reverse); `17ob.-18`
 * starts on the reverse of 17. Cyrillic `об.` and en dashes read alike.
 */
export function expandLeaves(text: string): Leaf[] | undefined {
  const leaves: Leaf[] = [];
  for (const item of text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const m = new RegExp(String.raw`^(\d+)(${REVERSE})?(?:\s*[–—-]\s*(\d+)(${REVERSE})?)?$`, 'iu').exec(item);
    if (!m) return undefined;
    const first = Number(m[1]);
    if (m[3] === undefined) {
      leaves.push({ number: first, reverse: m[2] !== undefined });
      continue;
    }
    const last = Number(m[3]);
    if (last < first || (last === first && m[2] !== undefined) || last - first > 10_000) return undefined;
    const withReverses = m[4] !== undefined;
    for (let n = first; n <= last; n++) {
      if (n !== first || m[2] === undefined) leaves.push({ number: n, reverse: false });
      if (withReverses || (n === first && m[2] !== undefined)) leaves.push({ number: n, reverse: true });
    }
  }
  return leaves.length > 0 ? leaves : undefined;
}

/** The profile's repository an abbreviation names, by its abbreviation or an alternate form (spaces ignored). */
export function findRepository(abbreviation: string, repositories: readonly ProfileRepository[]): Repository | undefined {
  const squeeze = (s: string) => s.replace(/\s+/g, '');
  const wanted = squeeze(abbreviation);
  const found = repositories.find((r) => squeeze(r.abbreviation) === wanted || (r.alternateAbbreviations ?? []).some((alt) => squeeze(alt) === wanted));
  if (!found) return undefined;
  // The Record keeps the repository as the profile describes it, without its alternate spellings.
  const repository: Repository = { abbreviation: found.abbreviation, name: found.name };
  if (found.place !== undefined) repository.place = found.place;
  return repository;
}

/** The parts of one reference as written, before its repository is looked up. */
interface ReferenceParts {
  repo?: string;
  fond?: string;
  opis?: string;
  papka?: string;
  delo?: string;
  leafText?: string;
  /** A continuation that names only leaves (`; ll. 45`): more leaves of the same file. */
  leavesOnly?: boolean;
  start: number;
  end: number;
}

/**
 * One reference at `at`: a repository (required for the first), then its parts in order. A later
 * reference may begin at any level below the repository; it is completed from `previous`.
 */
function readReference(text: string, at: number, previous: ReferenceParts | undefined): ReferenceParts | undefined {
  let pos = at;
  const parts: ReferenceParts = { start: at, end: at };
  const repo = stickyMatch(REPOSITORY, text, pos);
  if (repo?.groups?.repo) {
    parts.repo = repo.groups.repo;
    pos = repo.index + repo[0].length;
  } else if (!previous) {
    return undefined;
  }
  let first = true;
  const take = (re: RegExp): string | undefined => {
    const sep = first ? undefined : stickyMatch(SEPARATOR, text, pos);
    const from = first ? pos : sep ? sep.index + sep[0].length : -1;
    if (from === -1) return undefined;
    const m = stickyMatch(re, text, from);
    if (!m) return undefined;
    first = false;
    pos = m.index + m[0].length;
    return m.groups?.value ?? m[0];
  };
  parts.fond = take(FOND);
  parts.opis = take(OPIS);
  if (parts.opis !== undefined) take(YEAR);
  parts.papka = take(PAPKA);
  parts.delo = take(DELO);
  parts.papka ??= take(PAPKA);
  parts.leafText = take(LEAVES);
  if (first) return undefined;
  if (!parts.repo) {
    // A continuation (`; d. 2, ll. 1-4`) names its first level and what follows; it shares what is above.
    if (!previous) return undefined;
    const levels = ['fond', 'opis', 'papka', 'delo'] as const;
    const firstNamed = levels.findIndex((level) => parts[level] !== undefined);
    const inherited = firstNamed === -1 ? levels.length : firstNamed;
    if (firstNamed === -1) parts.leavesOnly = true;
    parts.repo = previous.repo;
    for (const level of levels.slice(0, inherited)) parts[level] = previous[level];
  }
  if (parts.fond === undefined) return undefined;
  parts.end = pos;
  return parts;
}

function toReference(parts: ReferenceParts, repository: Repository, leaves: Leaf[]): ArchivalReference {
  const reference: ArchivalReference = { repository, fond: parts.fond ?? '', leaves };
  if (parts.opis !== undefined) reference.opis = parts.opis;
  if (parts.papka !== undefined) reference.papka = parts.papka;
  if (parts.delo !== undefined) reference.delo = parts.delo;
  return reference;
}

const unparsed = (text: string): Source => ({ citation: text, kind: NOTE.test(text) ? 'note' : 'bibliographic' });

/**
 * Classifies and, where it begins with Russian-style archival references, parses a source
 * citation. The citation is kept verbatim; the parsed references, the remainder and the credits
 * come with it. An unknown repository abbreviation or an unreadable reference is a warning.
 */
export function parseSourceCitation(citation: string, repositories: readonly ProfileRepository[]): SourceParse {
  const text = citation.trim();
  const warnings: string[] = [];
  const found: { parts: ReferenceParts; reference?: ArchivalReference }[] = [];
  let pos = 0;
  let remainderStart: number | undefined;
  for (;;) {
    const parts = readReference(text, pos, found[found.length - 1]?.parts);
    if (!parts) break;
    const after = stickyMatch(AFTER_REFERENCE, text, parts.end);
    if (!after) {
      // What is not a reference after all is the remainder; a first reference that is not is a warning.
      if (found.length === 0)
        warnings.push(`cannot read the archival reference "${text}" after "${text.slice(0, parts.end)}"; the Source is kept verbatim, unparsed`);
      else remainderStart = parts.start;
      break;
    }
    const referenceText = text.slice(parts.start, parts.end).replace(/[.\s]+$/, '');
    const repository = parts.repo === undefined ? undefined : findRepository(parts.repo, repositories);
    const leaves = parts.leafText === undefined ? [] : expandLeaves(parts.leafText);
    if (!repository) {
      warnings.push(
        `unknown repository abbreviation "${parts.repo}" in archival reference "${referenceText}"; the Source is kept verbatim, unparsed: add the repository to data/archive.json (repositories) to parse it`,
      );
      found.push({ parts });
    } else if (!leaves) {
      warnings.push(`cannot read the leaves "${parts.leafText}" of archival reference "${referenceText}"; the Source is kept verbatim, unparsed`);
      found.push({ parts });
    } else {
      found.push({ parts, reference: toReference(parts, repository, leaves) });
    }
    const next = after[0].includes(';') ? parts.end + after[0].indexOf(';') : -1;
    const nextStart = next === -1 ? undefined : stickyMatch(NEXT_REFERENCE, text, next);
    if (nextStart && readReference(text, nextStart.index + nextStart[0].length, parts)) {
      pos = nextStart.index + nextStart[0].length;
      continue;
    }
    const rest = parts.end + after[0].length;
    if (rest < text.length) remainderStart = rest;
    break;
  }

  const remainder = remainderStart === undefined ? undefined : text.slice(remainderStart).trim() || undefined;
  const references = mergeLeafContinuations(found);
  // Only a Source whose first reference is read is an archival reference: the first is the primary one.
  if (found.length > 0 && found[0]?.reference && references.length > 0) {
    const [archival, ...additional] = references as [ArchivalReference, ...ArchivalReference[]];
    const source: Source = { citation: text, kind: 'archival-reference', archival };
    if (additional.length > 0) source.additionalArchival = additional;
    if (remainder) source.remainder = remainder;
    return { source, credits: remainder ? parseCredits(remainder) : [], warnings };
  }
  const source = unparsed(text);
  // Credits after an unreadable reference, or in an acquisition note, are still the Source's facts.
  const creditsText = found.length > 0 ? remainder : source.kind === 'note' ? text : undefined;
  return { source, credits: creditsText ? parseCredits(creditsText) : [], warnings };
}

/** `d. 337, ll. 37-40; ll. 45` is one delo: a continuation naming only leaves adds them to the reference before it. */
function mergeLeafContinuations(found: readonly { parts: ReferenceParts; reference?: ArchivalReference }[]): ArchivalReference[] {
  const references: ArchivalReference[] = [];
  let previous: ArchivalReference | undefined;
  for (const { parts, reference } of found) {
    if (!reference) {
      previous = undefined;
    } else if (previous && parts.leavesOnly) {
      const known = previous.leaves;
      known.push(...reference.leaves.filter((leaf) => !known.some((l) => l.number === leaf.number && l.reverse === leaf.reverse)));
    } else {
      references.push(reference);
      previous = reference;
    }
  }
  return references;
}
