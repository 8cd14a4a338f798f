/**
 * Where the record's own objects live in the bucket, content-addressed so that a write never
 * changes what a stored record points to: the export and its overlay byte for byte under
 * `sources/`, its texts under `text/`. (Leaf images: `functions/core/bucket-layout.ts`.)
 */
import type { RecordText } from '../../../schemas/record.ts';

export const sourceObjectKey = (id: string, sha256: string) => `sources/${id}/${sha256}.txt`;
export const overlayObjectKey = (id: string, sha256: string) => `sources/${id}/${sha256}.overlay.json`;
export const textObjectKey = (id: string, sha256: string, text: Pick<RecordText, 'kind' | 'language'>) =>
  `text/${id}/${sha256}.${text.kind}.${text.language}.txt`;
/**
 * A record's search index (`core/search/`), beside its texts: named by the digest of everything it
 * is built from and its format version, so its key follows from the record alone.
 */
export const searchIndexObjectKey = (id: string, digest: string, version: number) => `text/${id}/${digest}.search-v${version}.json`;
