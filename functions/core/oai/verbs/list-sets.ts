/** ListSets: the repository's sets, a page at a time, continued by a resumption token. */
import { InvalidCursorError } from '../../errors.ts';
import type { RecordStore, SetEntry } from '../../ports.ts';
import { el, type XmlElement } from '../../xml/xml-tree.ts';
import type { VerbResult } from '../oai-envelope.ts';
import { badToken, oaiError } from '../oai-errors.ts';
import { type OaiRepository, pageSizeOf } from '../oai-repository.ts';
import { isSetSpec } from '../oai-syntax.ts';
import { decodeResumptionToken, encodeResumptionToken, resumptionTokenElement } from '../resumption-token.ts';

export async function listSets(repo: OaiRepository, resumptionToken: string | undefined): Promise<VerbResult> {
  let after: string | undefined;
  let offset = 0;
  if (resumptionToken !== undefined) {
    const state = decodeResumptionToken(resumptionToken, repo.tokenSecret);
    if (state?.verb !== 'ListSets') return { errors: [badToken()] };
    after = state.after;
    offset = state.offset;
  }
  const size = pageSizeOf(repo);
  let page: Awaited<ReturnType<RecordStore['listSets']>>;
  try {
    page = await setsPage(repo.records, after, size);
  } catch (error) {
    if (error instanceof InvalidCursorError) return { errors: [badToken()] };
    throw error;
  }
  const sets = page.items.filter((set) => isSetSpec(set.spec));
  if (sets.length === 0) return { errors: [oaiError('noSetHierarchy', 'This repository has no sets yet.')] };
  let token: XmlElement | undefined;
  if (page.next)
    token = resumptionTokenElement(encodeResumptionToken({ verb: 'ListSets', after: page.next, offset: offset + page.items.length }, repo.tokenSecret), offset);
  else if (resumptionToken !== undefined) token = resumptionTokenElement(undefined, offset, offset + page.items.length);
  return {
    body: el(
      'ListSets',
      {},
      sets.map((set) => el('set', {}, el('setSpec', {}, set.spec), el('setName', {}, set.name || set.spec))),
      token,
    ),
  };
}

/** One page of sets, filled to `size` even when the store returns short pages. */
async function setsPage(records: RecordStore, after: string | undefined, size: number) {
  const items: SetEntry[] = [];
  let cursor = after;
  for (;;) {
    const page = await records.listSets({ limit: size - items.length, ...(cursor === undefined ? {} : { after: cursor }) });
    items.push(...page.items);
    if (!page.next || items.length >= size) return page.next ? { items, next: page.next } : { items };
    cursor = page.next;
  }
}
