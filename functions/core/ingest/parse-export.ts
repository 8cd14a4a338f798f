/**
 * Parser for the archive's text export (see data/records/README.md for its shape).
 * It reads only what the export says; facts it does not carry come from the overlay.
 *
 * It reads as much of a malformed export as it can, so that one rejection lists every problem:
 * a broken structure (no "###", no "Document Information") is reported here, and the parts read
 * in spite of it still go to `buildRecordContent`, which reports what they lack or get wrong.
 */
import type { Problem } from './problems.ts';

/** A line of the export with its position, so values can be cut from the text byte for byte. */
interface Line {
  number: number;
  text: string;
  start: number;
  end: number;
}

export interface ExportField {
  /** The value exactly as the export gives it (paragraphs kept), or '' when the label has none. */
  value: string;
  line: number;
}

/** The labelled fields of "Document Information" this parser knows. */
export const FIELD_LABELS = ['Source', 'Rights', 'Original Uploaded Date', 'Type', 'Language', 'Record ID'] as const;
export type FieldLabel = (typeof FIELD_LABELS)[number];

export interface ParsedExport {
  /** The display date line; value '' when the export has none (line: where it was expected). */
  date: ExportField;
  /** The title line; value '' when the export has none (line: where it was expected). */
  title: ExportField;
  /** The body (the translation) verbatim: from its first to its last non-blank line; value '' when there is none. */
  body: ExportField;
  summary?: ExportField;
  fields: Partial<{ [label in FieldLabel]: ExportField }>;
  /** Where the labelled fields are ("Document Information", else the first label, else the end): the line a missing label is reported on. */
  fieldsLine: number;
}

/** Structure problems, if any, with what could be read in spite of them (`partial`). */
export type ExportParse = { ok: true; value: ParsedExport } | { ok: false; problems: Problem[]; partial: ParsedExport };

const PAGE_CHROME = new Set(['Skip to content']);
const SEPARATOR = '###';
const FIELDS_HEADING = 'Document Information';

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const re = /\r\n|\n|\r/g;
  let start = 0;
  let number = 1;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    lines.push({ number: number++, text: text.slice(start, m.index), start, end: m.index });
    start = m.index + m[0].length;
  }
  if (start < text.length) lines.push({ number, text: text.slice(start), start, end: text.length });
  return lines;
}

const isBlank = (line: Line) => line.text.trim() === '';
const labelOf = (line: Line) => FIELD_LABELS.find((known) => known === line.text.trim());

/** The verbatim text spanning lines [from, to), without leading and trailing blank lines. */
function span(text: string, lines: readonly Line[]): ExportField | undefined {
  const content = lines.filter((line) => !isBlank(line));
  const first = content[0];
  const last = content[content.length - 1];
  if (!first || !last) return undefined;
  return { value: text.slice(first.start, last.end), line: first.number };
}

/** Index of the first line in [from, lines.length) that satisfies `test`, or -1. */
function indexFrom(lines: readonly Line[], from: number, test: (line: Line) => boolean): number {
  for (let i = Math.max(0, from); i < lines.length; i++) if (test(lines[i] as Line)) return i;
  return -1;
}

export function parseExport(text: string): ExportParse {
  const problems: Problem[] = [];
  if (text.includes('\u0000')) problems.push({ message: 'the export contains NUL bytes; it is not a text export' });
  const lines = splitLines(text);
  // A part that is missing is reported on the line where it was expected (at most the last line).
  const lineNumber = (index: number) => lines[Math.min(index, lines.length - 1)]?.number ?? 1;

  const separatorIndex = lines.findIndex((line) => line.text.trim() === SEPARATOR);
  const headingIndex = lines.findIndex((line) => line.text.trim() === FIELDS_HEADING);
  if (separatorIndex === -1) problems.push({ message: `no "${SEPARATOR}" line separating the body from the summary` });
  if (headingIndex === -1) problems.push({ message: `no "${FIELDS_HEADING}" heading before the labelled fields` });
  if (separatorIndex !== -1 && headingIndex !== -1 && headingIndex < separatorIndex) {
    problems.push({ line: lineNumber(headingIndex), message: `"${FIELDS_HEADING}" comes before the "${SEPARATOR}" separator` });
  }

  // The head (date, title, body) ends at the separator; without one, at the fields.
  const firstLabelIndex = indexFrom(lines, 0, (line) => labelOf(line) !== undefined);
  const ends = [separatorIndex, headingIndex, separatorIndex === -1 && headingIndex === -1 ? firstLabelIndex : -1].filter((i) => i !== -1);
  const headEnd = ends.length > 0 ? Math.min(...ends) : lines.length;
  const head = lines.slice(0, headEnd).map((line, index) => ({ line, index }));
  const headContent = head.filter(({ line }) => !isBlank(line) && !PAGE_CHROME.has(line.text.trim()));
  const dateLine = headContent[0];
  const titleLine = headContent[1];
  const date = dateLine ? { value: dateLine.line.text.trim(), line: dateLine.line.number } : { value: '', line: lineNumber(headEnd) };
  const title = titleLine ? { value: titleLine.line.text.trim(), line: titleLine.line.number } : { value: '', line: lineNumber(headEnd) };
  const bodyStart = titleLine ? titleLine.index + 1 : headEnd;
  const body = span(text, lines.slice(bodyStart, headEnd)) ?? { value: '', line: titleLine ? titleLine.line.number + 1 : lineNumber(headEnd) };

  // The labelled fields follow the heading; without it, the first label after the separator (or the title).
  const fieldsStart =
    headingIndex !== -1 ? headingIndex + 1 : indexFrom(lines, separatorIndex !== -1 ? separatorIndex + 1 : bodyStart, (l) => labelOf(l) !== undefined);
  const summaryEnd = headingIndex > separatorIndex ? headingIndex : fieldsStart === -1 ? lines.length : fieldsStart;
  const summary = separatorIndex === -1 ? undefined : span(text, lines.slice(separatorIndex + 1, summaryEnd));

  const fields: ParsedExport['fields'] = {};
  const labelIndexes: { label: FieldLabel; index: number }[] = [];
  if (fieldsStart !== -1) {
    lines.slice(fieldsStart).forEach((line, offset) => {
      const label = labelOf(line);
      if (label) labelIndexes.push({ label, index: fieldsStart + offset });
    });
  }
  const firstLabel = labelIndexes[0];
  if (headingIndex !== -1) {
    const stray = span(text, lines.slice(headingIndex + 1, firstLabel ? firstLabel.index : lines.length));
    if (stray) problems.push({ line: stray.line, message: `text before the first known label (${FIELD_LABELS.join(', ')})` });
  }
  labelIndexes.forEach(({ label, index }, i) => {
    const next = labelIndexes[i + 1];
    const line = lineNumber(index);
    if (fields[label]) {
      problems.push({ line, field: label, message: `"${label}" is given twice` });
      return;
    }
    fields[label] = span(text, lines.slice(index + 1, next ? next.index : lines.length)) ?? { value: '', line };
  });

  const parsed: ParsedExport = {
    date,
    title,
    body,
    fields,
    fieldsLine: lineNumber(headingIndex !== -1 ? headingIndex : firstLabel ? firstLabel.index : lines.length),
  };
  if (summary) parsed.summary = summary;
  return problems.length > 0 ? { ok: false, problems, partial: parsed } : { ok: true, value: parsed };
}
