/**
 * The Record: the single authoritative description of an archival record.
 * Every dissemination (IIIF, DC, MODS, MARC, CSL, BibTeX, RIS, HTML) is a pure
 * function of a Record. Types are derived here and nowhere else.
 */
import * as z from 'zod/mini';
import './zod-messages.ts';

const nonEmpty = () => z.string().check(z.minLength(1));

/** Record identifiers appear in URLs, S3 keys and DynamoDB keys: keep them to a safe alphabet. */
export const RECORD_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
export const RecordIdSchema = z.string().check(z.regex(RECORD_ID_PATTERN));
export type RecordId = z.infer<typeof RecordIdSchema>;

/** A calendar date at the precision the source gives: a year, a month or a day. */
export const DatePartsSchema = z.object({
  year: z.int().check(z.gte(1), z.lte(9999)),
  month: z.optional(z.int().check(z.gte(1), z.lte(12))),
  day: z.optional(z.int().check(z.gte(1), z.lte(31))),
});
export type DateParts = z.infer<typeof DatePartsSchema>;

export const DatePrecisionSchema = z.enum(['day', 'month', 'year', 'range', 'undated']);
export type DatePrecision = z.infer<typeof DatePrecisionSchema>;

/**
 * A date as the source displays it, with its normalized EDTF form.
 * Undated records keep the display string and carry no `edtf`, `start` or `end`.
 */
export const RecordDateSchema = z.object({
  display: nonEmpty(),
  precision: DatePrecisionSchema,
  /** EDTF level 0: `1951-01-27`, `1951-05`, `1958`, `1950/1953`. */
  edtf: z.optional(nonEmpty()),
  start: z.optional(DatePartsSchema),
  /** Present only for ranges. */
  end: z.optional(DatePartsSchema),
});
export type RecordDate = z.infer<typeof RecordDateSchema>;

export const AgentSchema = z.object({
  /** The name as it is displayed, in its natural order ("Mao Zedong", "I.V. Stalin"). */
  name: nonEmpty(),
  kind: z.enum(['person', 'organization']),
  family: z.optional(nonEmpty()),
  given: z.optional(nonEmpty()),
  /** `family-first` for names such as Chinese and Korean ones that must never be inverted. */
  nameOrder: z.optional(z.enum(['given-first', 'family-first'])),
  alternateNames: z.optional(z.array(nonEmpty())),
  /** Authority URIs (Wikidata, VIAF, LCNAF), only where reviewed. */
  sameAs: z.optional(z.array(z.url())),
});
export type Agent = z.infer<typeof AgentSchema>;

export const AgentRoleSchema = z.enum(['author', 'recipient', 'contributor', 'translator']);
export type AgentRole = z.infer<typeof AgentRoleSchema>;

export const AgentInRoleSchema = z.object({ role: AgentRoleSchema, agent: AgentSchema });
export type AgentInRole = z.infer<typeof AgentInRoleSchema>;

/** A document the record contains or conveys, such as a telegram quoted in full. */
export const EmbeddedDocumentSchema = z.object({
  relation: z.enum(['conveys', 'encloses']),
  description: nonEmpty(),
  genre: z.optional(nonEmpty()),
  date: z.optional(RecordDateSchema),
  agents: z.array(AgentInRoleSchema),
});
export type EmbeddedDocument = z.infer<typeof EmbeddedDocumentSchema>;

export const SubjectSchema = z.object({
  term: nonEmpty(),
  kind: z.enum(['topic', 'person', 'organization', 'event']),
  uri: z.optional(z.url()),
});
export type Subject = z.infer<typeof SubjectSchema>;

export const PlaceSchema = z.object({ name: nonEmpty(), uri: z.optional(z.url()) });
export type Place = z.infer<typeof PlaceSchema>;

/** One leaf (folio) of an archival file; `reverse` is the verso ("ob.", oborot). */
export const LeafSchema = z.object({
  number: z.int().check(z.gte(1)),
  reverse: z.boolean(),
});
export type Leaf = z.infer<typeof LeafSchema>;

