/**
 * A MARC 21 bibliographic record (MARCXML) for one archival item, cataloged by RDA with ISBD
 * punctuation, its leader and 008 by what the Source says the item is:
 *
 * - an archival original (the Source is an archival reference or an acquisition note): manuscript
 *   language material under archival control (leader `tma`), the document described with its date
 *   of production (264 _0), the Digital Archive's scans and translation as its electronic
 *   reproduction (533), the holding repository in 852;
 * - a text taken from a publication (a book or bulletin citation): language material (leader
 *   `am`), the Digital Archive's online edition described (264 _1: its place, publisher and year
 *   of upload; 008 form of item `o`; 1 online resource), the document's own date in 518.
 *
 * Both carry 003/040 (cataloging source), 1XX/7XX with one heading and every relator per person
 * (the same heading a 6XX subject gives that person), 245 with its non-filing characters, 336-338,
 * 500 with the Source verbatim, 524 (preferred citation), 540 per rights paragraph and one with
 * the rights URI, 546 (languages), 588 (source of description), 6XX subjects and 856 links. No
 * value holds a control character: line breaks become spaces.
 */
import type { Agent, AgentInRole, AgentRole, ArchivalRecord, RecordDate } from '../../../schemas/record.ts';
import { recordExtent } from '../dc/dublin-core-elements.ts';
import { sameName } from '../records/agent-names.ts';
import { languageNote, translationLanguages } from '../records/language-note.ts';
import { nonFilingTitle } from '../records/non-filing-title.ts';
import { preferredCitation } from '../records/preferred-citation.ts';
import { isArchivalOriginal, referenceTextOf } from '../records/source-references.ts';
import { describeRights } from '../rights/describe-rights.ts';
import type { ServiceUrls } from '../urls.ts';
import { el, type XmlElement } from '../xml/xml-tree.ts';
import { marcLanguageCode } from './marc-language-code.ts';
import { RELATORS } from './marc-relators.ts';

export const MARC_NAMESPACE = 'http://www.loc.gov/MARC21/slim';
export const MARC_SCHEMA = 'http://www.loc.gov/standards/marcxml/schema/MARC21slim.xsd';

type Subfield = [code: string, value: string | undefined];

/**
 * A value as MARC may hold it: no control character (ISO 2709 would carry a line feed as data,
 * and MARC::Lint calls it invalid), so every run of line breaks and the spaces around it is one space.
 */
export const marcText = (value: string) => (HAS_LINE_BREAK_OR_CONTROL.test(value) ? value.replace(/\s*[\p{Cc}\u2028\u2029]+\s*/gu, ' ').trim() : value.trim());

// \p{Cc} is U+0000-U+001F and U+007F-U+009F: a value without any (most) needs only the trim, and
// this scan, without the Unicode flag, costs a fraction of the replacement's.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for
const HAS_LINE_BREAK_OR_CONTROL = /[\x00-\x1F\x7F-\x9F\u2028\u2029]/;

/** A data field of the subfields that have a value, or none when no lettered subfield has one. */
function datafield(tag: string, ind1: string, ind2: string, subfields: Subfield[]): XmlElement | undefined {
  const present: XmlElement[] = [];
  let lettered = false;
  for (const [code, value] of subfields) {
    if (value === undefined) continue;
    const text = marcText(value);
    if (text === '') continue;
    if (/[a-z]/.test(code)) lettered = true;
    present.push(el('subfield', { code }, text));
  }
  return lettered ? el('datafield', { tag, ind1, ind2 }, present) : undefined;
}

const controlfield = (tag: string, value: string) => el('controlfield', { tag }, marcText(value));

/** A field's last element closed with a full stop, unless it ends in final punctuation or a closing bracket already. */
const closed = (value: string) => (/[.?!)\]]$/.test(value.trim()) ? value.trim() : `${value.trim()}.`);

/** 245 ends with a full stop even after `?` or `!` (LC-PCC PS 1.7.1; MARC::Lint asks the same). */
const closedTitle = (value: string) => (value.trim().endsWith('.') ? value.trim() : `${value.trim()}.`);

/** Leader/06 for an archival original: manuscript language material for texts. */
const MANUSCRIPT_TYPE: Readonly<Record<ArchivalRecord['resourceType'], string>> = {
  Text: 't',
  StillImage: 'k',
  Image: 'k',
  Sound: 'i',
  MovingImage: 'g',
};

/** Leader/06 for a resource taken from a publication: printed language material for texts. */
const PUBLISHED_TYPE: Readonly<Record<ArchivalRecord['resourceType'], string>> = { ...MANUSCRIPT_TYPE, Text: 'a' };

/**
 * Leader: a new item (07 `m`), Unicode, minimal level, RDA with ISBD punctuation (18 `i`). An
 * archival original is manuscript material under archival control (06 `t`, 08 `a`); a text taken
 * from a publication is language material (06 `a`), not under archival control.
 */
