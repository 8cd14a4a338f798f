/** MARC relator code and term of each agent role (used by MARC 1XX/7XX $e/$4 and MODS roleTerm). */
import type { AgentRole } from '../../../schemas/record.ts';

export const RELATORS: Readonly<Record<AgentRole, { code: string; term: string }>> = {
  author: { code: 'aut', term: 'author' },
  recipient: { code: 'rcp', term: 'addressee' },
  contributor: { code: 'ctb', term: 'contributor' },
  translator: { code: 'trl', term: 'translator' },
};
