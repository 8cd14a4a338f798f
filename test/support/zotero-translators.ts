/**
 * How Zotero reads this service's outputs: the mappings of Zotero's own import translators, as
 * tables, each entry with the file and line (or the function) it comes from, and small readers
 * that apply them to an output to give the item Zotero would save. The readers apply only the
 * rules written here; they are written from reading the translators, not copied from them:
 *
 * - zotero/translators `RIS.js` @ f50d4465 (lastUpdated 2023-07-28): the RIS import.
 * - zotero/translators `CSL JSON.js` (calls `ZU.itemFromCSLJSON`), and zotero/utilities
 *   `utilities_item.js` `itemFromCSLJSON`, with the CSL mappings of zotero/zotero-schema
 *   `schema.json` @ 045659ea (`csl.types`, `csl.fields.text`, `csl.names`).
 * - zotero/translators `BibTeX.js` @ d2d7747b (lastUpdated 2019-09-17): the `.bib` import.
 * - zotero/translators `Embedded Metadata.js` @ dcd14d6f (lastUpdated 2024-06-13), priority 320,
 *   which hands a page's `prefix.name` meta tags to `RDF.js` @ 0dd01690 (lastUpdated 2019-09-08).
 * - zotero/translators `unAPI.js` @ 5b4ef451 (lastUpdated 2014-08-26), priority 300: tried
 *   before Embedded Metadata on a page that has both (a lower priority number runs first).
 * - What Zotero does when it saves a translator's item (zotero/zotero `item.js`
 *   `Zotero.Item.prototype.setCreator`): a creator type the item type does not have becomes the
 *   item type's primary creator type ("... isn't valid for letter -- changing to primary
 *   creator"); and a field the item type does not have is dropped. The item types' fields and
 *   creator types are zotero-schema `schema.json` @ 045659ea `itemTypes`.
 */
import { parse as parseHtml } from 'node-html-parser';
import { readWithBibtexParser } from './citation-readers.ts';

export interface ZoteroCreator {
  creatorType: string;
  lastName: string;
  firstName?: string;
  /** 1: a single-field name (an organisation, or a name kept whole). */
  fieldMode?: 1;
}

/** The item Zotero saves, as far as these tests look at it. */
export interface ZoteroItem {
  itemType: string;
  creators: ZoteroCreator[];
  fields: { [field: string]: string };
  notes: string[];
}

// ---------------------------------------------------------------------------------------------
// zotero-schema schema.json @ 045659ea: the two item types this service's records become.

/** `itemTypes[letter]` and `itemTypes[manuscript]`: their fields (the first is the title) and creator types, the first primary. */
export const ZOTERO_ITEM_TYPES: { readonly [itemType: string]: { fields: readonly string[]; creatorTypes: readonly string[] } } = {
  letter: {
    fields: [
      'title',
      'abstractNote',
      'letterType',
      'date',
      'language',
      'shortTitle',
      'url',
      'accessDate',
      'archive',
      'archiveLocation',
      'libraryCatalog',
      'callNumber',
      'rights',
      'extra',
    ],
    creatorTypes: ['author', 'contributor', 'recipient'],
  },
  manuscript: {
    fields: [
      'title',
      'abstractNote',
      'manuscriptType',
      'place',
      'date',
      'numPages',
      'language',
      'shortTitle',
      'url',
      'accessDate',
      'archive',
      'archiveLocation',
      'libraryCatalog',
      'callNumber',
      'rights',
      'extra',
    ],
    creatorTypes: ['author', 'contributor', 'translator'],
  },
};

/** The type field of each (`baseField: "type"` in `itemTypes`): where a CSL `genre` or a BibTeX `type` goes. */
const TYPE_FIELD: { readonly [itemType: string]: string } = { letter: 'letterType', manuscript: 'manuscriptType' };

