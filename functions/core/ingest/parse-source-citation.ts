import type { ArchivalReference, Leaf, Repository, Source } from '../../../schemas/record.ts';

export type SourceParse = { ok: true; source: Source } | { ok: false; message: string };

const REFERENCE =
  /^(?<repo>[A-Z][A-Za-z]{1,11})\s*,\s*f\.\s*(?<fond>[\w-]+)(?:\s*,\s*op\.\s*(?<opis>[\w-]+))?(?:\s*,\s*p\.\s*(?<papka>[\w-]+))?(?:\s*,\s*d\.\s*(?<delo>[\w-]+))?(?:\s*,\s*ll?\.\s*(?<leaves>[\dob.,\s–-]+?))?\s*\.?$/;

const NOTE = /^(obtained|translated|donated|provided|contributed|courtesy|from the|original (scan|document))\b/i;

/**
 * Expands a leaf list: `37-40` is leaves 37, 38, 39, 40; `12ob.` the reverse of 12;
 * `5-6ob.` runs 5, 5ob., 6, 6ob. (a range ending on a reverse side includes every reverse).
 */
export function expandLeaves(text: string): Leaf[] | undefined {
  const leaves: Leaf[] = [];
  for (const item of text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const m = /^(\d+)(\s*ob\.?)?(?:\s*[–-]\s*(\d+)(\s*ob\.?)?)?$/.exec(item);
    if (!m) return undefined;
    const first = Number(m[1]);
    if (m[3] === undefined) {
      leaves.push({ number: first, reverse: m[2] !== undefined });
      continue;
    }
    const last = Number(m[3]);
    if (last < first || m[2] !== undefined || last - first > 10_000) return undefined;
    const withReverses = m[4] !== undefined;
    for (let n = first; n <= last; n++) {
      leaves.push({ number: n, reverse: false });
      if (withReverses) leaves.push({ number: n, reverse: true });
    }
  }
  return leaves.length > 0 ? leaves : undefined;
}

/** Label of a leaf as archivists write it: `37`, `37ob.`. */
export function leafLabel(leaf: Leaf): string {
  return leaf.reverse ? `${leaf.number}ob.` : String(leaf.number);
}

/** Compact leaf list for display: `37-40`, `5-6ob.` is left expanded as `5, 5ob., 6, 6ob.`. */
export function describeLeaves(leaves: readonly Leaf[]): string {
  const first = leaves[0];
  const last = leaves[leaves.length - 1];
  const contiguous = leaves.every((leaf, i) => !leaf.reverse && (i === 0 || leaf.number === (leaves[i - 1]?.number ?? 0) + 1));
  if (first && last && contiguous && leaves.length > 1) return `${first.number}-${last.number}`;
  return leaves.map(leafLabel).join(', ');
}

/**
 * Classifies and, where it is a Russian-style archival reference, parses a source citation.
 * The citation itself is always kept verbatim; an unknown repository abbreviation is a problem,
 * never a guess.
 */
export function parseSourceCitation(citation: string, repositories: readonly Repository[]): SourceParse {
  const text = citation.trim();
  const m = REFERENCE.exec(text);
  if (m?.groups) {
    const { repo, fond, opis, papka, delo, leaves: leafText } = m.groups;
    const repository = repositories.find((r) => r.abbreviation === repo);
    if (!repository) {
      return { ok: false, message: `unknown repository abbreviation "${repo}" in archival reference "${text}"; add it to data/archive.json` };
    }
    const leaves = leafText === undefined ? [] : expandLeaves(leafText);
    if (leaves === undefined) return { ok: false, message: `cannot read the leaves "${leafText}" of archival reference "${text}"` };
    const archival: ArchivalReference = { repository, fond: fond ?? '', leaves };
    if (opis !== undefined) archival.opis = opis;
    if (papka !== undefined) archival.papka = papka;
    if (delo !== undefined) archival.delo = delo;
    return { ok: true, source: { citation: text, kind: 'archival-reference', archival } };
  }
  return { ok: true, source: { citation: text, kind: NOTE.test(text) ? 'note' : 'bibliographic' } };
}
