/**
 * The credits a Source gives after its archival reference, or as its acquisition note, as the
 * Digital Archive writes them:
 *
 *   `Translated by Gary Goldberg.`
 *   `Contributed by Sergey Radchenko and translated by Gary Goldberg.`
 *   `Obtained and translated for CWIHP by Austin Jersild.`
 *   `Obtained for CWIHP by Jamil Hasanli and translated for CWIHP by Gary Goldberg.`
 *   `Obtained by Béla Révész; translated and edited by Barnabás Vajd, Laura Deal, and Karl P. Benziger.`
 *   `Courtesy of the National Security Archive.`
 *
 * A name is kept as written: never split into family and given names, never inverted (an
 * overlay gives the parts where they are known). Translating makes a translator; obtaining,
 * contributing, providing, donating, editing and "courtesy of" make a contributor (MARC `ctb`:
 * a contribution no other role of the Record names).
 */
import type { Agent, AgentInRole } from '../../../schemas/record.ts';
import { sameName } from '../records/agent-names.ts';

export interface Credit {
  role: 'translator' | 'contributor';
  agent: Agent;
}

const ACTS = 'obtained|contributed|translated|edited|provided|donated|supplied|transcribed';
/** `translated by`, `obtained and translated for CWIHP by`, `courtesy of`, `translation by`. */
const CLAUSE = new RegExp(
  String.raw`\b(?:(?<acts>(?:${ACTS})(?:(?:\s*,\s*|\s+and\s+|\s*&\s*)(?:${ACTS}))*)(?:\s+(?:for|from|into)\s+[^;]*?)?\s+by|(?<courtesy>courtesy\s+of)|(?<translation>translation\s+by))\s+`,
  'giu',
);

/** Words that make a name an organisation's (or an acronym such as `CWIHP`). */
const ORGANIZATION =
  /\b(?:archives?|institute|institution|cent(?:er|re)|library|ministry|university|project|foundation|museum|office|committee|department|agency|programm?e?|society|academy|service|council|bureau|commission|embassy|government|association|collection|fund|press)\b|^\p{Lu}{2,}$/iu;

/** Abbreviations that end in a full stop without ending the sentence. */
const NOT_SENTENCE_END = /^(?:(?:\p{L}\.)*\p{L}|Jr|Sr|Dr|St|Mr|Mrs|Ms|Prof)$/u;

/** Where the names of a clause end: a `;`, ` for ...`, `(`, or a full stop that ends the sentence. */
function namesEnd(segment: string): number {
  const hard = /;|\s+for\s|\s+\(|\s+from\s/iu.exec(segment)?.index ?? segment.length;
  for (let i = segment.indexOf('.'); i !== -1 && i < hard; i = segment.indexOf('.', i + 1)) {
    const word = /(\S+)$/u.exec(segment.slice(0, i))?.[1] ?? '';
    if (!NOT_SENTENCE_END.test(word)) return i;
  }
  return hard;
}

const isOrganization = (name: string) => /^the\s/iu.test(name) || ORGANIZATION.test(name);

function splitNames(list: string): string[] {
  const text = list.replace(/[\s,]*(?:\band\b)?[\s,]*$/u, '').trim();
  if (text === '') return [];
  if (isOrganization(text)) return [text];
  return text.split(/\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*/u).map((name) => name.trim());
}

function agentNamed(written: string): Agent | undefined {
  const organization = isOrganization(written);
  const name = (organization ? written.replace(/^the\s+/iu, '') : written).trim();
  if (!/^\p{Lu}/u.test(name) || name.length > 120 || !/\p{L}{2}/u.test(name)) return undefined;
  return { name, kind: organization ? 'organization' : 'person' };
}

/** The translators and contributors a credits text names, in the order it names them, each role once per name. */
export function parseCredits(text: string): Credit[] {
  const clauses = [...text.matchAll(CLAUSE)];
  const credits: Credit[] = [];
  clauses.forEach((clause, i) => {
    const from = (clause.index ?? 0) + clause[0].length;
    const to = clauses[i + 1]?.index ?? text.length;
    const segment = text.slice(from, to);
    const acts = clause.groups?.acts?.toLowerCase().match(new RegExp(ACTS, 'gu')) ?? [];
    const roles: Credit['role'][] = clause.groups?.translation
      ? ['translator']
      : clause.groups?.courtesy
        ? ['contributor']
        : acts.map((act) => (act === 'translated' ? 'translator' : 'contributor'));
    const names = splitNames(segment.slice(0, namesEnd(segment)));
    for (const role of [...new Set(roles)]) {
      for (const written of names) {
        const agent = agentNamed(written);
        if (agent && !credits.some((c) => c.role === role && sameName(c.agent, agent.name))) credits.push({ role, agent });
      }
    }
  });
  return credits;
}

/**
 * The Record's agents: the overlay's, then each credit that adds something. A credit naming a
 * person the overlay already has in that role adds nothing; in another role, it adds the role
 * to the overlay's description of the person (with its name parts and authority links).
 */
export function mergeCredits(agents: readonly AgentInRole[], credits: readonly Credit[]): AgentInRole[] {
  const merged = [...agents];
  for (const credit of credits) {
    const known = merged.find((entry) => sameName(entry.agent, credit.agent.name));
    if (known && merged.some((entry) => entry.role === credit.role && entry.agent === known.agent)) continue;
    merged.push({ role: credit.role, agent: known?.agent ?? credit.agent });
  }
  return merged;
}
