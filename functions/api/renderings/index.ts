/** Every rendering of a record, in the order negotiation prefers them when `Accept` allows several. */
import { biblatex, bibtex } from './bibtex.ts';
import { cslJson } from './csl-json.ts';
import { dataciteXml } from './datacite-xml.ts';
import { dcXml } from './dc-xml.ts';
import { dctermsJsonLd } from './dcterms-jsonld.ts';
import { dctermsRdf } from './dcterms-rdf.ts';
import { landingHtml } from './landing-html.ts';
import { marcXml } from './marc-xml.ts';
import { modsXml } from './mods-xml.ts';
import { recordJson } from './record-json.ts';
import type { Rendering } from './rendering.ts';
import { ris } from './ris.ts';
import { translationText } from './translation-text.ts';

export const RENDERINGS: readonly Rendering[] = [
  recordJson,
  dctermsJsonLd,
  dctermsRdf,
  modsXml,
  marcXml,
  dataciteXml,
  dcXml,
  cslJson,
  bibtex,
  biblatex,
  ris,
  translationText,
  landingHtml(() => RENDERINGS),
];

export const renderingByExtension = (extension: string) => RENDERINGS.find((r) => r.extension === extension);
