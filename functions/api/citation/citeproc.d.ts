declare module 'citeproc' {
  import type { CiteprocModule } from '../../core/citation/format-citation.ts';

  const CSL: CiteprocModule;
  export default CSL;
}
