/**
 * Lexical rules of OAI-PMH 2.0 arguments and identifiers, as the protocol and its schema state them.
 */
import { RECORD_ID_PATTERN } from '../../../schemas/record.ts';

/** `metadataPrefixType` of OAI-PMH.xsd. */
export const METADATA_PREFIX_PATTERN = /^[A-Za-z0-9\-_.!~*'()]+$/;
/** `setSpecType` of OAI-PMH.xsd. */
export const SET_SPEC_PATTERN = /^[A-Za-z0-9\-_.!~*'()]+(:[A-Za-z0-9\-_.!~*'()]+)*$/;
/** A conservative absolute URI: what the request element may echo as an `identifier`. */
const ECHOABLE_URI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s"<>\\^`{|}]+$/;

export const isMetadataPrefix = (value: string) => METADATA_PREFIX_PATTERN.test(value);
export const isSetSpec = (value: string) => SET_SPEC_PATTERN.test(value);
export const isEchoableIdentifier = (value: string) => ECHOABLE_URI.test(value);

/** `oai:{repositoryIdentifier}:{id}`. */
export const oaiIdentifier = (repositoryIdentifier: string, id: string) => `oai:${repositoryIdentifier}:${id}`;

/** The record id an OAI identifier of this repository names, or undefined when it names none. */
export function recordIdOf(repositoryIdentifier: string, identifier: string): string | undefined {
  const prefix = `oai:${repositoryIdentifier}:`;
  if (!identifier.startsWith(prefix)) return undefined;
  const id = identifier.slice(prefix.length);
  return RECORD_ID_PATTERN.test(id) ? id : undefined;
}

export type Granularity = 'day' | 'second';

export interface UtcBound {
  granularity: Granularity;
  /** The bound as a second-granularity UTC datestamp: a day's first second for `from`, its last for `until`. */
  value: string;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const SECOND = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  date.setUTCFullYear(y);
  return y >= 1 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A `from` or `until` argument in either granularity this repository supports; undefined when illegal. */
export function parseUtcBound(value: string, edge: 'from' | 'until'): UtcBound | undefined {
  const day = DAY.exec(value);
  if (day) {
    if (!isRealDate(Number(day[1]), Number(day[2]), Number(day[3]))) return undefined;
    return { granularity: 'day', value: `${value}T${edge === 'from' ? '00:00:00' : '23:59:59'}Z` };
  }
  const second = SECOND.exec(value);
  if (second) {
    const [h, min, s] = [Number(second[4]), Number(second[5]), Number(second[6])];
    if (!isRealDate(Number(second[1]), Number(second[2]), Number(second[3])) || h > 23 || min > 59 || s > 59) return undefined;
    return { granularity: 'second', value };
  }
  return undefined;
}
