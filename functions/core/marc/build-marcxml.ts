/**
 * A MARC 21 bibliographic record (MARCXML) for one archival item: leader and 008 for archival
 * control, 1XX/7XX names with relator terms, 245, 264 (production), 300, 336, 500/520 notes,
 * 533 for the digital reproduction, 540 with the rights URI, 6XX subjects, 852 for the holding
 * repository and 856 to the landing page and the IIIF manifest.
 */
import type { Agent, AgentInRole, ArchivalRecord, RecordDate } from '../../../schemas/record.ts';
import { recordExtent } from '../dc/dublin-core-elements.ts';
import { referenceTextOf } from '../records/source-references.ts';
import type { ServiceUrls } from '../urls.ts';
import { el, type XmlElement } from '../xml/xml-tree.ts';
import { marcLanguageCode } from './marc-language-code.ts';
import { RELATORS } from './marc-relators.ts';

export const MARC_NAMESPACE = 'http://www.loc.gov/MARC21/slim';
export const MARC_SCHEMA = 'http://www.loc.gov/standards/marcxml/schema/MARC21slim.xsd';

type Subfield = [code: string, value: string | undefined];

function datafield(tag: string, ind1: string, ind2: string, subfields: Subfield[]): XmlElement | undefined {
  const present = subfields.filter((s): s is [string, string] => s[1] !== undefined && s[1] !== '');
  if (present.length === 0) return undefined;
  return el(
    'datafield',
    { tag, ind1, ind2 },
    present.map(([code, value]) => el('subfield', { code }, value)),
  );
}

const controlfield = (tag: string, value: string) => el('controlfield', { tag }, value);

/** Leader/06: type of record. Manuscript language material for texts held in an archive. */
const TYPE_OF_RECORD: Readonly<Record<ArchivalRecord['resourceType'], string>> = {
  Text: 't',
  StillImage: 'k',
  Image: 'k',
  Sound: 'i',
  MovingImage: 'g',
};

/** Leader: new item-level record under archival control, Unicode, minimal level, no ISBD punctuation. */
export function marcLeader(record: ArchivalRecord): string {
  return `00000n${TYPE_OF_RECORD[record.resourceType]}maa22000007  4500`;
}

const year4 = (y: number | undefined) => (y === undefined ? 'uuuu' : String(y).padStart(4, '0'));

/** 008/06-14: type of date and dates. */
function dates008(date: RecordDate): string {
  if (date.precision === 'range') return `i${year4(date.start?.year)}${year4(date.end?.year)}`;
  if (date.start) return `s${year4(date.start.year)}    `;
  return 'nuuuuuuuu';
}

/** 008 for books/manuscripts (40 positions). */
export function marc008(record: ArchivalRecord): string {
  const entered = record.provenance.ingestedAt.slice(2, 10).replace(/-/g, '');
  const language = record.languages?.[0] ? (marcLanguageCode(record.languages[0]) ?? 'und') : 'und';
  // 15-17 place unknown; 18-34 books: no illustrations, audience, form, contents; not a conference,
  // festschrift or index; not fiction; 38 not modified; 39 cataloging source other.
  return `${entered}${dates008(record.date)}xx ${' '.repeat(11)}000 0 ${language} d`;
}

/** 005: date and time of the latest transaction (the datestamp). */
const latestTransaction = (datestamp: string) => `${datestamp.replace(/[-:TZ]/g, '').slice(0, 14)}.0`;

/** A name in the inverted form MARC headings use: `Stalin, I.V.`; corporate and undivided names as given. */
function headingName(agent: Agent): { ind1: string; name: string } {
  if (agent.kind === 'organization') return { ind1: '2', name: agent.name };
  if (agent.family && agent.given) return { ind1: '1', name: `${agent.family}, ${agent.given}` };
  return { ind1: '0', name: agent.name };
}

function nameField(entry: AgentInRole, main: boolean): XmlElement | undefined {
  const { ind1, name } = headingName(entry.agent);
  const relator = RELATORS[entry.role];
  const tag = entry.agent.kind === 'organization' ? (main ? '110' : '710') : main ? '100' : '700';
  return datafield(tag, ind1, ' ', [['a', name], ['e', relator.term], ['4', relator.code], ...(entry.agent.sameAs ?? []).map((uri): Subfield => ['1', uri])]);
}