/** What Zotero saves of a translator's item: valid creator types (else the primary one), valid fields only. */
function saved(itemType: string, creators: ZoteroCreator[], fields: { [field: string]: string | undefined }, notes: string[]): ZoteroItem {
  const type = ZOTERO_ITEM_TYPES[itemType];
  if (!type) return { itemType, creators, fields: Object.fromEntries(Object.entries(fields).filter((e): e is [string, string] => !!e[1])), notes };
  const primary = type.creatorTypes[0] as string;
  return {
    itemType,
    creators: creators.map((c) => (type.creatorTypes.includes(c.creatorType) ? c : { ...c, creatorType: primary })),
    fields: Object.fromEntries(
      Object.entries(fields)
        .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '' && type.fields.includes(entry[0]))
        .map(([field, value]) => [field, value.trim()]),
    ),
    notes,
  };
}

// ---------------------------------------------------------------------------------------------
// RIS.js @ f50d4465

/** `exportTypeMap` (l. 83-112), reversed into `importTypeMap` (l. 165-167), and `importTypeMap`'s own entries (l. 131-161). */
export const RIS_TYPES: readonly (readonly [ty: string, itemType: string, line: string])[] = [
  ['PCOMM', 'letter', 'l. 100 (exportTypeMap.letter), reversed at l. 166'],
  ['MANSCPT', 'manuscript', 'l. 102 (exportTypeMap.manuscript), reversed at l. 166'],
  ['UNPD', 'manuscript', 'l. 159 (importTypeMap.UNPD); UNPB is in neither map'],
  ['GEN', 'journalArticle', 'l. 147 (importTypeMap.GEN)'],
];

/** `DEFAULT_IMPORT_TYPE` (l. 81): the item type of any `TY` neither map has, `UNPB` among them (`importNext`). */
export const RIS_DEFAULT_TYPE = 'journalArticle';

/** The tags this service writes and where Zotero puts them (`fieldMap`, l. 207-435; `degenerateImportFieldMap`, l. 440-504). */
export const RIS_TAGS: readonly (readonly [tag: string, zotero: string, line: string])[] = [
  ['TI', 'title', 'l. 229-230 (fieldMap.TI.__default)'],
  ['AU', 'creators/author', 'l. 257-258 (fieldMap.AU.__default)'],
  ['A2', 'creators/recipient of a letter; nothing for a manuscript', 'l. 279, 286 (fieldMap.A2: no __default)'],
  ['A4', 'creators/translator', 'l. 297-298 (fieldMap.A4.__default)'],
  ['M3', 'letterType of a letter, manuscriptType of a manuscript', 'l. 366-367, 373 (fieldMap.M3)'],
  ['DA', 'date', 'l. 336-337 (fieldMap.DA.__default), read by dateRIStoZotero'],
  ['PY', 'date, only when no DA gave one', 'l. 401-402 (fieldMap.PY), processTag case "PY" and completeItem (backupDate)'],
  ['AB', 'abstractNote', 'l. 209'],
  ['LA', 'language', 'l. 353-354'],
  ['DB', 'archive', 'l. 212'],
  ['AV', 'archiveLocation', 'l. 445 (degenerateImportFieldMap.AV, "REFMAN")'],
  ['UR', 'url', 'l. 222'],
  ['KW', 'tags', 'l. 216'],
  ['N1', 'notes (a child note each)', 'l. 220'],
  ['CR', 'rights', 'l. 452 (degenerateImportFieldMap.CR)'],
  ['ID', 'nothing (__ignore)', 'l. 459'],
];

/** Tags whose continuation lines keep their line breaks (`_getTagValue`, l. 759); any other tag's lines are joined with a space (l. 778-781). */
const RIS_MULTILINE_TAGS = ['AB', 'N1', 'N2', 'RN'];

interface RisTagValue {
  tag: string;
  value: string;
}

/** `RISReader`: tag-value pairs (l. 703: `^([A-Z][A-Z0-9]) {1,2}-(?: (.*))?$`), continuation lines joined. */
function readRisTags(ris: string): RisTagValue[] {
  const out: RisTagValue[] = [];
  let maxLineLength = 0;
  let lastLineLength = 0;
  for (const line of ris.split(/\r\n|\n/)) {
    const m = /^([A-Z][A-Z0-9]) {1,2}-(?: (.*))?$/.exec(line);
    const current = out[out.length - 1];
    if (!m && !current) continue;
    maxLineLength = Math.max(maxLineLength, line.length);
    if (m) out.push({ tag: m[1] as string, value: m[2] ?? '' });
    else if (current) {
      const clean = line.trim();
      const keepsBreak = RIS_MULTILINE_TAGS.includes(current.tag) && (maxLineLength > 85 || lastLineLength < 65 || clean.length === 0);
      current.value += keepsBreak ? `\n${clean}` : current.value.endsWith(' ') ? clean : ` ${clean}`;
    }
    lastLineLength = line.length;
  }
  return out.filter((t) => t.tag !== 'ER');
}

