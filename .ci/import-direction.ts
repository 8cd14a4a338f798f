/**
 * The direction of imports between the source folders (docs/adr/0018-source-layout.md), checked
 * by `npm run lint`: every relative import (static, `export … from`, type-only or dynamic) is
 * resolved to the file it names, and that file's folder must be one the importer's folder may
 * import. Files import each other without cycles. Tests may import anything; nothing imports tests.
 *
 *   node --import tsx .ci/import-direction.ts [root]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SCHEMAS = 'schemas';
const CORE = 'functions/core';
const ADAPTERS = 'functions/adapters';
const HTTP = 'functions/http';
const IMAGING = 'functions/imaging';
const DATA = 'data';

/**
 * Each source folder and what it may import besides itself: a folder, or one file of a folder.
 * Read top to bottom, it is the layering: a folder only imports folders above it.
 */
export const ALLOWED_IMPORTS: Readonly<Record<string, readonly string[]>> = {
  [SCHEMAS]: [],
  [CORE]: [SCHEMAS],
  [ADAPTERS]: [SCHEMAS, CORE],
  [HTTP]: [SCHEMAS, CORE],
  [IMAGING]: [SCHEMAS, CORE],
  'functions/api': [SCHEMAS, CORE, ADAPTERS, HTTP, DATA],
  'functions/image': [SCHEMAS, CORE, ADAPTERS, HTTP, IMAGING],
  'functions/ingest': [SCHEMAS, CORE, ADAPTERS, IMAGING, DATA],
  'functions/local': [SCHEMAS, CORE, ADAPTERS, HTTP, IMAGING, 'functions/api', 'functions/image', DATA],
  'functions/operator': [SCHEMAS, CORE, ADAPTERS, IMAGING, 'functions/local', DATA],
  // The stack shares the table and bucket layouts and, with the edge, only the header names.
  infra: [SCHEMAS, CORE, ADAPTERS, `${HTTP}/edge-headers.ts`],
  '.ci': [],
};

const SOURCE_ROOTS = ['functions', 'schemas', 'infra', 'test', '.ci'];
const TESTS = 'test';
const SKIPPED_FOLDERS = new Set(['node_modules', 'vendor', 'json']);

export interface Violation {
  file: string;
  message: string;
}

/** The folder of the layer table that holds `file` (a path relative to the root, `/`-separated). */
function folderOf(file: string): string | undefined {
  if (file.startsWith(`${TESTS}/`)) return TESTS;
  return Object.keys(ALLOWED_IMPORTS)
    .filter((folder) => file.startsWith(`${folder}/`))
    .sort((a, b) => b.length - a.length)[0];
}

const mayImport = (from: string, target: string): boolean => {
  const importer = folderOf(from);
  if (importer === TESTS) return true;
  if (!importer) return false;
  const targetFolder = folderOf(target);
  if (targetFolder === importer) return true;
  return (ALLOWED_IMPORTS[importer] ?? []).some((allowed) => target === allowed || target.startsWith(`${allowed}/`));
};

/**
 * The module specifiers a TypeScript file imports: `import … from`, `export … from`, bare
 * `import '…'` and `import('…')`. Comments and the insides of other strings are skipped, so an
 * example in a doc comment is not an import.
 */
export function importSpecifiers(source: string): string[] {
  let code = '';
  for (let i = 0; i < source.length; ) {
    const two = source.slice(i, i + 2);
    if (two === '//') {
      const end = source.indexOf('\n', i);
      i = end < 0 ? source.length : end;
    } else if (two === '/*') {
      const end = source.indexOf('*/', i + 2);
      i = end < 0 ? source.length : end + 2;
    } else if (source[i] === "'" || source[i] === '"' || source[i] === '`') {
      const quote = source[i];
      let j = i + 1;
      while (j < source.length && source[j] !== quote) j += source[j] === '\\' ? 2 : 1;
      // Strings are kept as they are (a specifier is one); their insides cannot open a comment.
      code += source.slice(i, j + 1);
      i = j + 1;
    } else {
      code += source[i];
      i += 1;
    }
  }
  const specifiers: string[] = [];
  const patterns = [
    /(?:^|[;\n}])\s*(?:import|export)\s[^'"`;]*?from\s*(['"])([^'"]+)\1/g,
    /(?:^|[;\n}])\s*import\s*(['"])([^'"]+)\1/g,
    /\bimport\s*\(\s*(['"])([^'"]+)\1\s*[,)]/g,
  ];
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) specifiers.push(match[2] as string);
  return specifiers;
}

function sourceFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) walk(path);
      } else if (/\.(ts|mts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(path);
    }
  };
  for (const top of SOURCE_ROOTS) {
    try {
      walk(top);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return files.sort();
}

/** The repository-relative file a relative specifier names (`.js` written for a `.ts` file included). */
function resolveSpecifier(from: string, specifier: string, known: ReadonlySet<string>): string {
  const target = normalize(join(dirname(from), specifier))
    .split(sep)
    .join('/');
  if (!known.has(target) && target.endsWith('.js') && known.has(`${target.slice(0, -3)}.ts`)) return `${target.slice(0, -3)}.ts`;
  return target;
}

/** One import cycle among the files, as the files it passes through, if there is one. */
function findCycle(graph: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string): string[] | undefined => {
    state.set(file, 'open');
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') return [...path.slice(path.indexOf(next)), next];
      if (!state.has(next)) {
        const cycle = visit(next);
        if (cycle) return cycle;
      }
    }
    path.pop();
    state.set(file, 'done');
    return undefined;
  };
  for (const file of graph.keys()) {
    if (state.has(file)) continue;
    const cycle = visit(file);
    if (cycle) return cycle;
  }
  return undefined;
}

/** Every import that breaks the direction, every source file outside the table, and one file cycle if any. */
export function findViolations(root: string): Violation[] {
  const files = sourceFiles(root);
  const known = new Set(files);
  const violations: Violation[] = [];
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const folder = folderOf(file);
    if (!folder) {
      violations.push({ file, message: `is in no folder of the import table (.ci/import-direction.ts): give its folder a place there` });
      continue;
    }
    const targets: string[] = [];
    for (const specifier of importSpecifiers(readFileSync(join(root, file), 'utf8'))) {
      if (!specifier.startsWith('./') && !specifier.startsWith('../')) continue;
      const target = resolveSpecifier(file, specifier, known);
      if (folder !== TESTS && target.startsWith(`${TESTS}/`)) {
        violations.push({ file, message: `imports ${target}: only tests import test code` });
      } else if (!mayImport(file, target)) {
        const allowed = ALLOWED_IMPORTS[folder] ?? [];
        violations.push({ file, message: `imports ${target}: ${folder} may import only ${allowed.length ? allowed.join(', ') : 'itself'}` });
      }
      if (known.has(target)) targets.push(target);
    }
    graph.set(file, targets);
  }
  const cycle = findCycle(graph);
  if (cycle) violations.push({ file: cycle[0] as string, message: `is in an import cycle: ${cycle.join(' -> ')}` });
  return violations;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = process.argv[2] ?? fileURLToPath(new URL('..', import.meta.url));
  const violations = findViolations(root);
  for (const { file, message } of violations) console.error(`${relative('.', join(root, file)) || file} ${message}`);
  if (violations.length > 0) {
    console.error(`import direction: ${violations.length} problem(s); the layering is in .ci/import-direction.ts and docs/adr/0018-source-layout.md`);
    process.exit(1);
  }
  console.log('import direction: every import follows the layering');
}