export function marcLeader(record: ArchivalRecord): string {
  const original = isArchivalOriginal(record.source);
  const type = (original ? MANUSCRIPT_TYPE : PUBLISHED_TYPE)[record.resourceType];
  return `00000n${type}m${original ? 'a' : ' '}a22000007i 4500`;
}

const year4 = (y: number | undefined) => (y === undefined ? 'uuuu' : String(y).padStart(4, '0'));

/** 008/06-14 of an archival original, from the document's date: single (`s`), inclusive (`i`) or unknown (`n`). */
function productionDates008(date: RecordDate): string {
  if (date.precision === 'range') return `i${year4(date.start?.year)}${year4(date.end?.year)}`;
  if (date.start && date.precision !== 'undated') return `s${year4(date.start.year)}    `;
  return 'nuuuuuuuu';
}

/** The year the Digital Archive published the record online (its "Original Uploaded Date"). */
const uploadYear = (record: ArchivalRecord) => record.provenance.uploaded?.slice(0, 4);

/** 008/06-14 of an online edition: the year of upload, or unknown. */
const publicationDates008 = (record: ArchivalRecord) => {
  const year = uploadYear(record);
  return year ? `s${year}    ` : 'nuuuuuuuu';
};

/** MARC codes of the original's languages, those without a code left out. */
const originalLanguageCodes = (record: ArchivalRecord) => (record.languages ?? []).map(marcLanguageCode).filter((code): code is string => code !== undefined);

/** MARC codes of the translations' languages, those without a code left out. */
const translationLanguageCodes = (record: ArchivalRecord) =>
  translationLanguages(record)
    .map(marcLanguageCode)
    .filter((code): code is string => code !== undefined);

/**
 * 008 for books and manuscripts (40 positions): 00-05 entered, 06-14 type of date and dates,
 * 15-17 place unknown, 18-22 no illustrations or audience, 23 form of item (`o` online for an
 * online edition), 24-28 no contents or government publication coded, 29-31 not a conference,
 * festschrift or index, 33 not fiction, 35-37 language, 38 not modified, 39 cataloging source other.
 */
export function marc008(record: ArchivalRecord): string {
  const entered = record.provenance.ingestedAt.slice(2, 10).replace(/-/g, '');
  const original = isArchivalOriginal(record.source);
  const dates = original ? productionDates008(record.date) : publicationDates008(record);
  // An archival original is in its own language; an online edition in its translation's, when it has one.
  const language = (original ? originalLanguageCodes(record)[0] : (translationLanguageCodes(record)[0] ?? originalLanguageCodes(record)[0])) ?? 'und';
  const formOfItem = original ? ' ' : 'o';
  return `${entered}${dates}xx ${' '.repeat(5)}${formOfItem}${' '.repeat(5)}000 0 ${language} d`;
}

/** 005: date and time of the latest transaction (the datestamp). */
const latestTransaction = (datestamp: string) => `${datestamp.replace(/[-:TZ]/g, '').slice(0, 14)}.0`;

/** A name in the form MARC headings use: `Mao, Zedong` and `Stalin, I.V.` (surname first), corporate and undivided names as given. */
export function headingName(agent: Agent): { ind1: string; name: string } {
  if (agent.kind === 'organization') return { ind1: '2', name: agent.name };
  if (agent.family && agent.given) return { ind1: '1', name: `${agent.family}, ${agent.given}` };
  return { ind1: '0', name: agent.name };
}

/** Whether two agents are one person or body: the same description, or names that are written forms of each other. */
const sameAgent = (a: Agent, b: Agent) => a === b || (a.kind === b.kind && (sameName(a, b.name) || sameName(b, a.name)));

interface NamedAgent {
  agent: Agent;
  roles: AgentRole[];
}

/** The record's agents, each person once with every role they have, in the order first named. */
function namedAgents(entries: readonly AgentInRole[]): NamedAgent[] {
  const out: NamedAgent[] = [];
  for (const { role, agent } of entries) {
    const known = out.find((entry) => sameAgent(entry.agent, agent));
    if (!known) out.push({ agent, roles: [role] });
    else if (!known.roles.includes(role)) known.roles.push(role);
  }
  return out;
}

/** 100/110 or 700/710: `$a Mao, Zedong, $e author. $4 aut`, every role of the person in one field. */
function nameField({ agent, roles }: NamedAgent, main: boolean): XmlElement | undefined {
  const { ind1, name } = headingName(agent);
  const relators = roles.map((role) => RELATORS[role]);
  const tag = agent.kind === 'organization' ? (main ? '110' : '710') : main ? '100' : '700';
  return datafield(tag, ind1, ' ', [
    ['a', `${name},`],
    ...relators.map(({ term }, i): Subfield => ['e', i === relators.length - 1 ? `${term}.` : `${term},`]),
    ...relators.map(({ code }): Subfield => ['4', code]),
    ...(agent.sameAs ?? []).map((uri): Subfield => ['1', uri]),
  ]);
}

