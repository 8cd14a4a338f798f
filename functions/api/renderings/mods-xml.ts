import { buildMods } from '../../core/mods/build-mods.ts';
import { serializeXml } from '../../core/xml/xml-tree.ts';
import type { Rendering } from './rendering.ts';

/** MODS 3.7. */
export const modsXml: Rendering = {
  label: 'MODS 3.7',
  extension: 'mods.xml',
  contentType: 'application/mods+xml; charset=utf-8',
  mediaTypes: ['application/mods+xml'],
  render: (record, { urls }) => serializeXml(buildMods(record, urls)),
};
