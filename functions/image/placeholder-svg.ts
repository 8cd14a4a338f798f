/**
 * The page shown for a leaf the archive holds no scan of: a plain sheet that says so and gives
 * the leaf's archival reference. Pure text in, SVG out; rendered with the DejaVu fonts
 * (Debian `fonts-dejavu-core`), so the same reference always gives the same pixels.
 */

import type { ArchivalReference, Leaf } from '../../schemas/record.ts';
import { leafLabel } from '../core/ingest/parse-source-citation.ts';

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

export function placeholderSvg(reference: string): string {
  const { width, height } = PLACEHOLDER_SIZE;
  const line = width - 160;
  const lines = [
    { text: 'No scan held', size: 72, y: 600, fill: '#4a4439' },
    { text: 'The archive holds no scan of this leaf.', size: 30, y: 680, fill: '#6b6457' },
    { text: reference, size: fittingFontSize(reference, line, 40), y: 800, fill: '#2b2822' },
  ];
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
