import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { addReplyHeaders, mergeHeaders, reply, replyJson } from '../../functions/http/reply.ts';
import { testApp } from '../support/fixtures.ts';

describe('mergeHeaders', () => {
  it('puts the later headers over the earlier ones', () => {
    expect(mergeHeaders({ 'Cache-Control': 'no-store', ETag: '"a"' }, { 'Cache-Control': 'public' })).toEqual({ 'Cache-Control': 'public', ETag: '"a"' });
  });

  it('keeps both Vary lists, once each', () => {
    expect(mergeHeaders({ Vary: 'Accept-Encoding' }, { Vary: 'Accept' }).Vary).toBe('Accept-Encoding, Accept');
    expect(mergeHeaders({ Vary: 'Accept' }, { Vary: 'Accept' }).Vary).toBe('Accept');
    expect(mergeHeaders({}, { Vary: 'Accept' }).Vary).toBe('Accept');
  });
});

describe('reply', () => {
  const app = new Hono()
    .use('*', async (c, next) => {
      addReplyHeaders(c, { 'Access-Control-Allow-Origin': '*', Vary: 'Origin' });
      addReplyHeaders(c, { Vary: 'Accept-Encoding' });
      await next();
    })
    .get('/text', (c) => reply(c, 'hello', 200, { 'Content-Type': 'text/plain', Vary: 'Accept' }))
    .get('/json', (c) => replyJson(c, { a: 1 }, 201))
    .get('/empty', (c) => reply(c, null, 304, { ETag: '"x"' }));

  it('builds the response with the headers middleware added and its own', async () => {
    const res = await app.request('/text');
    expect(await res.text()).toBe('hello');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('vary')).toBe('Origin, Accept-Encoding, Accept');
    expect(res.headers.get('content-type')).toBe('text/plain');
  });

  it('serializes JSON with its media type', async () => {
    const res = await app.request('/json');
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({ a: 1 });
  });

  it('answers without a body', async () => {
    const res = await app.request('/empty');
    expect(res.status).toBe(304);
    expect(res.headers.get('etag')).toBe('"x"');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('the service', () => {
  it('says Vary: Accept-Encoding on compressible routes, with CORS', async () => {
    const { app } = await testApp();
    const res = await app.request('/iiif/3/collection/top');
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });
});
