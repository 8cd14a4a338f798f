import { describe, expect, it } from 'vitest';
import { ArchivalRecordSchema } from '../../../schemas/record.ts';
import { testApp } from '../../support/fixtures.ts';

describe('GET /records/{id}', () => {
  it('serves the stored record as JSON that matches the schema to a client asking for JSON', async () => {
    const { app } = await testApp();
    const res = await app.request('/records/110020', { headers: { Accept: 'application/json' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const record = ArchivalRecordSchema.parse(await res.json());
    expect(record.id).toBe('110020');
    expect(record.version).toBe(1);
  });

  it('answers a matching If-None-Match with 304 and no body', async () => {
    const { app } = await testApp();
    const first = await app.request('/records/110020');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"110020-v1-/);
    expect(first.headers.get('cache-control')).toContain('max-age');
    const again = await app.request('/records/110020', { headers: { 'If-None-Match': etag ?? '' } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('opens CORS for GET', async () => {
    const { app } = await testApp();
    const res = await app.request('/records/110020', { headers: { Origin: 'https://viewer.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it.each([
    ['/records/999999', 404],
    ['/records/bad%20id', 400],
    ['/records/..%2F..%2Fetc', 400],
    ['/records/110020.nope', 404],
    ['/no/such/path', 404],
  ])('answers %s with problem JSON and status %i', async (path, status) => {
    const { app } = await testApp();
    const res = await app.request(path);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await res.json()) as { status: number; title: string; detail: string };
    expect(problem.status).toBe(status);
    expect(problem.detail.length).toBeGreaterThan(0);
  });
});
