/**
 * The OAI-PMH response document around every answer: `responseDate`, the `request` element
 * echoing the arguments, and the verb's element or the protocol errors.
 */
import { el, serializeXmlBytes, type XmlChildInput, type XmlElement } from '../xml/xml-tree.ts';
import type { OaiError } from './oai-errors.ts';
import { isEchoableIdentifier } from './oai-syntax.ts';
import type { OaiArguments, OaiVerb } from './parse-oai-request.ts';

export const OAI_NAMESPACE = 'http://www.openarchives.org/OAI/2.0/';
const OAI_SCHEMA = 'http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/** What a verb answers: its element, or the errors that stand in its place. */
export type VerbResult = { body: XmlElement } | { errors: OaiError[] };
/** The arguments the `request` element echoes: none when the request did not parse. */
export type Echo = ({ verb: OaiVerb } & OaiArguments) | undefined;

export const responseDateOf = (now: Date) => `${now.toISOString().slice(0, 19)}Z`;

export const errorElements = (errors: readonly OaiError[]) => errors.map((e) => el('error', { code: e.code }, e.message));

export function envelope(now: Date, baseUrl: string, echo: Echo, content: XmlChildInput): Uint8Array<ArrayBuffer> {
  const attributes: { [name: string]: string | undefined } = {};
  if (echo) {
    attributes.verb = echo.verb;
    for (const name of ['identifier', 'metadataPrefix', 'from', 'until', 'set', 'resumptionToken'] as const) {
      const value = echo[name];
      // An identifier that is not a URI cannot be echoed as the schema's anyURI; it is simply unknown.
      if (value !== undefined && (name !== 'identifier' || isEchoableIdentifier(value))) attributes[name] = value;
    }
  }
  return serializeXmlBytes(
    el(
      'OAI-PMH',
      { xmlns: OAI_NAMESPACE, 'xmlns:xsi': XSI, 'xsi:schemaLocation': `${OAI_NAMESPACE} ${OAI_SCHEMA}` },
      el('responseDate', {}, responseDateOf(now)),
      el('request', attributes, baseUrl),
      content,
    ),
  );
}
