/** Every rendering of a record, in the order negotiation prefers them when `Accept` allows several. */
import { dcXml } from './dc-xml.ts';
import { dctermsJsonLd } from './dcterms-jsonld.ts';
import { dctermsRdf } from './dcterms-rdf.ts';
import { marcXml } from './marc-xml.ts';
import { modsXml } from './mods-xml.ts';
import { recordJson } from './record-json.ts';
import type { Rendering } from './rendering.ts';

export const RENDERINGS: readonly Rendering[] = [recordJson, dctermsJsonLd, dctermsRdf, modsXml, marcXml, dcXml];

export const renderingByExtension = (extension: string) => RENDERINGS.find((r) => r.extension === extension);
