/**
 * The one place that decides which Dublin Core element carries which value of a Record.
 * oai_dc, the DCMI Terms JSON-LD and RDF/XML, and the landing page's DC-HTML all read this
 * list, so they can never disagree. Values the Record does not hold are left out, never invented.
 */
import type { AgentRole, ArchivalRecord, RecordDate } from '../../../schemas/record.ts';
import type { ServiceUrls } from '../urls.ts';

export type DcElementName =
  | 'title'
  | 'creator'
  | 'subject'
  | 'description'
  | 'publisher'
  | 'contributor'
  | 'date'
  | 'type'
  | 'format'
  | 'identifier'
  | 'source'
  | 'language'
  | 'relation'
  | 'coverage'
  | 'rights';

export type DcScheme = 'W3CDTF' | 'DCMIType' | 'URI' | 'ISO639-1' | 'IMT';

/**
 * DCMI Terms properties that refine an element (`dcterms:created` refines `date`). Outputs that
 * speak DCMI Terms use the refinement; simple DC (oai_dc) uses the element.
 */
export type DcRefinement = 'created' | 'extent' | 'spatial' | 'temporal' | 'hasFormat' | 'abstract';

export type DcElement = {
  name: DcElementName;
  value: string;
  language?: string;
  scheme?: DcScheme;
  /** The DCMI Terms property that says more precisely what the value is, when there is one. */
  refinement?: DcRefinement;
};

/** The fifteen elements in the order of the DCMES (and of the oai_dc schema's examples). */
export const DC_ELEMENT_ORDER: readonly DcElementName[] = [
  'title',
  'creator',
  'subject',
  'description',
  'publisher',
  'contributor',
  'date',
  'type',
  'format',
  'identifier',
  'source',
  'language',
  'relation',
  'coverage',
  'rights',
];

/** Roles whose agents are DC creators; every other role is a contributor. */
const CREATOR_ROLES: ReadonlySet<AgentRole> = new Set(['author']);

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** A date in W3CDTF at the precision the source gives (year, year-month or full date); undefined otherwise. */
export function w3cdtfDate(date: RecordDate): string | undefined {
  const start = date.start;
  if (!start || (date.precision !== 'day' && date.precision !== 'month' && date.precision !== 'year')) return undefined;
  let value = pad(start.year, 4);
  if (start.month === undefined || date.precision === 'year') return value;
  value += `-${pad(start.month, 2)}`;
  if (start.day === undefined || date.precision === 'month') return value;
  return `${value}-${pad(start.day, 2)}`;
}

/** The `date` elements: W3CDTF for a single date, the ISO 8601 interval for a range, none when undated. */
function dateElements(date: RecordDate): DcElement[] {
  const w3c = w3cdtfDate(date);
  if (w3c) return [{ name: 'date', value: w3c, scheme: 'W3CDTF', refinement: 'created' }];
  if (date.precision === 'range' && date.edtf) return [{ name: 'date', value: date.edtf, refinement: 'created' }];
  return [];
}

function languageElement(tag: string): DcElement {
  return /^[a-z]{2}$/.test(tag) ? { name: 'language', value: tag, scheme: 'ISO639-1' } : { name: 'language', value: tag };
}

/** The physical extent of the original (`4 leaves`), when the archival reference counts its leaves. */
export function recordExtent(record: Pick<ArchivalRecord, 'source'>): string | undefined {
  const n = record.source.archival?.leaves.length ?? 0;
  if (n === 0) return undefined;
  return `${n} ${n === 1 ? 'leaf' : 'leaves'}`;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Every Dublin Core statement about the record, grouped in DCMES order. */
export function dublinCoreElements(record: ArchivalRecord, urls: ServiceUrls): DcElement[] {
  const out: DcElement[] = [];

  out.push({ name: 'title', value: record.title });
  for (const { role, agent } of record.agents) if (CREATOR_ROLES.has(role)) out.push({ name: 'creator', value: agent.name });
  for (const subject of record.subjects) {
    out.push({ name: 'subject', value: subject.term });
    if (subject.uri) out.push({ name: 'subject', value: subject.uri, scheme: 'URI' });
  }
  if (record.summary) out.push({ name: 'description', value: record.summary, refinement: 'abstract' });
  for (const doc of record.embeddedDocuments) out.push({ name: 'description', value: `${capitalize(doc.relation)}: ${doc.description}` });
  out.push({ name: 'publisher', value: record.publisher.name });
  const contributors = record.agents.filter(({ role }) => !CREATOR_ROLES.has(role)).map(({ agent }) => agent.name);
  for (const name of new Set(contributors)) out.push({ name: 'contributor', value: name });
  out.push(...dateElements(record.date));
  out.push({ name: 'type', value: record.resourceType, scheme: 'DCMIType' });
  if (record.genre) out.push({ name: 'type', value: record.genre });
  const extent = recordExtent(record);
  if (extent) out.push({ name: 'format', value: extent, refinement: 'extent' });
  out.push({ name: 'identifier', value: urls.record(record.id), scheme: 'URI' });
  out.push({ name: 'identifier', value: record.id });
  out.push({ name: 'source', value: record.source.citation });
  for (const tag of record.languages ?? []) out.push(languageElement(tag));
  // A language the export names without a known code, as named (DC allows free text; no scheme).
  for (const label of record.languageLabels ?? []) out.push({ name: 'language', value: label });
  out.push({ name: 'relation', value: urls.manifest(record.id), scheme: 'URI', refinement: 'hasFormat' });
  out.push({ name: 'relation', value: record.provenance.originalUrl, scheme: 'URI' });
  for (const place of record.places) out.push({ name: 'coverage', value: place.name, refinement: 'spatial' });
  if (record.temporalCoverage) out.push({ name: 'coverage', value: record.temporalCoverage, refinement: 'temporal' });
  out.push({ name: 'rights', value: record.rights.statement });
  out.push({ name: 'rights', value: record.rights.uri, scheme: 'URI' });
  return out;
}
