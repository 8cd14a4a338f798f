/**
 * When two written names are one person's: compared without case, accents, punctuation or
 * spacing, against an agent's name, its alternate names and its name parts in either order.
 * The ingest merges a Source's credits with the overlay's agents by it; MARC and MODS give a
 * subject that names a known agent the agent's heading.
 */
import type { Agent } from '../../../schemas/record.ts';

/** A name compared without case, accents, punctuation or spacing: `Béla Révész` is `Bela Revesz`, `I. V. Stalin` is `I.V. Stalin`. */
export const normalizedName = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Whether `name` is a written form of the agent's name. */
export function sameName(agent: Agent, name: string): boolean {
  const wanted = normalizedName(name);
  const forms = [agent.name, ...(agent.alternateNames ?? [])];
  if (agent.family && agent.given) forms.push(`${agent.given} ${agent.family}`, `${agent.family} ${agent.given}`);
  return forms.some((form) => normalizedName(form) === wanted);
}
