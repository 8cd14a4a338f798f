import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ALLOWED_IMPORTS, findViolations, importSpecifiers } from '../../.ci/import-direction.ts';
import { REPO_ROOT } from '../../infra/paths.ts';

let root: string | undefined;
afterEach(async () => {
  if (root) await rm(root, { recursive: true, force: true });
  root = undefined;
});

/** A repository of the given files (path -> source) in a temporary folder. */
async function repository(files: Record<string, string>): Promise<string> {
  root = await mkdtemp(join(tmpdir(), 'import-direction-'));
  for (const [path, source] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), source);
  }
  return root;
}

const messages = (dir: string) => findViolations(dir).map((v) => `${v.file} ${v.message}`);

describe('the import direction', () => {
  it('holds in this repository', () => {
    expect(messages(REPO_ROOT)).toEqual([]);
  });

  it('is a layering: no folder may import, through others, a folder that imports it', () => {
    const reaches = (from: string, to: string, seen = new Set<string>()): boolean =>
      (ALLOWED_IMPORTS[from] ?? []).some((next) => {
        const folder = Object.keys(ALLOWED_IMPORTS).find((f) => next === f || next.startsWith(`${f}/`)) ?? next;
        if (folder === to) return true;
        if (seen.has(folder)) return false;
        seen.add(folder);
        return reaches(folder, to, seen);
      });
    for (const folder of Object.keys(ALLOWED_IMPORTS)) expect(reaches(folder, folder), folder).toBe(false);
  });

  it('refuses an image module importing the metadata API, in every form of import', async () => {
    const dir = await repository({
      'functions/api/app.ts': 'export const app = 1;\n',
      'functions/api/app-env.ts': 'export type Env = {};\n',
      'functions/image/a.ts': "import { app } from '../api/app.ts';\nexport const a = app;\n",
      'functions/image/b.ts': "export { app } from '../api/app.ts';\n",
      'functions/image/c.ts': "import type { Env } from '../api/app-env.ts';\nexport type C = Env;\n",
      'functions/image/d.ts': "export const d = () => import('../api/app.js');\n",
      'functions/image/e.ts': "import '../api/app.ts';\n",
      'functions/image/f.ts': "import {\n  app,\n} from '../api/app.ts';\nexport const f = app;\n",
    });
    expect(messages(dir)).toEqual(
      ['a', 'b', 'c', 'd', 'e', 'f'].map(
        (name) =>
          `functions/image/${name}.ts imports functions/api/${name === 'c' ? 'app-env' : 'app'}.ts: functions/image may import only schemas, functions/core, functions/adapters, functions/http, functions/imaging`,
      ),
    );
  });

  it('lets a folder import what is above it, and itself', async () => {
    const dir = await repository({
      'schemas/record.ts': 'export const s = 1;\n',
      'functions/core/x.ts': "import { s } from '../../schemas/record.ts';\nexport const x = s;\n",
      'functions/core/y/z.ts': "import { x } from '../x.ts';\nexport const z = x;\n",
      'functions/http/h.ts': "import { z } from '../core/y/z.ts';\nexport const h = z;\n",
      'functions/api/routes/r.ts': "import { h } from '../../http/h.ts';\nexport const r = h;\n",
      'functions/local/l.ts': "import { r } from '../api/routes/r.ts';\nexport const l = r;\n",
      'test/api/r.test.ts': "import { l } from '../../functions/local/l.ts';\nexport const t = l;\n",
    });
    expect(messages(dir)).toEqual([]);
  });

  it('keeps the local stack apart from the operator tools and the ingest Lambda', async () => {
    const dir = await repository({
      'functions/operator/cli.ts': 'export const cli = 1;\n',
      'functions/ingest/handler.ts': 'export const handler = 1;\n',
      'functions/local/start.ts':
        "import { cli } from '../operator/cli.ts';\nimport { handler } from '../ingest/handler.ts';\nexport const s = cli + handler;\n",
    });
    expect(messages(dir)).toEqual([
      'functions/local/start.ts imports functions/operator/cli.ts: functions/local may import only schemas, functions/core, functions/adapters, functions/http, functions/imaging, functions/api, functions/image, data',
      'functions/local/start.ts imports functions/ingest/handler.ts: functions/local may import only schemas, functions/core, functions/adapters, functions/http, functions/imaging, functions/api, functions/image, data',
    ]);
  });

  it('lets the stack import the edge header names and nothing else of the edge', async () => {
    const dir = await repository({
      'functions/http/edge-headers.ts': "export const H = 'x';\n",
      'functions/http/reply.ts': 'export const reply = 1;\n',
      'infra/a.ts':
        "import { H } from '../functions/http/edge-headers.ts';\nimport { reply } from '../functions/http/reply.ts';\nexport const a = H + reply;\n",
    });
    expect(messages(dir)).toEqual([
      'infra/a.ts imports functions/http/reply.ts: infra may import only schemas, functions/core, functions/adapters, functions/http/edge-headers.ts',
    ]);
  });

  it('refuses source importing tests, files in no known folder, and import cycles', async () => {
    const dir = await repository({
      'test/support/fixture.ts': 'export const f = 1;\n',
      'functions/core/a.ts': "import { f } from '../../test/support/fixture.ts';\nimport { b } from './b.ts';\nexport const a = f + b;\n",
      'functions/core/b.ts': "import { a } from './a.ts';\nexport const b = () => a;\n",
      'functions/newcomer/n.ts': 'export const n = 1;\n',
    });
    expect(messages(dir)).toEqual([
      'functions/core/a.ts imports test/support/fixture.ts: only tests import test code',
      'functions/newcomer/n.ts is in no folder of the import table (.ci/import-direction.ts): give its folder a place there',
      'functions/core/a.ts is in an import cycle: functions/core/a.ts -> functions/core/b.ts -> functions/core/a.ts',
    ]);
  });

  it('does not take an example in a comment or a string for an import', () => {
    const source = [
      "// import { app } from '../api/app.ts';",
      "/* export * from '../api/app.ts'; */",
      'const text = "import { x } from \'../api/app.ts\'";',
      "import { real } from './real.ts';",
    ].join('\n');
    expect(importSpecifiers(source)).toEqual(['./real.ts']);
  });
});