export const RepositorySchema = z.object({
  abbreviation: nonEmpty(),
  name: nonEmpty(),
  place: z.optional(nonEmpty()),
});
export type Repository = z.infer<typeof RepositorySchema>;

/** A Russian-style archival reference: repository, fond, opis, delo, leaves. */
export const ArchivalReferenceSchema = z.object({
  repository: RepositorySchema,
  fond: nonEmpty(),
  opis: z.optional(nonEmpty()),
  /** Folder (`p.`, papka) between opis and delo, as AVPRF references give it. */
  papka: z.optional(nonEmpty()),
  delo: z.optional(nonEmpty()),
  /** Every leaf, in order: `ll. 37-40` is four leaves. */
  leaves: z.array(LeafSchema),
});
export type ArchivalReference = z.infer<typeof ArchivalReferenceSchema>;

export const SourceSchema = z.object({
  /** The source citation exactly as the export gives it. */
  citation: nonEmpty(),
  kind: z.enum(['archival-reference', 'bibliographic', 'note']),
  /** The first (primary) archival reference of the citation: leaves, sets and collections come from it. */
  archival: z.optional(ArchivalReferenceSchema),
  /** Further archival references the citation gives after the first, separated by `;`. */
  additionalArchival: z.optional(z.array(ArchivalReferenceSchema).check(z.minLength(1))),
  /** What the citation says after its archival references, verbatim: credits and notes (`Translated by Gary Goldberg.`). */
  remainder: z.optional(nonEmpty()),
});
export type Source = z.infer<typeof SourceSchema>;

export const RightsSchema = z.object({
  /** The rights statement verbatim, paragraphs separated by a blank line. */
  statement: nonEmpty(),
  /** A rightsstatements.org URI in its canonical `http://` form. */
  uri: z.string().check(z.regex(/^http:\/\/rightsstatements\.org\/vocab\/[A-Za-z-]+\/1\.0\/$/)),
  holder: z.optional(nonEmpty()),
  contact: z.optional(z.object({ name: z.optional(nonEmpty()), email: z.email() })),
});
export type Rights = z.infer<typeof RightsSchema>;

export const TextSchema = z.object({
  kind: z.enum(['translation', 'transcription']),
  /** BCP 47 language tag. */
  language: nonEmpty(),
  /** The text exactly as the source gives it, line breaks and all. */
  text: z.string().check(z.minLength(1)),
  /** Leaves the text covers, when known; the source may not split text by leaf. */
  leaves: z.optional(z.array(LeafSchema)),
});
export type RecordText = z.infer<typeof TextSchema>;

/**
 * The leaf an image shows: a leaf of the archival reference, or leaf 0 (never a reverse side) for
 * the one image of a record whose Source cites no leaf, which stands for the whole document.
 */
export const ImageLeafSchema = z.object({
  number: z.int().check(z.gte(0)),
  reverse: z.boolean(),
});

/** A leaf image and its pyramidal derivative, measured at ingest so no request decodes it. */
export const LeafImageSchema = z.object({
  /** Image identifier in the IIIF Image API: `{recordId}-l{n}`, `{recordId}-l{n}ob` for a reverse side, `{recordId}-l0` for the document (see `leafImageId`). */
  id: nonEmpty(),
  leaf: ImageLeafSchema,
  width: z.int().check(z.gte(1)),
  height: z.int().check(z.gte(1)),
  /** Sizes of the pyramid's pages, largest first. */
  levels: z.array(z.object({ width: z.int(), height: z.int() })),
  tileSize: z.int().check(z.gte(1)),
  /** True when the archive holds no scan and the image is a generated placeholder. */
  placeholder: z.boolean(),
  /** SHA-256 of the derivative: changes whenever the pixels do. */
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
});
export type LeafImage = z.infer<typeof LeafImageSchema>;

