/** Just enough typing for the independent parsers the tests read our outputs back with. */
declare module '@citation-js/core' {
  export class Cite {
    static async(input: unknown, options?: { forceType?: string }): Promise<Cite>;
    data: Array<{ [field: string]: unknown }>;
    format(format: string, options?: { [option: string]: unknown }): string;
  }
  export const plugins: unknown;
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-csl';

declare module 'http-link-header' {
  export interface Reference {
    uri: string;
    rel: string;
    [attribute: string]: string;
  }
  export default class LinkHeader {
    static parse(value: string): LinkHeader;
    refs: Reference[];
    has(attribute: string, value: string): boolean;
    get(attribute: string, value: string): Reference[];
    rel(value: string): Reference[];
  }
}