function subjectField(subject: ArchivalRecord['subjects'][number]): XmlElement | undefined {
  const uri: Subfield = ['1', subject.uri];
  switch (subject.kind) {
    case 'person':
      return datafield('600', '0', '4', [['a', subject.term], uri]);
    case 'organization':
      return datafield('610', '2', '4', [['a', subject.term], uri]);
    default:
      return datafield('650', ' ', '4', [['a', subject.term], uri]);
  }
}

export function buildMarcRecord(record: ArchivalRecord, urls: ServiceUrls): XmlElement {
  const archival = record.source.archival;
  const [main, ...rest] = [...record.agents.filter((a) => a.role === 'author'), ...record.agents.filter((a) => a.role !== 'author')];
  const mainEntry = main?.role === 'author' ? main : undefined;
  const added = mainEntry ? rest : record.agents;
  const publisher = record.publisher;
  const languages = (record.languages ?? []).map(marcLanguageCode).filter((code): code is string => code !== undefined);
  const uploadedYear = record.provenance.uploaded?.slice(0, 4);

  const fields: (XmlElement | undefined)[] = [
    datafield('024', '7', ' ', [
      ['a', urls.record(record.id)],
      ['2', 'uri'],
    ]),
    languages.length > 0
      ? datafield(
          '041',
          '0',
          ' ',
          languages.map((code): Subfield => ['a', code]),
        )
      : undefined,
    mainEntry ? nameField(mainEntry, true) : undefined,
    datafield('245', mainEntry ? '1' : '0', '0', [['a', record.title]]),
    datafield('264', ' ', '0', [['c', record.date.display]]),
    datafield('300', ' ', ' ', [['a', recordExtent(record)]]),
    datafield('336', ' ', ' ', [
      ['a', record.resourceType === 'Text' ? 'text' : 'still image'],
      ['b', record.resourceType === 'Text' ? 'txt' : 'sti'],
      ['2', 'rdacontent'],
    ]),
    datafield('500', ' ', ' ', [['a', `Source: ${record.source.citation}`]]),
    record.embeddedDocuments.map((doc) => datafield('500', ' ', ' ', [['a', `${doc.relation === 'conveys' ? 'Conveys' : 'Encloses'}: ${doc.description}`]])),
    datafield('520', ' ', ' ', [['a', record.summary]]),
    // 546 language note: the languages the export names that have no MARC code, as named.
    record.languageLabels ? datafield('546', ' ', ' ', [['a', `${record.languageLabels.join('; ')}.`]]) : undefined,
    datafield('533', ' ', ' ', [
      ['a', 'Electronic reproduction.'],
      ['b', publisher.place],
      ['c', publisher.institution ? `${publisher.name}, ${publisher.institution}` : publisher.name],
      ['d', uploadedYear],
    ]),
    datafield('540', ' ', ' ', [
      ['a', record.rights.statement],
      ['d', record.rights.holder],
      ['u', record.rights.uri],
    ]),
    record.subjects.map(subjectField),
    record.temporalCoverage ? datafield('648', ' ', '4', [['a', record.temporalCoverage]]) : undefined,
    record.places.map((place) =>
      datafield('651', ' ', '4', [
        ['a', place.name],
        ['1', place.uri],
      ]),
    ),
    datafield('655', ' ', '4', [['a', record.genre]]),
    added.map((entry) => nameField(entry, false)),
    archival
      ? datafield('852', ' ', ' ', [
          ['a', archival.repository.name],
          ['e', archival.repository.place],
          ['z', referenceTextOf(record.source)],
        ])
      : undefined,
    datafield('856', '4', '1', [
      ['u', urls.record(record.id)],
      ['z', 'Landing page'],
    ]),
    datafield('856', '4', '1', [
      ['u', urls.manifest(record.id)],
      ['q', 'application/ld+json'],
      ['z', 'IIIF manifest'],
    ]),
    datafield('856', '4', '2', [
      ['u', record.provenance.originalUrl],
      ['z', 'Original publication'],
    ]),
  ].flat();
  // MARC orders variable fields by tag; the sort is stable, so fields with one tag keep their order.
  const ordered = fields.filter((f): f is XmlElement => f !== undefined).sort((a, b) => String(a.attributes.tag).localeCompare(String(b.attributes.tag)));
  return el(
    'record',
    {
      xmlns: MARC_NAMESPACE,
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xsi:schemaLocation': `${MARC_NAMESPACE} ${MARC_SCHEMA}`,
      type: 'Bibliographic',
    },
    el('leader', {}, marcLeader(record)),
    controlfield('001', record.id),
    controlfield('005', latestTransaction(record.datestamp)),
    controlfield('008', marc008(record)),
    ordered,
  );
}
