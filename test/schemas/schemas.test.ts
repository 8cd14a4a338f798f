import { readFile } from 'node:fs/promises';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../schemas/config.ts';
import { renderJsonSchema } from '../../schemas/render-json-schema.ts';
import { record110020, repoPath, testApp } from '../support/fixtures.ts';

describe('published JSON Schema', () => {
  it('is committed exactly as generated from the zod schema', async () => {
    expect(await readFile(repoPath('schemas/json/record.schema.json'), 'utf8')).toBe(renderJsonSchema('record'));
  });

  it('validates the stored 110020 record with an independent validator', async () => {
    const ajv = new Ajv2020.default({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(renderJsonSchema('record')) as object);
    const valid = validate(JSON.parse(JSON.stringify(await record110020())));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('validates the 110020 overlay', async () => {
    const ajv = new Ajv2020.default({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(renderJsonSchema('overlay')) as object);
    expect(validate(JSON.parse(await readFile(repoPath('data/records/110020.json'), 'utf8')))).toBe(true);
  });
});

describe('configuration', () => {
  it('defaults the public base URL to localhost and the port', () => {
    expect(loadConfig({}).publicBaseUrl).toBe('http://localhost:3000');
    expect(loadConfig({ PORT: '8080' }).publicBaseUrl).toBe('http://localhost:8080');
  });

  it('lists every problem at once', () => {
    try {
      loadConfig({ PORT: 'eighty', PUBLIC_BASE_URL: 'ftp://x', TOKEN_SECRET: 'short' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.map((p) => p.split(':')[0])).toEqual(['PORT', 'PUBLIC_BASE_URL', 'TOKEN_SECRET']);
    }
  });
});

describe('GET /schemas/{name}.schema.json', () => {
  it('serves the committed JSON Schema of the Record', async () => {
    const { app } = await testApp();
    const res = await app.request('/schemas/record.schema.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/schema+json');
    expect(await res.text()).toBe(await readFile(repoPath('schemas/json/record.schema.json'), 'utf8'));
  });

  it('answers an unknown schema with 404 naming the published ones', async () => {
    const { app } = await testApp();
    const res = await app.request('/schemas/secrets.schema.json');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { detail: string }).detail).toContain('record.schema.json');
  });
});
