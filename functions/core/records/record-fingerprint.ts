import { createHash } from 'node:crypto';
import type { ArchivalRecord, Provenance, RecordContent } from '../../../schemas/record.ts';
import { canonicalJson } from './canonical-json.ts';

/**
 * Bump when any crosswalk's output changes for the same Record: re-ingesting then gives every
 * record a new version and datestamp, so harvesters see that their copies changed. A stored
 * record keeps the value it was stored under (`provenance.disseminationVersion`, 1 when absent),
 * so its fingerprint is the one it had, and a bump makes the next ingest differ.
 */
export const DISSEMINATION_VERSION = 3;

export type FingerprintInput = { content: RecordContent; provenance: Omit<Provenance, 'ingestedAt'> };

/** SHA-256 of everything a dissemination can show, under `disseminationVersion`: equal fingerprints mean nothing changed. */
export function recordFingerprint({ content, provenance }: FingerprintInput, disseminationVersion = DISSEMINATION_VERSION): string {
  const { ingestedAt: _ignored, disseminationVersion: _stored, ...stable } = provenance as Provenance;
  return createHash('sha256')
    .update(canonicalJson({ content, provenance: stable, disseminationVersion }))
    .digest('hex');
}

/** The fingerprint a stored record was stored with: its content and provenance, under its own dissemination version. */
export function fingerprintOfStored(record: ArchivalRecord): string {
  const { provenance, version: _v, datestamp: _d, ...content } = record;
  return recordFingerprint({ content, provenance }, provenance.disseminationVersion ?? 1);
}

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
