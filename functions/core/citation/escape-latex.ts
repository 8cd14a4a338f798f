/**
 * Escaping for BibTeX and BibLaTeX field values. LaTeX's special characters are always escaped
 * (`%` would start a comment, `&` is an alignment tab, unbalanced braces break the entry).
 * `ascii` mode, for classic BibTeX, also writes Latin letters with diacritics and typographic
 * punctuation as LaTeX commands; letters with no such command (Cyrillic, CJK) stay UTF-8.
 * `utf8` mode, for BibLaTeX with Biber, keeps every letter as it is.
 */
export type LatexMode = 'ascii' | 'utf8';

const SPECIALS: { readonly [char: string]: string } = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  '&': '\\&',
  '#': '\\#',
  $: '\\$',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

const PUNCTUATION: { readonly [char: string]: string } = {
  '\u2018': '\\textquoteleft{}',
  '\u2019': '\\textquoteright{}',
  '\u201C': '``',
  '\u201D': "''",
  '\u2013': '--',
  '\u2014': '---',
  '\u2026': '\\textellipsis{}',
  '\u00A0': '~',
  '\u00AB': '\\guillemotleft{}',
  '\u00BB': '\\guillemotright{}',
};

const LETTERS: { readonly [char: string]: string } = {
  ß: '\\ss',
  æ: '\\ae',
  Æ: '\\AE',
  œ: '\\oe',
  Œ: '\\OE',
  ø: '\\o',
  Ø: '\\O',
  ł: '\\l',
  Ł: '\\L',
  ı: '\\i',
};

/** Combining marks and the LaTeX accent commands that draw them. */
const ACCENTS: { readonly [mark: string]: string } = {
  '\u0300': '`',
  '\u0301': "'",
  '\u0302': '^',
  '\u0303': '~',
  '\u0304': '=',
  '\u0306': 'u',
  '\u0307': '.',
  '\u0308': '"',
  '\u030A': 'r',
  '\u030B': 'H',
  '\u030C': 'v',
  '\u0327': 'c',
  '\u0328': 'k',
};

/** `é` -> `{\'{e}}`, `ı̈` -> `{\"{\i}}`; undefined when the character has no LaTeX spelling. */
function latexLetter(char: string): string | undefined {
  const named = LETTERS[char];
  if (named) return `{${named}}`;
  const decomposed = char.normalize('NFD');
  const base = decomposed.charAt(0);
  if (!/^[A-Za-z]$/.test(base)) return undefined;
  let out = base === 'i' || base === 'j' ? `\\${base}` : base;
  for (const mark of decomposed.slice(1)) {
    const accent = ACCENTS[mark];
    if (!accent) return undefined;
    out = `\\${accent}{${out}}`;
  }
  return `{${out}}`;
}

export function escapeLatex(text: string, mode: LatexMode): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    const special = SPECIALS[char];
    if (special) out += special;
    else if (mode === 'utf8' || char.charCodeAt(0) < 0x80) out += char;
    else out += PUNCTUATION[char] ?? latexLetter(char) ?? char;
  }
  return out;
}

/**
 * Paragraphs of free text as one field value. BibTeX collapses line breaks and blank lines into
 * spaces anyway, and `\par` is read literally by some importers, so paragraphs are joined as
 * sentences: a full stop is added where a paragraph (other than the last) has no closing punctuation.
 */
export function latexParagraphs(paragraphs: readonly string[], mode: LatexMode): string {
  const texts = paragraphs.map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
  return texts
    .map((p, i) => (i < texts.length - 1 && !/[.!?]$/.test(p) ? `${p}.` : p))
    .map((p) => escapeLatex(p, mode))
    .join(' ');
}
