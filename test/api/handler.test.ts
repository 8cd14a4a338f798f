import { brotliDecompressSync } from 'node:zlib';
import { handle } from 'hono/aws-lambda';
import { describe, expect, it } from 'vitest';
import { testApp } from '../support/fixtures.ts';
import { functionUrlEvent } from '../support/lambda-events.ts';

describe('the Lambda handler', () => {
  it('answers a Function URL event for /records/110020 asking for JSON with the record', async () => {
    const { app } = await testApp();
    const result = (await handle(app)(functionUrlEvent('/records/110020', { accept: 'application/json' }), {} as never)) as {
      statusCode: number;
      body: string;
      headers: { [name: string]: string };
      isBase64Encoded: boolean;
    };
    expect(result.statusCode).toBe(200);
    expect(result.isBase64Encoded).toBe(false);
    expect(result.headers['content-type']).toMatch(/^application\/json/);
    expect((JSON.parse(result.body) as { id: string }).id).toBe('110020');
  });

  it('answers an unknown record with a 404 problem', async () => {
    const { app } = await testApp();
    const result = (await handle(app)(functionUrlEvent('/records/424242'), {} as never)) as { statusCode: number; body: string };
    expect(result.statusCode).toBe(404);
    expect(JSON.parse(result.body)).toMatchObject({ status: 404, title: 'Not Found' });
  });

  it("sends a compressed manifest base64-encoded, with the middleware's and the route's headers", async () => {
    const { app } = await testApp();
    const result = (await handle(app)(functionUrlEvent('/iiif/3/110020/manifest', { 'accept-encoding': 'br' }), {} as never)) as {
      statusCode: number;
      body: string;
      headers: { [name: string]: string };
      isBase64Encoded: boolean;
    };
    expect(result.statusCode).toBe(200);
    expect(result.isBase64Encoded).toBe(true);
    expect(result.headers['content-encoding']).toBe('br');
    expect(result.headers.vary).toBe('Accept-Encoding, Accept'); // the manifest also varies on the Accept profile (ADR 0015)
    expect(result.headers['access-control-allow-origin']).toBe('*');
    expect(result.headers.etag).toMatch(/^W\/"110020-v1-d\d+-manifest"$/);
    const manifest = JSON.parse(brotliDecompressSync(Buffer.from(result.body, 'base64')).toString('utf8')) as { type: string };
    expect(manifest.type).toBe('Manifest');
  });

  it('answers a CORS preflight', async () => {
    const { app } = await testApp();
    const event = functionUrlEvent('/oai', { origin: 'https://viewer.example', 'access-control-request-method': 'GET' }) as unknown as {
      requestContext: { http: { method: string } };
    };
    event.requestContext.http.method = 'OPTIONS';
    const result = (await handle(app)(event as never, {} as never)) as { statusCode: number; headers: { [name: string]: string } };
    expect(result.statusCode).toBe(204);
    expect(result.headers['access-control-allow-methods']).toBe('GET, HEAD, OPTIONS');
  });
});
