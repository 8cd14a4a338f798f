/**
 * The ingest use case: parse an export (and its overlay), store its bytes and texts in the
 * blob store under content-addressed keys, then the Record in one conditional write.
 * A crash at any point leaves the previous version of the record intact: blobs are never
 * overwritten and the record switches to the new ones in a single write.
 */

import type { ArchiveProfile } from '../../../schemas/archive-profile.ts';
import { type Overlay, OverlaySchema } from '../../../schemas/overlay.ts';
import type { ArchivalRecord, LeafImage, Provenance, RecordContent } from '../../../schemas/record.ts';
import { overlayObjectKey, sourceObjectKey, textObjectKey } from '../bucket-layout.ts';
import { VersionConflictError } from '../errors.ts';
import { type BlobStore, type Clock, isTombstone, type RecordStore } from '../ports.ts';
import { datestampAt } from '../records/datestamp.ts';
import { leafLabel } from '../records/leaves.ts';
import { DISSEMINATION_VERSION, fingerprintOfStored, recordFingerprint, sha256Hex } from '../records/record-fingerprint.ts';
import { storeObject } from '../records/store-object.ts';
import { storeSearchIndex } from '../search/record-search-index.ts';
import type { Problem } from './problems.ts';
import { readExport } from './read-export.ts';

export interface IngestInput {
  /** Name of the export file, for reports. */
  fileName: string;
  exportBytes: Uint8Array;
  overlayBytes?: Uint8Array;
  /** Scans supplied for leaves, by leaf label (`37`, `37ob.`). */
  scans?: ReadonlyMap<string, Uint8Array>;
  /** Bring the record back if it was withdrawn, recording why; without it a withdrawn record stays withdrawn. */
  reinstate?: { reason: string };
  /** The archive profile to read this export with (the one the person ingesting named); without it, the deps' profile. */
  profile?: ArchiveProfile;
}

/** What happened to the record's scans, by leaf label: scans are facts kept until replaced. */
export interface ScanReport {
  /** Scans the record already had and keeps (none given, or the same one given again). */
  kept: string[];
  /** Scans given for leaves that had only a placeholder. */
  added: string[];
  /** Scans given that replace a different scan of the same leaf. */
  replaced: string[];
}

export type IngestOutcome =
  | {
      status: 'created' | 'updated' | 'unchanged';
      id: string;
      version: number;
      datestamp: string;
      scans?: ScanReport;
      reinstated?: boolean;
      warnings?: Problem[];
    }
  /** The record was withdrawn and stays so: nothing was written (reinstate it explicitly). */
  | { status: 'withdrawn'; id: string; version: number; datestamp: string; reason?: string }
  | { status: 'rejected'; id?: string; problems: Problem[] };

/** Stored objects a derived leaf image consists of. */
export interface DerivedObject {
  key: string;
  body: Uint8Array;
  contentType: string;
}

/**
 * Makes each leaf's image and its derivatives: the scan given for it; else the image in `keep`
 * for that leaf (a scan the record already has, whose objects are stored); else a placeholder
 * saying there is no scan. Throws `ScanError` for a scan it cannot read.
 */
export interface LeafImageDeriver {
  derive(
    content: RecordContent,
    scans: ReadonlyMap<string, Uint8Array>,
    keep?: readonly LeafImage[],
  ): Promise<{ images: LeafImage[]; objects: DerivedObject[] }>;
}

/** A scan that is not an image the service can read: a problem of the input, not a failure. */
export class ScanError extends Error {
  override readonly name = 'ScanError';
  constructor(
    readonly leaf: string,
    message: string,
  ) {
    super(message);
  }
}

export interface IngestDeps {
  records: RecordStore;
  blobs: BlobStore;
  clock: Clock;
  profile: ArchiveProfile;
  images?: LeafImageDeriver;
}

const MAX_CONFLICT_RETRIES = 3;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function decode(bytes: Uint8Array, what: string): { text: string } | { problem: Problem } {
  try {
    return { text: strictUtf8.decode(bytes) };
  } catch {
    return { problem: { message: `${what} is not valid UTF-8` } };
  }
}

function parseOverlay(bytes: Uint8Array | undefined): { overlay?: Overlay; problems: Problem[] } {
  if (!bytes) return { problems: [] };
  const decoded = decode(bytes, 'the overlay');
  if ('problem' in decoded) return { problems: [{ ...decoded.problem, field: 'overlay' }] };
  let json: unknown;
  try {
    json = JSON.parse(decoded.text);
  } catch (error) {
    return { problems: [{ field: 'overlay', message: `not JSON: ${(error as Error).message}` }] };
  }
  const result = OverlaySchema.safeParse(json);
  if (result.success) return { overlay: result.data, problems: [] };
  return { problems: result.error.issues.map((issue) => ({ field: `overlay.${issue.path.join('.')}`, message: issue.message })) };
}

