/**
 * A keyset cursor as it leaves the service: the store's cursor, base64url, and an HMAC-SHA256 of
 * it under the service's token secret. A page URL the service did not issue therefore never
 * reaches the store, whatever it holds (docs/adr/0005-iiif-collection-paging.md).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const SIGNED = /^([A-Za-z0-9_-]{1,800})\.([A-Za-z0-9_-]{22})$/;

const mac = (context: string, payload: string, secret: string) => createHmac('sha256', secret).update(`${context}.${payload}`).digest('base64url').slice(0, 22);

/** `cursor` signed for `context` (what lists it: a collection's path), so it is good for that list only. */
export function signCursor(cursor: string, secret: string, context: string): string {
  const payload = Buffer.from(cursor, 'utf8').toString('base64url');
  return `${payload}.${mac(context, payload, secret)}`;
}

/** The cursor a signed one carries, or undefined when this service did not sign it for `context`. */
export function verifyCursor(signed: string, secret: string, context: string): string | undefined {
  const match = SIGNED.exec(signed);
  if (!match?.[1] || !match[2]) return undefined;
  const given = Buffer.from(match[2], 'ascii');
  const expected = Buffer.from(mac(context, match[1], secret), 'ascii');
  if (!timingSafeEqual(given, expected)) return undefined;
  return Buffer.from(match[1], 'base64url').toString('utf8');
}
