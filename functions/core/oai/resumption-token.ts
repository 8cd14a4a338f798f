/**
 * Stateless resumption tokens: the query, the keyset cursor and the offset, as base64url JSON
 * followed by an HMAC-SHA256 of it. Any token this repository did not sign, or whose contents do
 * not parse, is rejected, so a token can never name a key the query would not reach.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import * as z from 'zod/mini';
import { RECORD_ID_PATTERN } from '../../../schemas/record.ts';
import { el, type XmlElement } from '../xml/xml-tree.ts';
import { METADATA_PREFIX_PATTERN, SET_SPEC_PATTERN } from './oai-syntax.ts';

const DATESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const CHANGES_CURSOR = new RegExp(`^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z#${RECORD_ID_PATTERN.source.slice(1, -1)}$`);
const MAX_TOKEN_LENGTH = 2048;
/** Bumped when the payload's meaning changes, so old tokens stop verifying instead of being misread. */
const TOKEN_CONTEXT = 'oai-pmh-resumption-token/1';

const offset = z.int().check(z.gte(0), z.lte(1_000_000_000));

const ListTokenSchema = z.strictObject({
  verb: z.enum(['ListRecords', 'ListIdentifiers']),
  prefix: z.string().check(z.regex(METADATA_PREFIX_PATTERN)),
  set: z.optional(z.string().check(z.regex(SET_SPEC_PATTERN))),
  from: z.optional(z.string().check(z.regex(DATESTAMP))),
  until: z.optional(z.string().check(z.regex(DATESTAMP))),
  after: z.string().check(z.regex(CHANGES_CURSOR)),
  offset,
});

const SetsTokenSchema = z.strictObject({
  verb: z.literal('ListSets'),
  after: z.string().check(z.regex(SET_SPEC_PATTERN), z.maxLength(512)),
  offset,
});

const TokenSchema = z.union([ListTokenSchema, SetsTokenSchema]);
export type ListToken = z.infer<typeof ListTokenSchema>;
export type SetsToken = z.infer<typeof SetsTokenSchema>;
export type ResumptionState = z.infer<typeof TokenSchema>;

const sign = (payload: string, secret: string) => createHmac('sha256', secret).update(`${TOKEN_CONTEXT}.${payload}`).digest();

export function encodeResumptionToken(state: ResumptionState, secret: string): string {
  const payload = Buffer.from(JSON.stringify(state), 'utf8').toString('base64url');
  return `${payload}.${sign(payload, secret).toString('base64url')}`;
}

/** The state a token carries, or undefined for anything this repository did not issue. */
export function decodeResumptionToken(token: string, secret: string): ResumptionState | undefined {
  if (token.length > MAX_TOKEN_LENGTH) return undefined;
  const match = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match?.[1] || !match[2]) return undefined;
  const payload = match[1];
  // Compare the signature's text, so that no second spelling of the same bytes verifies.
  const given = Buffer.from(match[2], 'ascii');
  const expected = Buffer.from(sign(payload, secret).toString('base64url'), 'ascii');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const result = TokenSchema.safeParse(json);
  return result.success ? result.data : undefined;
}

/** The `resumptionToken` element of a list response: the next token, or empty on a list's last page. */
export function resumptionTokenElement(token: string | undefined, cursor: number, completeListSize?: number): XmlElement {
  return el('resumptionToken', { completeListSize, cursor }, token ?? '');
}
