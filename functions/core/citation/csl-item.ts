/**
 * The part of CSL-JSON 1.0.2 (`schemas/vendor/csl/csl-data.json`) that the crosswalk writes, and
 * `license`, the one variable beyond it (Zotero's `rights`). Hand-written because the schema is
 * JSON Schema, not zod; the tests validate every output against the schema itself (with `license`).
 */
export type CslName =
  | { family: string; given?: string; 'static-ordering'?: boolean }
  | {
      literal: string;
    };

/** `date-parts` at the precision the record knows: `[[1951, 1, 27]]`, `[[1951, 1]]`, `[[1950], [1953]]`; a range also as `raw` EDTF (`1950/1953`). */
export type CslDate = { 'date-parts': number[][]; raw?: string };

export interface CslItem {
  id: string;
  'citation-key': string;
  type: 'personal_communication' | 'manuscript' | 'document';
  title: string;
  genre?: string;
  author?: CslName[];
  recipient?: CslName[];
  translator?: CslName[];
  contributor?: CslName[];
  issued?: CslDate;
  archive: string;
  archive_location?: string;
  'archive-place'?: string;
  URL: string;
  abstract?: string;
  language?: string;
  /** The rights statement verbatim: not in CSL-JSON 1.0.2, but the variable Zotero reads into its `rights` field. */
  license?: string;
  note?: string;
}
