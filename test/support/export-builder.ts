/** Builds exports in the archive's text format, for parser variants. */
export interface ExportParts {
  date?: string;
  title?: string;
  body?: string;
  summary?: string;
  fields?: { [label: string]: string };
}

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
  const fieldText = Object.entries(fields)
    .map(([label, value]) => (value === '' ? `${label}\n` : `${label}\n\n${value}\n`))
    .join('\n');
  return [
    'Skip to content',
    '',
    parts.date ?? 'May 1951',
    '',
    parts.title ?? 'Memorandum on a conversation',
    '',
    parts.body ?? 'First line of the body.\n\nSecond paragraph.',
    '',
    '###',
    '',
    parts.summary ?? 'A summary.',
    '',
    '',
    'Document Information',
    '',
    fieldText,
  ].join('\n');
}
