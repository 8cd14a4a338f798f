/**
 * The initial article a catalog skips when it sorts a title: MARC 245's second indicator counts
 * its characters, MODS gives it as `nonSort`. The archive catalogs in English, so the articles
 * are English ("The ", "A ", "An "). A quotation mark or bracket before the article, and one right
 * after its space, are skipped with it (`"The Plan"` files under "Plan"); a title that does not
 * begin with an article skips nothing, even when it opens with a quotation mark. MARC's
 * indicator is one digit, so at most nine characters are skipped.
 */

const OPENING = `"'([“‘«`;
const ARTICLE = /^(the|an|a) (?=[\p{L}\p{N}"'([“‘«])/iu;

export interface NonFilingTitle {
  /** What sorting skips, its trailing space included: `The `; empty when nothing is skipped. */
  nonSort: string;
  /** The rest of the title, from its first filing character. */
  rest: string;
}

export function nonFilingTitle(title: string): NonFilingTitle {
  let i = 0;
  while (i < title.length && OPENING.includes(title.charAt(i))) i++;
  const article = ARTICLE.exec(title.slice(i));
  if (!article) return { nonSort: '', rest: title };
  let end = i + article[0].length;
  while (end < title.length && OPENING.includes(title.charAt(end))) end++;
  if (end > 9 || end >= title.length) return { nonSort: '', rest: title };
  return { nonSort: title.slice(0, end), rest: title.slice(end) };
}