/** Everyone the record names: its agents and those of the documents it conveys or encloses. */
const knownAgents = (record: ArchivalRecord): Agent[] => [...record.agents, ...record.embeddedDocuments.flatMap((doc) => doc.agents)].map((a) => a.agent);

/** 600/610/650: a person or body the record also names as an agent gets that agent's heading. */
function subjectField(subject: ArchivalRecord['subjects'][number], agents: readonly Agent[]): XmlElement | undefined {
  const kind = subject.kind === 'person' ? 'person' : subject.kind === 'organization' ? 'organization' : undefined;
  const agent = kind ? agents.find((a) => a.kind === kind && sameName(a, subject.term)) : undefined;
  const uris: Subfield[] = (subject.uri ? [subject.uri] : (agent?.sameAs ?? [])).map((uri): Subfield => ['1', uri]);
  if (kind === 'person' || kind === 'organization') {
    const { ind1, name } = agent ? headingName(agent) : { ind1: kind === 'person' ? '0' : '2', name: subject.term };
    return datafield(kind === 'person' ? '600' : '610', ind1, '4', [['a', closed(name)], ...uris]);
  }
  return datafield('650', ' ', '4', [['a', closed(subject.term)], ...uris]);
}

/** 264 $c of an archival original: the date as the source gives it; RDA's phrase when it gives none. */
const productionDate = (date: RecordDate) => (date.precision === 'undated' || !date.start ? '[date of production not identified]' : closed(date.display));

const publisherName = (publisher: ArchivalRecord['publisher']) => (publisher.institution ? `${publisher.name}, ${publisher.institution}` : publisher.name);

/** 264: production of the original, or publication of the online edition. */
function originField(record: ArchivalRecord, original: boolean): XmlElement | undefined {
  if (original) return datafield('264', ' ', '0', [['c', productionDate(record.date)]]);
  const year = uploadYear(record);
  return datafield('264', ' ', '1', [
    ['a', `${record.publisher.place ?? '[Place of publication not identified]'} :`],
    ['b', `${publisherName(record.publisher)},`],
    ['c', year ? `${year}.` : '[date of publication not identified]'],
  ]);
}

/** 336-338: text (or still image); unmediated sheets for an original, an online resource for an online edition. */
function contentFields(record: ArchivalRecord, original: boolean): (XmlElement | undefined)[] {
  const text = record.resourceType === 'Text';
  return [
    datafield('336', ' ', ' ', [
      ['a', text ? 'text' : 'still image'],
      ['b', text ? 'txt' : 'sti'],
      ['2', 'rdacontent'],
    ]),
    datafield('337', ' ', ' ', [
      ['a', original ? 'unmediated' : 'computer'],
      ['b', original ? 'n' : 'c'],
      ['2', 'rdamedia'],
    ]),
    datafield('338', ' ', ' ', [
      ['a', original ? 'sheet' : 'online resource'],
      ['b', original ? 'nb' : 'cr'],
      ['2', 'rdacarrier'],
    ]),
  ];
}

/** 540: each paragraph of the statement verbatim in a field of its own, then the rightsstatements.org statement and URI. */
function rightsFields(record: ArchivalRecord): (XmlElement | undefined)[] {
  const rights = describeRights(record.rights);
  return [
    ...rights.paragraphs.map((paragraph) => datafield('540', ' ', ' ', [['a', paragraph]])),
    datafield('540', ' ', ' ', [
      ['f', rights.label === rights.uri ? undefined : closed(rights.label)],
      ['u', rights.uri],
    ]),
  ];
}

/** 588: where the description comes from. */
function descriptionSource(record: ArchivalRecord): string {
  const uploaded = record.provenance.uploaded ? `, uploaded ${record.provenance.uploaded}` : '';
  return `Description based on the ${record.publisher.name} record ${record.provenance.originalUrl}${uploaded}; title from that record.`;
}

/** 003 and 040: the cataloging agency's MARC code when the archive has one, its name otherwise (MARC 21 allows either in 040; 003 takes a code only). */
function catalogingSource(record: ArchivalRecord): { f003?: XmlElement; f040?: XmlElement } {
  const code = record.publisher.marcOrganizationCode;
  const agency = code ?? publisherName(record.publisher);
  const f040 = datafield('040', ' ', ' ', [
    ['a', agency],
    ['b', 'eng'],
    ['e', 'rda'],
    ['c', agency],
  ]);
  return code ? { f003: controlfield('003', code), f040 } : { f040 };
}

