/**
 * Proactive content negotiation on `Accept` (RFC 9110 section 12.5.1): each offered media type
 * takes the quality of the most specific range that matches it; the highest quality wins, then
 * the more specific match (a type named outright beats a wildcard), then the server's order.
 * Media-type parameters other than `q` (`style`, `locale` of `text/x-bibliography`) are returned
 * to the caller as arguments of the chosen representation.
 */

export interface MediaRange {
  type: string;
  subtype: string;
  params: Map<string, string>;
  q: number;
}

/** Splits on a delimiter outside double-quoted strings. */
function splitUnquoted(text: string, delimiter: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '\\' && quoted) {
      current += ch + text.charAt(i + 1);
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
      current += ch;
    } else if (ch === delimiter && !quoted) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** The valid ranges of an `Accept` header; malformed members are skipped. */
export function parseAccept(header: string): MediaRange[] {
  const ranges: MediaRange[] = [];
  for (const member of splitUnquoted(header, ',')) {
    const [mediaType = '', ...rawParams] = splitUnquoted(member, ';').map((p) => p.trim());
    const [type = '', subtype = '', extra] = mediaType.toLowerCase().split('/');
    if (extra !== undefined || !TOKEN.test(type) || !TOKEN.test(subtype) || (type === '*' && subtype !== '*')) continue;
    const params = new Map<string, string>();
    let q = 1;
    let valid = true;
    for (const raw of rawParams) {
      if (!raw) continue;
      const eq = raw.indexOf('=');
      if (eq <= 0) {
        valid = false;
        break;
      }
      const name = raw.slice(0, eq).trim().toLowerCase();
      let value = raw.slice(eq + 1).trim();
      if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1).replace(/\\(.)/g, '$1');
      if (name === 'q') {
        if (!/^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(value)) {
          valid = false;
          break;
        }
        q = Number(value);
      } else params.set(name, value);
    }
    if (valid) ranges.push({ type, subtype, params, q });
  }
  return ranges;
}

export interface Offer<T> {
  mediaType: string;
  value: T;
  /**
   * The media type actually sent, when the offer is an alias of it (the landing page, sent as
   * `text/html`, is also offered as `application/xhtml+xml`): an alias is never chosen when the
   * header refuses the type it stands for (`text/html;q=0`).
   */
  sends?: string;
}

export type Negotiated<T> = { offer: Offer<T>; range?: MediaRange } | undefined;

function specificity(range: MediaRange, type: string, subtype: string): number {
  if (range.type === type && range.subtype === subtype) return 2;
  if (range.type === type && range.subtype === '*') return 1;
  if (range.type === '*' && range.subtype === '*') return 0;
  return -1;
}

/**
 * The offer to send, or undefined when the header accepts none of them (406). Without an
 * `Accept` header (or an empty one) the first offer is chosen.
 */
export function negotiate<T>(accept: string | undefined, offers: readonly Offer<T>[]): Negotiated<T> {
  const first = offers[0];
  if (accept === undefined || accept.trim() === '') return first ? { offer: first } : undefined;
  const ranges = parseAccept(accept);
  let best: { offer: Offer<T>; range: MediaRange; q: number; specificity: number } | undefined;
  const bestMatch = (mediaType: string) => {
    const [type = '', subtype = ''] = mediaType.toLowerCase().split('/');
    let match: { range: MediaRange; specificity: number } | undefined;
    for (const range of ranges) {
      const s = specificity(range, type, subtype);
      if (s >= 0 && (!match || s > match.specificity)) match = { range, specificity: s };
    }
    return match;
  };
  for (const offer of offers) {
    const match = bestMatch(offer.mediaType);
    if (!match || match.range.q === 0) continue;
    if (offer.sends !== undefined && offer.sends !== offer.mediaType && bestMatch(offer.sends)?.range.q === 0) continue;
    const q = match.range.q;
    if (!best || q > best.q || (q === best.q && match.specificity > best.specificity)) best = { offer, range: match.range, q, specificity: match.specificity };
  }
  return best ? { offer: best.offer, range: best.range } : undefined;
}

/** The highest quality `Accept` gives a media type it names outright (wildcards not counted); 0 when it does not name it. */
function namedQuality(ranges: readonly MediaRange[], mediaType: string): number {
  const [type = '', subtype = ''] = mediaType.toLowerCase().split('/');
  return Math.max(0, ...ranges.filter((r) => r.type === type && r.subtype === subtype).map((r) => r.q));
}

/**
 * True when `Accept` names `mediaType` with a strictly higher quality than `over`, wildcards not
 * counted: for a default representation that only an explicit preference overrides (IIIF
 * info.json, JSON-LD or plain JSON).
 */
export function prefersNamed(accept: string | undefined, mediaType: string, over: string): boolean {
  if (!accept) return false;
  const ranges = parseAccept(accept);
  return namedQuality(ranges, mediaType) > namedQuality(ranges, over);
}
