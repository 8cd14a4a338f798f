/**
 * A fuzz derived from `/openapi.json` itself, as a schema-driven client would run it: every
 * documented operation, with parameters generated from their schemas (enums, patterns, examples)
 * and from hostile strings, sent over HTTP to the local service on the real local stack. Every
 * answer has a status the operation documents, and none is a 5xx.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningService, startService } from '../../functions/local/start-service.ts';
import { type OpenApiDocument, type Operation, parametersOf, type Schema } from '../support/openapi-document.ts';

let service: RunningService;
let dataDir: string;
let document: OpenApiDocument;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'archive-openapi-fuzz-'));
  service = await startService({ PORT: '0', DATA_DIR: dataDir }, { inMemory: true, log: () => {} });
  document = (await (await fetch(`${service.url}/openapi.json`)).json()) as OpenApiDocument;
}, 120_000);

afterAll(async () => {
  await service?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const HOSTILE = fc.constantFrom(
  '',
  '..',
  '../../etc/passwd',
  '%00',
  'a\u0000b',
  'x'.repeat(3_000),
  '<script>',
  "'",
  '"',
  '%',
  '١١٠٠٢٠',
  'record#1',
  '9999-12-31T23:59:59Z#x',
);

/** Values for one schema: what it allows (enum, pattern, example) and what it does not. */
function valuesOf(schema: Schema | undefined, example: string | undefined): fc.Arbitrary<string> {
  const allowed: fc.Arbitrary<string>[] = [];
  if (schema?.enum) allowed.push(fc.constantFrom(...schema.enum.map(String)));
  if (schema?.pattern) allowed.push(fc.stringMatching(new RegExp(schema.pattern), { maxLength: 80 }));
  if (example !== undefined) allowed.push(fc.constant(example));
  if (schema?.example !== undefined) allowed.push(fc.constant(String(schema.example)));
  return fc.oneof(...allowed, HOSTILE, fc.string({ maxLength: 40 }), fc.stringMatching(/^[A-Za-z0-9:._~-]{1,40}$/));
}

/** Requests for one operation: its path filled in, optional query parameters present or not, a form body for POST. */
function requestsFor(path: string, method: string, operation: Operation): fc.Arbitrary<{ url: string; init: RequestInit }> {
  const parameters = parametersOf(document, operation);
  const pathParameters = parameters.filter((p) => p.in === 'path');
  const queryParameters = parameters.filter((p) => p.in === 'query');
  const formFields = Object.entries(operation.requestBody?.content['application/x-www-form-urlencoded']?.schema?.properties ?? {});
  return fc
    .record({
      path: fc.tuple(...pathParameters.map((p) => valuesOf(p.schema, p.example))),
      query: fc.tuple(
        ...queryParameters.map((p) => (p.required ? valuesOf(p.schema, p.example) : fc.option(valuesOf(p.schema, p.example), { nil: undefined }))),
      ),
      form: fc.tuple(...formFields.map(([, schema]) => fc.option(valuesOf(schema, undefined), { nil: undefined }))),
    })
    .map(({ path: pathValues, query, form }) => {
      let i = 0;
      const concrete = path.replace(/\{[^}]+\}/g, () => encodeURIComponent(pathValues[i++] ?? ''));
      const search = new URLSearchParams();
      queryParameters.forEach((p, j) => {
        const value = query[j];
        if (value !== undefined) search.append(p.name, value);
      });
      const url = `${concrete}${search.size > 0 ? `?${search}` : ''}`;
      if (method !== 'post') return { url, init: { method: method.toUpperCase(), redirect: 'manual' as const } };
      const body = new URLSearchParams();
      formFields.forEach(([name], j) => {
        const value = form[j];
        if (value !== undefined) body.append(name, value);
      });
      return {
        url,
        init: { method: 'POST', body: body.toString(), headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, redirect: 'manual' as const },
      };
    });
}

describe('a fuzz of every operation /openapi.json documents, on the real local stack', () => {
  it('answers every generated request with a documented status, never a server fault', async () => {
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
    );
    expect(operations.length).toBeGreaterThan(10);
    const failures: string[] = [];
    for (const { path, method, operation } of operations) {
      await fc.assert(
        fc.asyncProperty(requestsFor(path, method, operation), async ({ url, init }) => {
          const res = await fetch(`${service.url}${url}`, init);
          await res.arrayBuffer();
          const documented = String(res.status) in operation.responses || 'default' in operation.responses;
          // 501 is the Image API's documented answer to a valid request it does not implement; any other 5xx is a fault.
          const fault = res.status >= 500 && res.status !== 501;
          if (fault || !documented) failures.push(`${init.method} ${url.slice(0, 160)} -> ${res.status}`);
        }),
        { numRuns: 150 },
      );
    }
    expect(failures).toEqual([]);
  }, 240_000);
});
