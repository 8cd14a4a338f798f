/**
 * Validates the arguments of an OAI-PMH request against the verb's required, optional and
 * exclusive arguments (OAI-PMH 2.0, section 3.1 and 4). Everything that makes the request
 * unanswerable as asked is reported here as badVerb or badArgument; errors that depend on the
 * data (unknown identifier, format or token) are left to the verbs.
 */
import { type OaiError, oaiError } from './oai-errors.ts';
import { type Granularity, isMetadataPrefix, isSetSpec, parseUtcBound } from './oai-syntax.ts';

export const OAI_VERBS = ['Identify', 'ListMetadataFormats', 'ListSets', 'GetRecord', 'ListIdentifiers', 'ListRecords'] as const;
export type OaiVerb = (typeof OAI_VERBS)[number];

type ArgumentName = 'identifier' | 'metadataPrefix' | 'from' | 'until' | 'set' | 'resumptionToken';

interface VerbArguments {
  required: readonly ArgumentName[];
  optional: readonly ArgumentName[];
  /** An argument that, when present, must be the only one besides `verb`. */
  exclusive?: ArgumentName;
}

const VERB_ARGUMENTS: Readonly<Record<OaiVerb, VerbArguments>> = {
  Identify: { required: [], optional: [] },
  ListMetadataFormats: { required: [], optional: ['identifier'] },
  ListSets: { required: [], optional: [], exclusive: 'resumptionToken' },
  GetRecord: { required: ['identifier', 'metadataPrefix'], optional: [] },
  ListIdentifiers: { required: ['metadataPrefix'], optional: ['from', 'until', 'set'], exclusive: 'resumptionToken' },
  ListRecords: { required: ['metadataPrefix'], optional: ['from', 'until', 'set'], exclusive: 'resumptionToken' },
};

/** Every argument each verb takes, besides `verb` itself. */
const ALLOWED_ARGUMENTS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries(VERB_ARGUMENTS).map(([verb, spec]) => [
    verb,
    new Set<string>([...spec.required, ...spec.optional, ...(spec.exclusive ? [spec.exclusive] : [])]),
  ]),
);

export type OaiArguments = { readonly [name in ArgumentName]?: string };

export type ListQuery = { prefix: string; set?: string; from?: string; until?: string };

export type OaiRequest =
  | { verb: 'Identify' }
  | { verb: 'ListMetadataFormats'; identifier?: string }
  | { verb: 'ListSets'; resumptionToken?: string }
  | { verb: 'GetRecord'; identifier: string; metadataPrefix: string }
  | { verb: 'ListIdentifiers' | 'ListRecords'; resumptionToken: string }
  | { verb: 'ListIdentifiers' | 'ListRecords'; query: ListQuery };

export type ParsedOaiRequest =
  /** `args` are the request's arguments, all legal: the response's request element echoes them. */
  | { ok: true; request: OaiRequest; args: { verb: OaiVerb } & OaiArguments }
  /** badVerb or badArgument: the request element echoes nothing. */
  | { ok: false; errors: OaiError[] };

const isVerb = (value: string): value is OaiVerb => (OAI_VERBS as readonly string[]).includes(value);

/** Checks syntax of the arguments' values; returns the badArgument errors. */
function valueErrors(args: OaiArguments): OaiError[] {
  const errors: OaiError[] = [];
  if (args.metadataPrefix !== undefined && !isMetadataPrefix(args.metadataPrefix)) {
    errors.push(oaiError('badArgument', 'metadataPrefix has illegal syntax.'));
  }
  if (args.set !== undefined && !isSetSpec(args.set)) errors.push(oaiError('badArgument', 'set is not a legal setSpec.'));
  if (args.identifier !== undefined && args.identifier === '') errors.push(oaiError('badArgument', 'identifier is empty.'));
  const bounds: { granularity: Granularity; value: string }[] = [];
  for (const edge of ['from', 'until'] as const) {
    const raw = args[edge];
    if (raw === undefined) continue;
    const bound = parseUtcBound(raw, edge);
    if (!bound) errors.push(oaiError('badArgument', `${edge} must be a UTC date (YYYY-MM-DD) or datetime (YYYY-MM-DDThh:mm:ssZ).`));
    else bounds.push(bound);
  }
  const [from, until] = bounds;
  if (args.from !== undefined && args.until !== undefined && from && until) {
    if (from.granularity !== until.granularity) errors.push(oaiError('badArgument', 'from and until must have the same granularity.'));
    else if (from.value > until.value) errors.push(oaiError('badArgument', 'from must not be later than until.'));
  }
  return errors;
}

/** Parses the request's arguments, in the order received (repeats included). */
export function parseOaiRequest(pairs: readonly (readonly [string, string])[]): ParsedOaiRequest {
  const verbs = pairs.filter(([name]) => name === 'verb').map(([, value]) => value);
  if (verbs.length === 0) return { ok: false, errors: [oaiError('badVerb', 'The verb argument is missing.')] };
  if (verbs.length > 1) return { ok: false, errors: [oaiError('badVerb', 'The verb argument is repeated.')] };
  const verb = verbs[0] ?? '';
  if (!isVerb(verb)) return { ok: false, errors: [oaiError('badVerb', 'The value of the verb argument is not an OAI-PMH verb.')] };

  const spec = VERB_ARGUMENTS[verb];
  const allowed = ALLOWED_ARGUMENTS.get(verb) ?? new Set<string>();
  const errors: OaiError[] = [];
  const args: { [name: string]: string } = {};
  const seen = new Set<string>();
  for (const [name, value] of pairs) {
    if (name === 'verb') continue;
    if (!allowed.has(name)) {
      errors.push(oaiError('badArgument', `${verb} does not take the argument "${name.slice(0, 40)}".`));
      continue;
    }
    if (seen.has(name)) {
      errors.push(oaiError('badArgument', `The argument ${name} is repeated.`));
      continue;
    }
    seen.add(name);
    args[name] = value;
  }
  const given = args as OaiArguments;
  if (spec.exclusive && given[spec.exclusive] !== undefined) {
    if (Object.keys(args).length > 1) errors.push(oaiError('badArgument', `${spec.exclusive} is an exclusive argument: it must be the only one besides verb.`));
  } else {
    for (const name of spec.required) if (given[name] === undefined) errors.push(oaiError('badArgument', `${verb} requires the argument ${name}.`));
  }
  errors.push(...valueErrors(given));
  if (errors.length > 0) return { ok: false, errors };

  const echo = { verb, ...given };
  switch (verb) {
    case 'Identify':
      return { ok: true, request: { verb }, args: echo };
    case 'ListMetadataFormats':
      return { ok: true, request: given.identifier === undefined ? { verb } : { verb, identifier: given.identifier }, args: echo };
    case 'ListSets':
      return { ok: true, request: given.resumptionToken === undefined ? { verb } : { verb, resumptionToken: given.resumptionToken }, args: echo };
    case 'GetRecord':
      return { ok: true, request: { verb, identifier: given.identifier ?? '', metadataPrefix: given.metadataPrefix ?? '' }, args: echo };
    default: {
      if (given.resumptionToken !== undefined) return { ok: true, request: { verb, resumptionToken: given.resumptionToken }, args: echo };
      const query: ListQuery = { prefix: given.metadataPrefix ?? '' };
      if (given.set !== undefined) query.set = given.set;
      if (given.from !== undefined) query.from = parseUtcBound(given.from, 'from')?.value;
      if (given.until !== undefined) query.until = parseUtcBound(given.until, 'until')?.value;
      return { ok: true, request: { verb, query }, args: echo };
    }
  }
}
