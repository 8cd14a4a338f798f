import { createHash } from 'node:crypto';
import type { ArchivalRecord, Provenance, RecordContent } from '../../../schemas/record.ts';
import { canonicalJson } from './canonical-json.ts';

/**
 * Bump when any crosswalk's output changes for the same Record: re-ingesting then gives every
 * record a new version and datestamp, so harvesters see that their copies changed.
 */
export const DISSEMINATION_VERSION = 2;

export type FingerprintInput = { content: RecordContent; provenance: Omit<Provenance, 'ingestedAt'> };

/** SHA-256 of everything a dissemination can show: equal fingerprints mean nothing changed. */
export function recordFingerprint({ content, provenance }: FingerprintInput): string {
  const { ingestedAt: _ignored, ...stable } = provenance as Provenance;
  return createHash('sha256')
    .update(canonicalJson({ content, provenance: stable, disseminationVersion: DISSEMINATION_VERSION }))
    .digest('hex');
}

/** Splits a stored record back into what its fingerprint covers. */
export function fingerprintOfStored(record: ArchivalRecord): string {
  const { provenance, version: _v, datestamp: _d, ...content } = record;
  return recordFingerprint({ content, provenance });
}

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
