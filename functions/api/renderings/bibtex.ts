import { writeBiblatex, writeBibtex } from '../../core/citation/write-bibtex.ts';
import type { Rendering } from './rendering.ts';

/** Classic BibTeX (`@unpublished`, which Zotero reads as a manuscript; `@misc` it reads as a book), ASCII with LaTeX escapes. */
export const bibtex: Rendering = {
  extension: 'bib',
  label: 'BibTeX',
  contentType: 'application/x-bibtex; charset=utf-8',
  mediaTypes: ['application/x-bibtex'],
  render: (record, { urls }) => writeBibtex(record, urls),
};

/** BibLaTeX (`@letter`, or `@unpublished` without an addressee), UTF-8 for Biber; still a `.bib` file, hence the double extension. */
export const biblatex: Rendering = {
  extension: 'biblatex.bib',
  label: 'BibLaTeX',
  contentType: 'application/x-biblatex; charset=utf-8',
  mediaTypes: ['application/x-biblatex'],
  render: (record, { urls }) => writeBiblatex(record, urls),
};