/** `dateRIStoZotero` (not an access date): `YYYY/MM/DD/other` as `YYYY-MM-DD` at its precision; any other value with a year, verbatim. */
export function risDateToZotero(risDate: string): string {
  const m = /^(\d+)(?:\/(\d{0,2})(?:\/(\d{0,2})(?:(?:\/|\s)([^/]*))?)?)?$/.exec(risDate);
  if (!m) return risDate;
  const parts: string[] = [];
  for (const part of [m[1], m[2], m[3]]) {
    const value = (part ?? '').replace(/^0+/, '');
    if (!value) break;
    parts.push(value);
  }
  const [year = '', month, day] = parts;
  return [year.padStart(4, '0'), month?.padStart(2, '0'), month ? day?.padStart(2, '0') : undefined].filter(Boolean).join('-');
}

/** `processTag`, case "creators": the last name is the text before the first comma, the first name the rest; no first name makes a single-field name. */
function risCreator(value: string, creatorType: string): ZoteroCreator {
  const lastName = value.split(/\s*,\s*/)[0] ?? '';
  const firstName = value.slice(lastName.length).replace(/^\s*,\s*/, '');
  return firstName ? { creatorType, lastName, firstName } : { creatorType, lastName, fieldMode: 1 };
}

/** The tags `processTag` saves as a field of the same name on every item type (TI 229, AB 209, LA 354, DB 212, AV 445, UR 222, CR 452). */
const RIS_PLAIN_FIELDS: { readonly [tag: string]: string } = {
  TI: 'title',
  AB: 'abstractNote',
  LA: 'language',
  DB: 'archive',
  AV: 'archiveLocation',
  UR: 'url',
  CR: 'rights',
};

/** The item RIS.js makes of a RIS record, as Zotero saves it. */
export function zoteroFromRis(ris: string): ZoteroItem {
  const tags = readRisTags(ris);
  const ty =
    tags
      .find((t) => t.tag === 'TY')
      ?.value.trim()
      .toUpperCase() ?? '';
  const itemType = RIS_TYPES.find(([type]) => type === ty)?.[1] ?? RIS_DEFAULT_TYPE;
  const creators: ZoteroCreator[] = [];
  const fields: { [field: string]: string } = {};
  const notes: string[] = [];
  let backupDate: string | undefined;
  const set = (field: string, value: string) => {
    if (fields[field] === undefined) fields[field] = value; // applyValue: an existing value is not overwritten
  };
  for (const { tag, value: raw } of tags) {
    const value = raw.trim();
    if (!value) continue;
    switch (tag) {
      case 'AU':
        creators.push(risCreator(value, 'author'));
        break;
      case 'A2':
        if (itemType === 'letter') creators.push(risCreator(value, 'recipient'));
        break;
      case 'A4':
        creators.push(risCreator(value, 'translator'));
        break;
      case 'M3':
        if (TYPE_FIELD[itemType]) set(TYPE_FIELD[itemType] as string, value);
        break;
      case 'DA':
        set('date', risDateToZotero(value));
        break;
      case 'PY':
        backupDate = risDateToZotero(value);
        break;
      case 'N1':
        notes.push(value);
        break;
      default: {
        const field = RIS_PLAIN_FIELDS[tag];
        if (field) set(field, value);
      }
    }
  }
  if (fields.date === undefined && backupDate !== undefined) fields.date = backupDate;
  return saved(itemType, creators, fields, notes);
}

// ---------------------------------------------------------------------------------------------
// CSL JSON.js -> ZU.itemFromCSLJSON, with zotero-schema's CSL mappings

