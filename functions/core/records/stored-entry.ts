/**
 * How an entry (a record or its tombstone) is written to a record store and read back, shared by
 * every implementation of the port so that they keep and refuse exactly the same things:
 *
 * - the body is the entry's JSON, and what is read back is parsed by the entry's schema (so a
 *   property the schema does not know is not kept);
 * - a text longer than `INLINE_TEXT_MAX_BYTES` is kept as an object of its own (its key, SHA-256
 *   and length stay in the body) and joined back, checked, on every read;
 * - a text longer than `MAX_TEXT_BYTES` is not stored at all (see the ingest's problem for it).
 */
import * as z from 'zod/mini';
import { ArchivalRecordSchema, type RecordText, TombstoneSchema } from '../../../schemas/record.ts';
import { textObjectKey } from '../bucket-layout.ts';
import { CorruptEntryError, EntryTooLargeError } from '../errors.ts';
import { isTombstone, type StoredEntry } from '../ports.ts';
import { sha256Hex } from './record-fingerprint.ts';

/** Texts up to this size (UTF-8) stay in the entry's body; longer ones are objects of their own. */
export const INLINE_TEXT_MAX_BYTES = 64 * 1024;
/**
 * The longest text a record may have (UTF-8): every rendering that carries it whole (the text,
 * the landing page) stays well below the 6 MB a Lambda response may hold.
 */
export const MAX_TEXT_BYTES = 2 * 1024 * 1024;

/** A text kept outside the body. */
export interface ExternalText {
  key: string;
  bytes: Uint8Array;
}

export interface EncodedEntry {
  /** The body to store: the entry's JSON, long texts replaced by references. */
  body: string;
  /** Objects to write before the body: the long texts. */
  external: ExternalText[];
}

const TextReferenceSchema = z.object({
  key: z.string().check(z.regex(/^text\/[A-Za-z0-9][A-Za-z0-9._/-]*\.txt$/)),
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  length: z.int().check(z.gte(0)),
});
type TextReference = z.infer<typeof TextReferenceSchema>;

/** A text as the body holds it: the text itself, or a reference to the object that holds it. */
type BodyText = Omit<RecordText, 'text'> & ({ text: string } | { textObject: TextReference });

const utf8 = new TextEncoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The entry as it is stored. Throws `EntryTooLargeError` for a text over `MAX_TEXT_BYTES`. */
export function encodeEntry(entry: StoredEntry): EncodedEntry {
  if (isTombstone(entry)) return { body: JSON.stringify(entry), external: [] };
  const external: ExternalText[] = [];
  const texts = entry.texts.map((text): BodyText => {
    if (text.text.length * 3 <= INLINE_TEXT_MAX_BYTES) return text;
    const bytes = utf8.encode(text.text);
    if (bytes.byteLength <= INLINE_TEXT_MAX_BYTES) return text;
    if (bytes.byteLength > MAX_TEXT_BYTES)
      throw new EntryTooLargeError(`record ${entry.id}: its ${text.kind} is ${bytes.byteLength} bytes; at most ${MAX_TEXT_BYTES} are stored`);
    const sha256 = sha256Hex(bytes);
    const key = textObjectKey(entry.id, sha256, text);
    external.push({ key, bytes });
    const { text: _inline, ...rest } = text;
    return { ...rest, textObject: { key, sha256, length: bytes.byteLength } };
  });
  return { body: JSON.stringify(external.length === 0 ? entry : { ...entry, texts }), external };
}

/** Reads the object a body's text reference names, and checks it is the text the body was written with. */
async function joinText(id: string, text: BodyText, load: (key: string) => Promise<Uint8Array>): Promise<unknown> {
  if (!('textObject' in text)) return text;
  const reference = TextReferenceSchema.safeParse(text.textObject);
  if (!reference.success) throw new CorruptEntryError(`entry ${id} has a text reference that does not match its schema`);
  const { key, sha256, length } = reference.data;
  const bytes = await load(key);
  if (bytes.byteLength !== length || sha256Hex(bytes) !== sha256) throw new CorruptEntryError(`entry ${id}: object ${key} is not the text it was stored with`);
  const { textObject: _reference, ...rest } = text;
  try {
    return { ...rest, text: strictUtf8.decode(bytes) };
  } catch {
    throw new CorruptEntryError(`entry ${id}: object ${key} is not UTF-8`);
  }
}

/**
 * The entry a stored body holds, its long texts read through `load`. Throws `CorruptEntryError`
 * when the body is not an entry of the kind `deleted` says (`label` names it in the message).
 */
export async function decodeEntry(body: string, deleted: boolean, label: string, load: (key: string) => Promise<Uint8Array>): Promise<StoredEntry> {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new CorruptEntryError(`${label} has a body that is not JSON`);
  }
  if (!deleted && typeof json === 'object' && json !== null && Array.isArray((json as { texts?: unknown }).texts)) {
    const record = json as { id?: unknown; texts: BodyText[] };
    if (record.texts.some((text) => typeof text === 'object' && text !== null && 'textObject' in text))
      json = { ...record, texts: await Promise.all(record.texts.map((text) => joinText(String(record.id), text, load))) };
  }
  const result = deleted ? TombstoneSchema.safeParse(json) : ArchivalRecordSchema.safeParse(json);
  if (!result.success) throw new CorruptEntryError(`${label} does not match the schema: ${result.error.issues[0]?.message}`);
  return result.data as StoredEntry;
}