export async function ingestExport(input: IngestInput, deps: IngestDeps): Promise<IngestOutcome> {
  const decoded = decode(input.exportBytes, 'the export');
  if ('problem' in decoded) return { status: 'rejected', problems: [decoded.problem] };
  const { overlay, problems: overlayProblems } = parseOverlay(input.overlayBytes);
  // Every problem of the export and of its overlay, in one rejection.
  const built = readExport(decoded.text, input.profile ?? deps.profile, overlay);
  if (!built.ok || overlayProblems.length > 0) {
    return { status: 'rejected', problems: [...(built.ok ? [] : built.problems), ...overlayProblems] };
  }
  const { content, originalUrl, uploaded } = built.value;
  // What the record keeps in spite of being unreadable (an unknown language, an unparsed Source) is reported, not rejected.
  const warned = built.value.warnings.length > 0 ? { warnings: built.value.warnings } : {};
  const { id } = content;

  const sourceSha256 = sha256Hex(input.exportBytes);
  const sourceKey = sourceObjectKey(id, sourceSha256);
  const scans = input.scans ?? new Map<string, Uint8Array>();

  for (let attempt = 0; ; attempt++) {
    const existing = await deps.records.get(id);
    if (existing && isTombstone(existing) && !input.reinstate) {
      const reason = existing.withdrawal?.reason;
      return { status: 'withdrawn', id, version: existing.version, datestamp: existing.datestamp, ...(reason ? { reason } : {}) };
    }
    const current = existing && !isTombstone(existing) ? existing : undefined;
    // The scans the record has are kept for every leaf no new scan is given for.
    const previousScans = (current?.images ?? []).filter((image) => !image.placeholder);
    // An export that reads as the stored record, with no scan given, keeps the record's images as
    // they are (only a changed export or changed scans make a new version): nothing to derive, so a
    // batch run again after a kill passes over what is stored at the cost of a read.
    if (current && scans.size === 0 && unchangedWithImages(current, content, { originalUrl, sourceSha256, sourceKey, uploaded })) {
      // A record stored before its search index existed gets it now (one existence check otherwise).
      await storeSearchIndex(deps.blobs, current);
      return { status: 'unchanged', id, version: current.version, datestamp: current.datestamp, ...reportScans(previousScans, current.images), ...warned };
    }
    let derived: { images: LeafImage[]; objects: DerivedObject[] };
    try {
      derived = deps.images ? await deps.images.derive(content, scans, previousScans) : { images: [], objects: [] };
    } catch (error) {
      if (error instanceof ScanError) return { status: 'rejected', id, problems: [{ field: `scans.${error.leaf}`, message: error.message }] };
      throw error;
    }
    const fullContent: RecordContent = { ...content, images: derived.images };
    const now = deps.clock.now();
    const reinstated =
      existing && isTombstone(existing) && input.reinstate ? { at: now.toISOString(), reason: input.reinstate.reason } : current?.provenance.reinstated;
    const provenance: Omit<Provenance, 'ingestedAt'> = {
      originalUrl,
      sourceSha256,
      sourceKey,
      ...(uploaded ? { uploaded } : {}),
      ...(reinstated ? { reinstated } : {}),
      disseminationVersion: DISSEMINATION_VERSION,
    };
    const scanReport = reportScans(previousScans, derived.images);
    if (current && fingerprintOfStored(current) === recordFingerprint({ content: fullContent, provenance })) {
      await storeSearchIndex(deps.blobs, current);
      return { status: 'unchanged', id, version: current.version, datestamp: current.datestamp, ...scanReport, ...warned };
    }
    const record: ArchivalRecord = {
      ...fullContent,
      provenance: { ...provenance, ingestedAt: now.toISOString() },
      version: (existing?.version ?? 0) + 1,
      datestamp: datestampAt(now, existing?.datestamp),
    };
    // Refused before anything is written, so a record that cannot be stored leaves no objects behind.
    const tooLarge = deps.records.sizeProblem(record);
    if (tooLarge) return { status: 'rejected', id, problems: [{ message: tooLarge }] };

    await storeObject(deps.blobs, sourceKey, input.exportBytes, 'text/plain; charset=utf-8');
    if (input.overlayBytes) await storeObject(deps.blobs, overlayObjectKey(id, sha256Hex(input.overlayBytes)), input.overlayBytes, 'application/json');
    for (const text of fullContent.texts) {
      const bytes = new TextEncoder().encode(text.text);
      await storeObject(deps.blobs, textObjectKey(id, sha256Hex(bytes), text), bytes, 'text/plain; charset=utf-8');
    }
    for (const object of derived.objects) await storeObject(deps.blobs, object.key, object.body, object.contentType);
    await storeSearchIndex(deps.blobs, record);

    try {
      await deps.records.put(record, existing?.version);
      const status = current ? 'updated' : 'created';
      return {
        status,
        id,
        version: record.version,
        datestamp: record.datestamp,
        ...scanReport,
        ...warned,
        ...(existing && isTombstone(existing) ? { reinstated: true } : {}),
      };
    } catch (error) {
      if (!(error instanceof VersionConflictError) || attempt >= MAX_CONFLICT_RETRIES) throw error;
    }
  }
}

/** Whether `content` with the stored record's own images, and the same provenance, is the stored record. */
function unchangedWithImages(
  current: ArchivalRecord,
  content: RecordContent,
  source: { originalUrl: string; sourceSha256: string; sourceKey: string; uploaded: string | undefined },
): boolean {
  const { uploaded, ...rest } = source;
  const { reinstated } = current.provenance;
  const provenance: Omit<Provenance, 'ingestedAt'> = { ...rest, ...(uploaded ? { uploaded } : {}), ...(reinstated ? { reinstated } : {}) };
  return fingerprintOfStored(current) === recordFingerprint({ content: { ...content, images: current.images }, provenance });
}

/** Which scans were kept, added or replaced, as the outcome reports them (absent when the record has none). */
function reportScans(previous: readonly LeafImage[], images: readonly LeafImage[]): { scans?: ScanReport } {
  const before = new Map(previous.map((image) => [image.id, image.sha256]));
  const report: ScanReport = { kept: [], added: [], replaced: [] };
  for (const image of images) {
    if (image.placeholder) continue;
    const label = leafLabel(image.leaf);
    const had = before.get(image.id);
    if (had === undefined) report.added.push(label);
    else if (had === image.sha256) report.kept.push(label);
    else report.replaced.push(label);
  }
  return report.kept.length + report.added.length + report.replaced.length === 0 ? {} : { scans: report };
}