/** `csl.types` (the first Zotero type listed for a CSL type is the one imported). */
export const CSL_TYPES: readonly (readonly [cslType: string, itemType: string])[] = [
  ['personal_communication', 'letter'],
  ['manuscript', 'manuscript'],
];

/** `csl.fields.text`: the variables this service writes and the Zotero field each goes to (`type` is the type's base field). */
export const CSL_TEXT_FIELDS: readonly (readonly [variable: string, field: string])[] = [
  ['title', 'title'],
  ['abstract', 'abstractNote'],
  ['archive', 'archive'],
  ['archive_location', 'archiveLocation'],
  ['genre', 'type'],
  ['language', 'language'],
  ['license', 'rights'],
  ['note', 'extra'],
  ['URL', 'url'],
];

/** `csl.names`, reversed: the CSL name variables this service writes and their Zotero creator types. */
export const CSL_NAMES: readonly (readonly [variable: string, creatorType: string])[] = [
  ['author', 'author'],
  ['recipient', 'recipient'],
  ['translator', 'translator'],
  ['contributor', 'contributor'],
];

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

type CslName = { family?: string; given?: string; literal?: string };

/** The item `itemFromCSLJSON` makes of a CSL item, as Zotero saves it. */
export function zoteroFromCsl(item: { [variable: string]: unknown }): ZoteroItem {
  const itemType = CSL_TYPES.find(([type]) => type === item.type)?.[1] ?? 'document';
  const fields: { [field: string]: string } = {};
  for (const [variable, field] of CSL_TEXT_FIELDS) {
    const value = item[variable];
    if (typeof value === 'string') fields[field === 'type' ? (TYPE_FIELD[itemType] ?? 'type') : field] = value;
  }
  const creators: ZoteroCreator[] = [];
  const valid = ZOTERO_ITEM_TYPES[itemType]?.creatorTypes ?? [];
  for (const [variable, creatorType] of CSL_NAMES) {
    for (const name of (item[variable] as CslName[] | undefined) ?? []) {
      // A creator type the item type does not have becomes its primary one (itemFromCSLJSON itself).
      const type = valid.includes(creatorType) ? creatorType : (valid[0] ?? creatorType);
      if (name.family || name.given) creators.push({ creatorType: type, lastName: name.family ?? '', firstName: name.given ?? '' });
      else if (name.literal) creators.push({ creatorType: type, lastName: name.literal, fieldMode: 1 });
    }
  }
  // `issued`: `literal` or `raw` verbatim; else the first of `date-parts` as Zotero.Date.formatDate writes it.
  const issued = item.issued as { 'date-parts'?: number[][]; raw?: string; literal?: string } | undefined;
  if (issued?.literal || issued?.raw) fields.date = (issued.literal ?? issued.raw) as string;
  else if (issued?.['date-parts']?.[0]) {
    const [year, month, day] = issued['date-parts'][0];
    fields.date = month ? `${MONTHS[month - 1]} ${day ? `${day}, ` : ''}${year}` : String(year);
  }
  return saved(itemType, creators, fields, []);
}

// ---------------------------------------------------------------------------------------------
// BibTeX.js @ d2d7747b

/** `bibtex2zoteroTypeMap` (l. 215-...): the entry types this service writes, and `@misc`, which it no longer writes. */
export const BIBTEX_TYPES: readonly (readonly [entryType: string, itemType: string, line: string])[] = [
  ['unpublished', 'manuscript', 'l. 222'],
  ['letter', 'letter', 'l. 234 ("from BibLaTeX translator")'],
  ['misc', 'book', 'l. 229'],
];

