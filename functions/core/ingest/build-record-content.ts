/**
 * Turns a parsed export, the archive profile and the record's reviewed overlay into the
 * Record's content. Every value comes from one of the three; nothing is guessed.
 */

import * as z from 'zod/mini';
import type { ArchiveProfile } from '../../../schemas/archive-profile.ts';
import type { Overlay } from '../../../schemas/overlay.ts';
import { type RecordContent, RecordContentSchema, RecordIdSchema, type Rights } from '../../../schemas/record.ts';
import { languageCode } from './language-codes.ts';
import { mapRights } from './map-rights.ts';
import { parseDisplayDate } from './parse-display-date.ts';
import type { ParsedExport } from './parse-export.ts';
import { parseSourceCitation } from './parse-source-citation.ts';
import { mergeCredits } from './parse-source-credits.ts';
import type { ParseResult, Problem } from './problems.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface ExportFacts {
  content: RecordContent;
  /** The archive's "Original Uploaded Date", when given. */
  uploaded?: string;
  originalUrl: string;
  /** What was kept in spite of being unreadable (an unknown language, an unparsed reference): reported, not rejected. */
  warnings: Problem[];
}

/** Collapses the blank-line-separated paragraphs of a field into single spaces within each paragraph. */
function paragraphs(value: string): string {
  return value
    .split(/(?:\r\n|\n|\r)[ \t]*(?:\r\n|\n|\r)+/)
    .map((p) => p.replace(/\s*(?:\r\n|\n|\r)\s*/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

export function buildRecordContent(parsed: ParsedExport, profile: ArchiveProfile, overlay: Overlay | undefined): ParseResult<ExportFacts> {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const { fields } = parsed;
  // A label the export lacks altogether is reported where the labelled fields are.
  const missingAt = parsed.fieldsLine;
  if (parsed.title.value === '') problems.push({ line: parsed.title.line, field: 'title', message: 'missing; the line after the date must be the title' });
  if (parsed.body.value === '')
    problems.push({ line: parsed.body.line, field: 'body', message: 'the export has no body (translation) between the title and "###"' });

  const idField = fields['Record ID'];
  const id = idField?.value.trim() ?? '';
  if (!idField || id === '') problems.push({ line: idField?.line ?? missingAt, field: 'Record ID', message: 'missing; every export must carry its Record ID' });
  else if (!RecordIdSchema.safeParse(id).success)
    problems.push({ line: idField.line, field: 'Record ID', message: `"${id}" is not a valid record identifier (letters, digits, - and _)` });
  if (overlay && overlay.id !== id) problems.push({ field: 'overlay', message: `overlay is for record "${overlay.id}", not "${id}"` });

  const date = parsed.date.value === '' ? undefined : parseDisplayDate(parsed.date.value);
  if (parsed.date.value === '') problems.push({ line: parsed.date.line, field: 'date', message: 'missing; an export starts with its date' });
  else if (!date)
    problems.push({
      line: parsed.date.line,
      field: 'date',
      message: `"${parsed.date.value}" is not a date this parser reads (a day, a month, a year, a range or "n.d.")`,
    });

  const sourceField = fields.Source;
  const citation = sourceField ? paragraphs(sourceField.value) : '';
  const sourceParse = citation ? parseSourceCitation(citation, profile.repositories) : undefined;
  if (!sourceField || !citation) problems.push({ line: sourceField?.line ?? missingAt, field: 'Source', message: 'missing or empty' });
  else for (const message of sourceParse?.warnings ?? []) warnings.push({ line: sourceField.line, field: 'Source', message });

  const rightsField = fields.Rights;
  const statement = rightsField ? paragraphs(rightsField.value) : '';
  let rights: Rights | undefined;
  if (!rightsField || !statement) problems.push({ line: rightsField?.line ?? missingAt, field: 'Rights', message: 'missing or empty' });
  else {
    const mapped = mapRights(statement, profile.rightsMappings);
    const uri = overlay?.rights?.uri ?? mapped?.uri;
    if (!uri)
      problems.push({
        line: rightsField.line,
        field: 'Rights',
        message: 'no rightsstatements.org mapping matches this statement; add one to data/archive.json or set rights.uri in the overlay',
      });
    else rights = { ...mapped, ...overlay?.rights, statement, uri };
  }

  const uploadedField = fields['Original Uploaded Date'];
  const uploaded = uploadedField?.value.trim() || undefined;
  if (uploadedField && uploaded && (!ISO_DATE.test(uploaded) || !z.iso.date().safeParse(uploaded).success)) {
    problems.push({ line: uploadedField.line, field: 'Original Uploaded Date', message: `"${uploaded}" is not a date of the form YYYY-MM-DD` });
  }

  const languageField = fields.Language;
  const languageNames = (languageField?.value ?? '')
    .split(/[,;]|\band\b/)
    .map((name) => name.trim())
    .filter(Boolean);
  const languages: string[] = [];
  const languageLabels: string[] = [];
  for (const name of languageNames) {
    const code = languageCode(name);
    if (code) languages.push(code);
    else {
      languageLabels.push(name);
      warnings.push({ line: languageField?.line, field: 'Language', message: `unknown language "${name}": kept as the language's label, with no code` });
    }
  }

  if (problems.length > 0 || !date || !sourceParse || !rights) return { ok: false, problems };

  const leaves = sourceParse.source.archival?.leaves;
  const genre = fields.Type?.value.trim();
  const content: RecordContent = {
    id,
    title: parsed.title.value,
    date,
    resourceType: overlay?.resourceType ?? 'Text',
    texts: [{ kind: 'translation', language: profile.translationLanguage, text: parsed.body.value, ...(leaves && leaves.length > 0 ? { leaves } : {}) }],
    agents: mergeCredits(overlay?.agents ?? [], sourceParse.credits),
    embeddedDocuments: overlay?.embeddedDocuments ?? [],
    subjects: overlay?.subjects ?? [],
    places: overlay?.places ?? [],
    source: sourceParse.source,
    rights,
    publisher: profile.publisher,
    images: [],
  };
  if (genre) content.genre = genre;
  const overlayLanguages = overlay?.languages;
  if (overlayLanguages && languages.length > 0 && overlayLanguages.join() !== languages.join()) {
    return { ok: false, problems: [{ line: languageField?.line, field: 'Language', message: "the overlay contradicts the export's Language" }] };
  }
  if (languages.length > 0 || overlayLanguages) content.languages = languages.length > 0 ? languages : overlayLanguages;
  if (languageLabels.length > 0) content.languageLabels = languageLabels;
  if (parsed.summary) content.summary = paragraphs(parsed.summary.value);
  if (overlay?.temporalCoverage) content.temporalCoverage = overlay.temporalCoverage;

  const checked = RecordContentSchema.safeParse(content);
  if (!checked.success) {
    return { ok: false, problems: checked.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })) };
  }
  const facts: ExportFacts = { content: checked.data, originalUrl: profile.originalUrlTemplate.replace('{id}', encodeURIComponent(id)), warnings };
  if (uploaded) facts.uploaded = uploaded;
  return { ok: true, value: facts };
}
