/**
 * The page shown for a leaf the archive holds no scan of: a plain sheet that says so and gives
 * the leaf's archival reference (for a record whose Source cites no leaf, the Source itself). Pure text in, SVG out; rendered with the DejaVu fonts
 * (Debian `fonts-dejavu-core`), so the same reference always gives the same pixels.
 */

import type { ArchivalReference, Leaf } from '../../schemas/record.ts';
import { leafLabel } from '../core/records/leaves.ts';

export const PLACEHOLDER_SIZE = { width: 1000, height: 1400 } as const;

/** The short reference of one leaf, as archivists cite it: `APRF, f. 45, op. 1, d. 337, l. 37`. */
export function leafReference(reference: ArchivalReference, leaf: Leaf): string {
  const parts = [reference.repository.abbreviation, `f. ${reference.fond}`];
  if (reference.opis !== undefined) parts.push(`op. ${reference.opis}`);
  if (reference.papka !== undefined) parts.push(`p. ${reference.papka}`);
  if (reference.delo !== undefined) parts.push(`d. ${reference.delo}`);
  parts.push(`l. ${leafLabel(leaf)}`);
  return parts.join(', ');
}

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Font size that fits `text` on one line of `width` pixels (DejaVu Sans averages about 0.6 em per character). */
const fittingFontSize = (text: string, width: number, largest: number) => Math.min(largest, Math.floor(width / (0.6 * Math.max(1, text.length))));

interface Line {
  text: string;
  size: number;
  y: number;
  fill: string;
}

export function placeholderSvg(reference: string): string {
  const { width } = PLACEHOLDER_SIZE;
  const line = width - 160;
  return sheet([
    { text: 'No scan held', size: 72, y: 600, fill: '#4a4439' },
    { text: 'The archive holds no scan of this leaf.', size: 30, y: 680, fill: '#6b6457' },
    { text: reference, size: fittingFontSize(reference, line, 40), y: 800, fill: '#2b2822' },
  ]);
}

/** Characters of DejaVu Sans at 30 px that fit on the sheet's text line. */
const WRAP_WIDTH = 46;
const MAX_SOURCE_LINES = 8;

/** Words into lines of at most `width` characters (a longer word is cut), at most `max` lines, the last ending in "…" when text is left over. */
export function wrapText(text: string, width: number, max: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    for (let rest = word; rest !== ''; ) {
      const candidate = current === '' ? rest : `${current} ${rest}`;
      if (candidate.length <= width) {
        current = candidate;
        rest = '';
      } else if (current !== '') {
        lines.push(current);
        current = '';
      } else {
        lines.push(rest.slice(0, width));
        rest = rest.slice(width);
      }
    }
  }
  if (current !== '') lines.push(current);
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  kept[max - 1] = `${(kept[max - 1] ?? '').slice(0, width - 1).trimEnd()}…`;
  return kept;
}

/**
 * The page shown for a record whose Source cites no leaf (docs/adr/0010-iiif-for-every-viewer.md):
 * the same sheet, saying that no scan of the document is held, and the Source as given, wrapped.
 */
export function documentPlaceholderSvg(source: string): string {
  const lines = wrapText(source, WRAP_WIDTH, MAX_SOURCE_LINES);
  return sheet([
    { text: 'No scan held', size: 72, y: 600, fill: '#4a4439' },
    { text: 'The archive holds no scan of this document.', size: 30, y: 680, fill: '#6b6457' },
    ...lines.map((text, i) => ({ text, size: 30, y: 790 + i * 44, fill: '#2b2822' })),
  ]);
}

function sheet(lines: readonly Line[]): string {
  const { width, height } = PLACEHOLDER_SIZE;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="#f2eee4"/>`,
    `<rect x="40" y="40" width="${width - 80}" height="${height - 80}" fill="none" stroke="#b8af9c" stroke-width="4" stroke-dasharray="24 16"/>`,
    ...lines.map(
      (l) =>
        `<text x="${width / 2}" y="${l.y}" font-family="DejaVu Sans" font-size="${l.size}" fill="${l.fill}" text-anchor="middle">${escapeXml(l.text)}</text>`,
    ),
    '</svg>',
  ].join('\n');
}