/** The fields built, groups spread in place (a loop: `Array.prototype.flat` is slow in V8). */
function presentFields(fields: readonly (XmlElement | undefined | readonly (XmlElement | undefined)[])[]): XmlElement[] {
  const out: XmlElement[] = [];
  for (const field of fields) {
    if (Array.isArray(field)) {
      for (const inner of field) if (inner !== undefined) out.push(inner);
    } else if (field !== undefined) out.push(field as XmlElement);
  }
  return out;
}

const compareTags = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function buildMarcRecord(record: ArchivalRecord, urls: ServiceUrls): XmlElement {
  const archival = record.source.archival;
  const original = isArchivalOriginal(record.source);
  const people = namedAgents([...record.agents.filter((a) => a.role === 'author'), ...record.agents.filter((a) => a.role !== 'author')]);
  const [first, ...rest] = people;
  const mainEntry = first?.roles.includes('author') ? first : undefined;
  const added = mainEntry ? rest : people;
  const agents = knownAgents(record);
  const publisher = record.publisher;
  const originals = originalLanguageCodes(record);
  const translated = original ? [] : translationLanguageCodes(record);
  const title = nonFilingTitle(record.title);
  const { f003, f040 } = catalogingSource(record);
  const extent = original ? recordExtent(record) : '1 online resource';

  const fields: (XmlElement | undefined | (XmlElement | undefined)[])[] = [
    datafield('024', '7', ' ', [
      ['a', urls.record(record.id)],
      ['2', 'uri'],
    ]),
    f040,
    // An online edition in translation: 041 1_ with the translation's language in $a, the original's in $h.
    translated.length > 0
      ? datafield('041', '1', ' ', [...translated.map((code): Subfield => ['a', code]), ...originals.map((code): Subfield => ['h', code])])
      : originals.length > 0
        ? datafield(
            '041',
            '0',
            ' ',
            originals.map((code): Subfield => ['a', code]),
          )
        : undefined,
    mainEntry ? nameField(mainEntry, true) : undefined,
    datafield('245', mainEntry ? '1' : '0', String(title.nonSort.length), [['a', closedTitle(record.title)]]),
    originField(record, original),
    datafield('300', ' ', ' ', [['a', extent]]),
    ...contentFields(record, original),
    datafield('500', ' ', ' ', [['a', closed(`Source: ${record.source.citation}`)]]),
    record.embeddedDocuments.map((doc) =>
      datafield('500', ' ', ' ', [['a', closed(`${doc.relation === 'conveys' ? 'Conveys' : 'Encloses'}: ${doc.description}`)]]),
    ),
    // The document's own date, when the record describes its online edition.
    !original && record.date.precision !== 'undated' && record.date.start
      ? datafield('518', ' ', ' ', [['a', closed(`Document dated ${record.date.display}`)]])
      : undefined,
    datafield('520', ' ', ' ', [['a', record.summary]]),
    datafield('524', ' ', ' ', [['a', preferredCitation(record, urls)]]),
    original
      ? datafield('533', ' ', ' ', [
          ['a', 'Electronic reproduction.'],
          ['b', publisher.place ? `${publisher.place} :` : undefined],
          ['c', `${publisherName(publisher)},`],
          ['d', closed(uploadYear(record) ?? '[date of publication not identified]')],
        ])
      : undefined,
    ...rightsFields(record),
    record.rights.holder ? datafield('542', '1', ' ', [['d', record.rights.holder]]) : undefined,
    datafield('546', ' ', ' ', [['a', languageNote(record)]]),
    datafield('588', ' ', ' ', [['a', descriptionSource(record)]]),
    record.subjects.map((subject) => subjectField(subject, agents)),
    record.temporalCoverage ? datafield('648', ' ', '4', [['a', record.temporalCoverage]]) : undefined,
    record.places.map((place) =>
      datafield('651', ' ', '4', [
        ['a', closed(place.name)],
        ['1', place.uri],
      ]),
    ),
    record.genre ? datafield('655', ' ', '4', [['a', closed(record.genre)]]) : undefined,
    added.map((entry) => nameField(entry, false)),
    archival
      ? datafield('852', ' ', ' ', [
          ['a', archival.repository.name],
          ['e', archival.repository.place],
          ['z', referenceTextOf(record.source)],
        ])
      : undefined,
    datafield('856', '4', original ? '1' : '0', [
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
  ];
  // MARC orders variable fields by tag; the sort is stable, so fields with one tag keep their order.
  // Tags are three ASCII digits, so code-unit order is tag order (localeCompare would ask ICU).
  const ordered = presentFields(fields).sort((a, b) => compareTags(String(a.attributes.tag), String(b.attributes.tag)));
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
    f003,
    controlfield('005', latestTransaction(record.datestamp)),
    controlfield('008', marc008(record)),
    ordered,
  );
}