/** `fieldMap` (l. 89-107) and `processField`: the fields this service writes and where Zotero puts them. */
export const BIBTEX_FIELDS: readonly (readonly [field: string, zotero: string, line: string])[] = [
  ['title', 'title', 'l. 95'],
  ['type', 'type (letterType, manuscriptType)', 'l. 93'],
  ['copyright', 'rights', 'l. 97'],
  ['url', 'url', 'l. 101'],
  ['abstract', 'abstractNote', 'l. 103'],
  ['language', 'language', 'l. 105'],
  ['author, translator', 'creators of that type', 'processField: "Last, First" split at the comma, a braced name one unit (fieldMode 1)'],
  ['year, month, date', 'date', 'processField: `date` replaces what `year` and `month` gave'],
  ['note', 'a child note', 'processField'],
  ['organization', 'publisher (no letter or manuscript has one)', 'processField (backupPublisher)'],
  ['location', 'place (a manuscript has one, a letter not)', 'processField (backupLocation)'],
  ['rights, library, addendum', 'nothing: not in fieldMap, inputFieldMap or processField', 'processField'],
];

/** The item BibTeX.js makes of this service's `.bib` entry, as Zotero saves it. Values are read with a BibTeX parser; BibTeX.js folds every run of whitespace to one space (`unescapeBibTeX`). */
export async function zoteroFromBibtex(bib: string): Promise<ZoteroItem> {
  const [entry] = (await readWithBibtexParser(bib)).entries;
  if (!entry) throw new Error('no entry');
  const itemType = BIBTEX_TYPES.find(([type]) => type === entry.type)?.[1] ?? 'unknown';
  const f = entry.fields as { [field: string]: unknown };
  const text = (field: string) => (typeof f[field] === 'string' ? (f[field] as string).replace(/\s+/g, ' ') : undefined);
  const creators: ZoteroCreator[] = [];
  for (const creatorType of ['author', 'translator']) {
    for (const name of (f[creatorType] as { lastName?: string; firstName?: string; name?: string }[] | undefined) ?? []) {
      creators.push(
        name.name !== undefined
          ? { creatorType, lastName: name.name, fieldMode: 1 }
          : { creatorType, lastName: name.lastName ?? '', firstName: name.firstName ?? '' },
      );
    }
  }
  const fields: { [field: string]: string | undefined } = {
    title: text('title'),
    [TYPE_FIELD[itemType] ?? 'type']: text('type'),
    rights: text('copyright'),
    url: text('url'),
    abstractNote: text('abstract'),
    language: text('language'),
    date: text('date') ?? text('year'),
    publisher: Array.isArray(f.organization) ? (f.organization as string[]).join(' and ') : undefined,
    place: Array.isArray(f.location) ? (f.location as string[]).join(' and ') : undefined,
  };
  return saved(itemType, creators, fields, text('note') ? [text('note') as string] : []);
}

// ---------------------------------------------------------------------------------------------
// Embedded Metadata.js @ dcd14d6f and RDF.js @ 0dd01690

/** `HIGHWIRE_MAPPINGS` (l. 42-64), the tags this service writes; the translator reads them in this order, a later one replacing an earlier (`processFields`). */
export const HIGHWIRE_FIELDS: readonly (readonly [tag: string, field: string, line: number])[] = [
  ['citation_title', 'title', 43],
  ['citation_publication_date', 'date', 44],
  ['citation_date', 'date', 46],
  ['citation_publisher', 'publisher', 59],
  ['citation_abstract', 'abstractNote', 61],
  ['citation_public_url', 'url', 63],
  ['citation_language', 'language', 64],
];

/**
 * What else the translator reads, through RDF.js, from the `prefix.name` tags of the prefixes it
 * knows (`_prefixes`, l. 88-...: `dc` l. 91, `dcterms` l. 92, `bibo` l. 90, `z` l. 97):
 * - `bibo.type` becomes `rdf:type` (Embedded Metadata `init`: "bib and bibo types are special"),
 *   and RDF.js `detectType` takes `bibo:Letter`, `bibo:Manuscript` as `letter`, `manuscript`;
 *   without a type, a page with `citation_title` is a `journalArticle` (`init`, `hwTypeGuess`).
 * - `DC.rights` is `rights` (RDF.js `importItem`: the first `dc:rights`), verbatim.
 * - `DC.type`'s first value is the type field (RDF.js `importItem`, `typeProperties`), then every
 *   `z.*` tag sets the Zotero field of its name (RDF.js `importItem`, "OTHER FIELDS").
 * - The authors are the `citation_author`s, each `ZU.cleanAuthor(name, 'author', name has a comma)`
 *   (`processHighwireCreators`); only when there are none are RDF.js's creators used, whose
 *   authors are `dc:creator`, or failing that `dc:contributor` (RDF.js `importItem`).
 */