export const PublisherSchema = z.object({
  name: nonEmpty(),
  institution: z.optional(nonEmpty()),
  place: z.optional(nonEmpty()),
  homepage: z.url(),
  /**
   * The cataloging agency's code in the MARC Code List for Organizations (MARC 003, 040 `$a`/`$c`):
   * letters and hyphens. A code the Library of Congress has not assigned must say so (`HAPPDA-local`).
   * Without one, MARC 040 names the publisher and has no 003.
   */
  marcOrganizationCode: z.optional(z.string().check(z.regex(/^[A-Za-z][A-Za-z-]{0,15}$/))),
});
export type Publisher = z.infer<typeof PublisherSchema>;

export const ProvenanceSchema = z.object({
  originalUrl: z.url(),
  /** The archive's "Original Uploaded Date", as given. */
  uploaded: z.optional(z.iso.date()),
  sourceSha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  /** Object key of the byte-exact export in the bucket. */
  sourceKey: nonEmpty(),
  ingestedAt: z.iso.datetime(),
  /** Set when this version brought a withdrawn record back: when, and why (`--reinstate`). */
  reinstated: z.optional(z.object({ at: z.iso.datetime(), reason: nonEmpty() })),
  /** The crosswalks' `DISSEMINATION_VERSION` this version was stored under; 1 when absent. */
  disseminationVersion: z.optional(z.int().check(z.gte(1))),
});
export type Provenance = z.infer<typeof ProvenanceSchema>;

/** What the parser and overlay produce: the Record without storage bookkeeping. */
export const RecordContentSchema = z.object({
  id: RecordIdSchema,
  title: nonEmpty(),
  date: RecordDateSchema,
  /** DCMI Type vocabulary term. */
  resourceType: z.enum(['Text', 'StillImage', 'Image', 'Sound', 'MovingImage']),
  /** The archive's own document type ("Telegram"). */
  genre: z.optional(nonEmpty()),
  /** Languages of the original document (BCP 47); absent when the source does not say. */
  languages: z.optional(z.array(nonEmpty()).check(z.minLength(1))),
  /** Languages the export names that have no known BCP 47 code, verbatim; outputs that need a code leave them out. */
  languageLabels: z.optional(z.array(nonEmpty()).check(z.minLength(1))),
  summary: z.optional(nonEmpty()),
  texts: z.array(TextSchema),
  agents: z.array(AgentInRoleSchema),
  embeddedDocuments: z.array(EmbeddedDocumentSchema),
  subjects: z.array(SubjectSchema),
  places: z.array(PlaceSchema),
  /** Period covered, as a display string (DC coverage). */
  temporalCoverage: z.optional(nonEmpty()),
  source: SourceSchema,
  rights: RightsSchema,
  publisher: PublisherSchema,
  images: z.array(LeafImageSchema),
});
export type RecordContent = z.infer<typeof RecordContentSchema>;

export const ArchivalRecordSchema = z.extend(RecordContentSchema, {
  provenance: ProvenanceSchema,
  /** Starts at 1 and grows by one with every stored change. */
  version: z.int().check(z.gte(1)),
  /** Last change, UTC to the second (the OAI-PMH datestamp). */
  datestamp: z.iso.datetime({ precision: 0 }),
});
export type ArchivalRecord = z.infer<typeof ArchivalRecordSchema>;

/** What remains of a deleted record, so harvesters learn of the deletion. */
export const TombstoneSchema = z.object({
  id: RecordIdSchema,
  deleted: z.literal(true),
  version: z.int().check(z.gte(1)),
  datestamp: z.iso.datetime({ precision: 0 }),
  /** Sets the record belonged to, so selective harvests see the deletion too. */
  sets: z.array(z.string()),
  /** When it was withdrawn, and why (absent on tombstones written before reasons were kept). */
  withdrawal: z.optional(z.object({ at: z.iso.datetime(), reason: z.optional(nonEmpty()) })),
  /** What a reader who cited the record needs to know it was this one: its title, date and source as published. */
  formerly: z.optional(z.object({ title: nonEmpty(), date: z.optional(nonEmpty()), source: nonEmpty() })),
});
export type Tombstone = z.infer<typeof TombstoneSchema>;
