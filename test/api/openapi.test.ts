/**
 * `/openapi.json`: valid OpenAPI 3.1 for two independent validators, and true to the service: every
 * documented operation, requested with its examples from the running local service, answers with
 * a status it documents, and every public route of the app is documented.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileErrors, validate } from '@readme/openapi-parser';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeLocalApp } from '../../functions/local/compose-app.ts';
import { type RunningService, startService } from '../../functions/local/start-service.ts';
import { seededStores, testApp } from '../support/fixtures.ts';
import { type OpenApiDocument, type Operation, parametersOf } from '../support/openapi-document.ts';

let service: RunningService;
let dataDir: string;
let document: OpenApiDocument;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'archive-openapi-'));
  service = await startService({ PORT: '0', DATA_DIR: dataDir }, { inMemory: true, log: () => {} });
  const res = await fetch(`${service.url}/openapi.json`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/vnd.oai.openapi+json');
  document = (await res.json()) as OpenApiDocument;
}, 60_000);

afterAll(async () => {
  await service?.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** The operation's URL with its examples in the path and its required query parameters. */
function exampleUrl(path: string, operation: Operation): string {
  const parameters = parametersOf(document, operation);
  const concrete = path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const example = parameters.find((p) => p.in === 'path' && p.name === name)?.example;
    if (example === undefined) throw new Error(`${path}: no example for {${name}}`);
    return encodeURIComponent(example);
  });
  const query = new URLSearchParams(parameters.filter((p) => p.in === 'query' && p.required).map((p) => [p.name, p.example ?? '']));
  return `${concrete}${query.size > 0 ? `?${query}` : ''}`;
}

describe('/openapi.json', () => {
  it('is valid OpenAPI 3.1 for the schema validator of the OpenAPI specification', async () => {
    const result = await new Validator().validate(structuredClone(document) as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('is valid for an independent parser, references resolved', async () => {
    const result = await validate(structuredClone(document) as never);
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
  });

  it('describes the operations the service answers, each with a status it documents', async () => {
    const misses: string[] = [];
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const url = `${service.url}${exampleUrl(path, operation)}`;
        const init: RequestInit =
          method === 'post'
            ? { method: 'POST', body: 'verb=Identify', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, redirect: 'manual' }
            : { redirect: 'manual' };
        const res = await fetch(url, init);
        await res.arrayBuffer();
        if (!(String(res.status) in operation.responses) || res.status >= 400) misses.push(`${method.toUpperCase()} ${url} -> ${res.status}`);
      }
    }
    // The viewer's script is content-addressed: its documented example names no real digest.
    expect(misses.filter((miss) => !miss.includes('/viewer/mirador-'))).toEqual([]);
  });

  it('documents every public route of the app', async () => {
    const { records, blobs } = await seededStores();
    const { deps } = await testApp();
    const app = composeLocalApp({ ...deps, records, blobs }) as Hono;
    const documented = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => ({ method: method.toUpperCase(), url: exampleUrl(path, methods[method] as Operation).split('?')[0] ?? '' })),
    );
    const undocumented = app.routes
      .filter((route) => (route.method === 'GET' || route.method === 'POST') && !route.path.startsWith('/admin/'))
      .filter((route) => {
        const pattern = new RegExp(
          `^${route.path
            .replace(/[.+?^$()[\]\\|]/g, '\\$&')
            .replace(/:[^/]+/g, '[^/]+')
            .replace(/\*$/, '.*')}$`,
        );
        return !documented.some((d) => d.method === route.method && pattern.test(d.url));
      })
      .map((route) => `${route.method} ${route.path}`);
    expect([...new Set(undocumented)]).toEqual([]);
  });
});
