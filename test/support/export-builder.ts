/** Builds exports in the archive's text format, for parser variants. */
export interface ExportParts {
  date?: string;
  title?: string;
  body?: string;
  summary?: string;
  fields?: { [label: string]: string };
  /** Parts left out altogether: a line (`date`, `title`, `separator`, `heading`), a block (`body`, `summary`) or a field's label with its value. */
  omit?: readonly (ExportLine | FieldName)[];
}

type ExportLine = 'date' | 'title' | 'body' | 'separator' | 'summary' | 'heading';
type FieldName = 'Source' | 'Rights' | 'Original Uploaded Date' | 'Type' | 'Language' | 'Record ID';

const RIGHTS =
  "The History and Public Policy Program welcomes reuse of Digital Archive materials for research and educational purposes. Some documents may be subject to copyright, which is retained by the rights holders in accordance with US and international copyright laws. When possible, rights holders have been contacted for permission to reproduce their materials.\n\nTo enquire about this document's rights status or request permission for commercial use, please contact the History and Public Policy Program at HAPP@wilsoncenter.org.";

export function buildExport(parts: ExportParts = {}): string {
  const fields = {
    Source: 'RGANI, f. 5, op. 30, d. 163, ll. 1-3.',
    Rights: RIGHTS,
    'Original Uploaded Date': '2012-03-01',
    Type: 'Memorandum',
    Language: '',
    'Record ID': '200001',
    ...parts.fields,
  };
  const omitted = new Set<string>(parts.omit ?? []);
  const part = (name: ExportLine, text: string) => (omitted.has(name) ? [] : [text, '']);
  const fieldText = Object.entries(fields)
    .filter(([label]) => !omitted.has(label))
    .map(([label, value]) => (value === '' ? `${label}\n` : `${label}\n\n${value}\n`))
    .join('\n');
  return [
    'Skip to content',
    '',
    ...part('date', parts.date ?? 'May 1951'),
    ...part('title', parts.title ?? 'Memorandum on a conversation'),
    ...part('body', parts.body ?? 'First line of the body.\n\nSecond paragraph.'),
    ...part('separator', '###'),
    ...part('summary', `${parts.summary ?? 'A summary.'}\n`),
    ...part('heading', 'Document Information'),
    fieldText,
  ].join('\n');
}
