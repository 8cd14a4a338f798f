/**
 * Parser for the archive's text export (see data/records/README.md for its shape).
 * It reads only what the export says; facts it does not carry come from the overlay.
 */
import type { ParseResult, Problem } from './problems.ts';

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
  date: ExportField;
  title: ExportField;
  /** The body (the translation) verbatim: from its first to its last non-blank line. */
  body: ExportField;
  summary?: ExportField;
  fields: Partial<{ [label in FieldLabel]: ExportField }>;
}

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

/** The verbatim text spanning lines [from, to), without leading and trailing blank lines. */
function span(text: string, lines: readonly Line[]): ExportField | undefined {
  const content = lines.filter((line) => !isBlank(line));
  const first = content[0];
  const last = content[content.length - 1];
  if (!first || !last) return undefined;
  return { value: text.slice(first.start, last.end), line: first.number };
}

export function parseExport(text: string): ParseResult<ParsedExport> {
  const problems: Problem[] = [];
  if (text.includes('\u0000')) problems.push({ message: 'the export contains NUL bytes; it is not a text export' });
  const lines = splitLines(text);
  const content = lines.filter((line) => !isBlank(line) && !PAGE_CHROME.has(line.text.trim()));

  const dateLine = content[0];
  const titleLine = content[1];
  if (!dateLine || !titleLine) {
    return { ok: false, problems: [...problems, { line: lines.length || 1, message: 'the export ends before its date and title lines' }] };
  }
  const separatorIndex = lines.findIndex((line) => line.text.trim() === SEPARATOR);
  const headingIndex = lines.findIndex((line) => line.text.trim() === FIELDS_HEADING);
  if (separatorIndex === -1) problems.push({ message: `no "${SEPARATOR}" line separating the body from the summary` });
  if (headingIndex === -1) problems.push({ message: `no "${FIELDS_HEADING}" heading before the labelled fields` });
  if (separatorIndex !== -1 && headingIndex !== -1 && headingIndex < separatorIndex) {
    problems.push({ line: lines[headingIndex]?.number ?? 0, message: `"${FIELDS_HEADING}" comes before the "${SEPARATOR}" separator` });
  }
  if (problems.length > 0) return { ok: false, problems };

  const titleIndex = lines.indexOf(titleLine);
  const body = span(text, lines.slice(titleIndex + 1, separatorIndex));
  if (!body) problems.push({ line: titleLine.number + 1, field: 'body', message: 'the export has no body (translation) between the title and "###"' });
  const summary = span(text, lines.slice(separatorIndex + 1, headingIndex));

  const fields: ParsedExport['fields'] = {};
  const labelIndexes: { label: FieldLabel; index: number }[] = [];
  lines.slice(headingIndex + 1).forEach((line, offset) => {
    const label = FIELD_LABELS.find((known) => known === line.text.trim());
    if (label) labelIndexes.push({ label, index: headingIndex + 1 + offset });
  });
  const firstLabel = labelIndexes[0];
  const stray = span(text, lines.slice(headingIndex + 1, firstLabel ? firstLabel.index : lines.length));
  if (stray) problems.push({ line: stray.line, message: `text before the first known label (${FIELD_LABELS.join(', ')})` });
  labelIndexes.forEach(({ label, index }, i) => {
    const next = labelIndexes[i + 1];
    const line = lines[index]?.number ?? 0;
    if (fields[label]) {
      problems.push({ line, field: label, message: `"${label}" is given twice` });
      return;
    }
    fields[label] = span(text, lines.slice(index + 1, next ? next.index : lines.length)) ?? { value: '', line };
  });

  if (problems.length > 0 || !body) return { ok: false, problems };
  const parsed: ParsedExport = {
    date: { value: dateLine.text.trim(), line: dateLine.number },
    title: { value: titleLine.text.trim(), line: titleLine.number },
    body,
    fields,
  };
  if (summary) parsed.summary = summary;
  return { ok: true, value: parsed };
}
