/**
 * A record's text as the HTML of a IIIF TextualBody: its paragraphs (blank lines) as `<p>`, its
 * line breaks within a paragraph as `<br>`, and every character escaped, so that what the export
 * says is shown as text and never read as markup (`<img src=x>` stays five words of text).
 */
import { escapeHtml } from '../../landing/escape-html.ts';

export function textAsHtml(text: string): string {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n\s*/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
  if (paragraphs.length === 0) return `<p>${escapeHtml(text.trim())}</p>`;
  return paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph).replace(/[ \t]*\n[ \t]*/g, '<br>')}</p>`).join('');
}