export const EMBEDDED_METADATA_RULES = 'see the comment above';

/** `ZU.cleanAuthor`: split at the comma when told to, else at the last space. */
function cleanAuthor(name: string, creatorType: string, useComma: boolean): ZoteroCreator {
  if (useComma) {
    const [last = '', ...first] = name.split(/\s*,\s*/);
    return { creatorType, lastName: last, firstName: first.join(', ') };
  }
  const at = name.lastIndexOf(' ');
  return at === -1 ? { creatorType, lastName: name, firstName: '' } : { creatorType, lastName: name.slice(at + 1), firstName: name.slice(0, at) };
}

/** The item the Embedded Metadata translator makes of a landing page, as Zotero saves it. */
export function zoteroFromEmbeddedMetadata(html: string): ZoteroItem {
  const head = parseHtml(html).querySelector('head');
  const metas = (head?.querySelectorAll('meta') ?? [])
    .map((m) => [m.getAttribute('name') ?? '', m.getAttribute('content') ?? ''] as const)
    .filter(([n, c]) => n && c);
  const first = (name: string) => metas.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
  const all = (name: string) => metas.filter(([n]) => n.toLowerCase() === name.toLowerCase()).map(([, c]) => c);
  const biboType = first('bibo.type')?.toLowerCase();
  const itemType = biboType && ['letter', 'manuscript'].includes(biboType) ? biboType : first('citation_title') ? 'journalArticle' : 'webpage';
  const fields: { [field: string]: string | undefined } = {
    title: first('DC.title'),
    rights: first('DC.rights'),
    language: first('DC.language'),
    abstractNote: first('DCTERMS.abstract'),
    [TYPE_FIELD[itemType] ?? 'type']: first('DC.type'),
  };
  for (const [name, content] of metas) if (/^z\./i.test(name)) fields[name.slice(2)] = content;
  for (const [tag, field] of HIGHWIRE_FIELDS) {
    const value = first(tag);
    if (value?.trim()) fields[field] = value.replace(/\s+/g, ' ').trim(); // ZU.trimInternal
  }
  let creators = all('citation_author').map((name) => cleanAuthor(name, 'author', name.includes(',')));
  if (creators.length === 0) {
    const rdfAuthors = all('DC.creator').length > 0 ? all('DC.creator') : all('DC.contributor');
    creators = rdfAuthors.map((name) => cleanAuthor(name, 'author', name.includes(',')));
  }
  return saved(itemType, creators, fields, []);
}

// ---------------------------------------------------------------------------------------------
// unAPI.js @ 5b4ef451

/** `RECOGNIZABLE_FORMATS` (l. 15-16), in the order the translator prefers them. */
export const UNAPI_PREFERENCE = ['rdf_zotero', 'rdf_bibliontology', 'mods', 'marc', 'unimarc', 'ris', 'refer', 'bibtex', 'rdf_dc'] as const;

/** `UnAPIFormat`: which of the listed formats the translator recognises, and so uses (a name of its list; `mods`, `marc` also by their type or docs). */
export function unapiChoice(formatsXml: string): string | undefined {
  const found = new Map<string, string>();
  for (const node of parseHtml(formatsXml).querySelectorAll('format')) {
    const name = node.getAttribute('name') ?? '';
    const lower = name.toLowerCase();
    let format: string | undefined;
    if (['rdf_zotero', 'rdf_bibliontology', 'bibtex', 'endnote', 'rdf_dc'].includes(lower)) format = lower;
    else if (lower === 'mods' || node.getAttribute('type') === 'application/mods+xml') format = 'mods';
    else if (/^marc\b/.test(lower) || node.getAttribute('type') === 'application/marc') format = 'marc';
    else if (/^ris\b/.test(lower)) format = 'ris';
    if (format) found.set(format, name);
  }
  const best = UNAPI_PREFERENCE.find((format) => found.has(format));
  return best === undefined ? undefined : found.get(best);
}
