/**
 * The body-hash Lambda@Edge handler (`infra/edge/hash-body.ts`), run as deployed: the inline
 * CommonJS source evaluated with a `require` that offers node:crypto alone, on CloudFront
 * origin-request events shaped as Lambda@Edge delivers them.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { CONTENT_SHA256_HEADER, HASH_BODY_CODE } from '../../infra/edge/hash-body.ts';

type Headers = { [name: string]: { key?: string; value: string }[] };
interface Body {
  inputTruncated: boolean;
  action: 'read-only' | 'replace';
  encoding: 'base64' | 'text';
  data: string;
}
interface CloudFrontRequest {
  clientIp: string;
  method: string;
  uri: string;
  querystring: string;
  headers: Headers;
  body?: Body;
  origin: unknown;
}
interface GeneratedResponse {
  status: string;
  statusDescription?: string;
  headers: Headers;
  body?: string;
}
type Handler = (event: { Records: { cf: { config: unknown; request: CloudFrontRequest } }[] }) => Promise<CloudFrontRequest | GeneratedResponse>;

/** SHA-256 of no bytes at all: the hash of a POST without a body. */
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const FUNCTION_URL_HOST = 'abcdefghijklmnopqrstuvwxyz012345.lambda-url.eu-west-1.on.aws';

const required: string[] = [];
const handler: Handler = (() => {
  const nodeRequire = createRequire(import.meta.url);
  const module = { exports: {} as { handler?: Handler } };
  const require = (id: string) => {
    required.push(id);
    if (id !== 'node:crypto') throw new Error(`the edge function may require node:crypto only, not ${id}`);
    return nodeRequire(id);
  };
  new Function('exports', 'require', 'module', HASH_BODY_CODE)(module.exports, require, module);
  if (!module.exports.handler) throw new Error('HASH_BODY_CODE exports no handler');
  return module.exports.handler;
})();

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function originRequest(method: string, body?: Partial<Body>): { Records: { cf: { config: unknown; request: CloudFrontRequest } }[] } {
  return {
    Records: [
      {
        cf: {
          config: { distributionDomainName: 'd111111abcdef8.cloudfront.net', distributionId: 'EDFDVBD6EXAMPLE', eventType: 'origin-request', requestId: 'r-1' },
          request: {
            clientIp: '203.0.113.178',
            method,
            uri: '/oai',
            querystring: method === 'GET' ? 'verb=Identify' : '',
            headers: {
              host: [{ key: 'Host', value: FUNCTION_URL_HOST }],
              'x-forwarded-host': [{ key: 'X-Forwarded-Host', value: 'archive.example.org' }],
              ...(body ? { 'content-type': [{ key: 'Content-Type', value: 'application/x-www-form-urlencoded' }] } : {}),
            },
            ...(body ? { body: { inputTruncated: false, action: 'read-only', encoding: 'base64', data: '', ...body } } : {}),
            origin: { custom: { domainName: FUNCTION_URL_HOST, port: 443, protocol: 'https', path: '', customHeaders: {} } },
          },
        },
      },
    ],
  };
}

const hashHeaderOf = (result: CloudFrontRequest | GeneratedResponse) => (result as CloudFrontRequest).headers[CONTENT_SHA256_HEADER];

describe('the body-hash edge function', () => {
  it.each([
    ['a form body', Buffer.from('verb=ListRecords&metadataPrefix=oai_dc&set=%C3%A9t%C3%A9', 'latin1')],
    ['bytes that are not UTF-8', Buffer.from([0xff, 0x00, 0xfe, 0x80, 0x3d])],
  ])('hashes the exact bytes of a base64 body (as CloudFront delivers it): %s', async (_what, bytes) => {
    const result = await handler(originRequest('POST', { data: bytes.toString('base64') }));
    expect(hashHeaderOf(result)).toEqual([{ key: CONTENT_SHA256_HEADER, value: sha256(bytes) }]);
  });

  it('would hash a different value had it decoded the bytes as text (the case above is not vacuous)', () => {
    const bytes = Buffer.from([0xff, 0x00, 0xfe, 0x80, 0x3d]);
    expect(sha256(Buffer.from(bytes.toString('utf8'), 'utf8'))).not.toBe(sha256(bytes));
  });

  it('hashes a text body as its UTF-8 bytes', async () => {
    const text = 'verb=GetRecord&identifier=oai:archive.example.org:110020&note=café';
    const result = await handler(originRequest('POST', { encoding: 'text', data: text }));
    expect(hashHeaderOf(result)).toEqual([{ key: CONTENT_SHA256_HEADER, value: sha256(Buffer.from(text, 'utf8')) }]);
  });

  it.each([
    ['an empty body', { data: '' }],
    ['no body member at all', undefined],
  ])('gives a POST with %s the hash of no bytes', async (_what, body) => {
    const result = await handler(originRequest('POST', body));
    expect(hashHeaderOf(result)).toEqual([{ key: CONTENT_SHA256_HEADER, value: EMPTY_SHA256 }]);
  });

  it.each(['PUT', 'PATCH', 'DELETE', 'OPTIONS'])('hashes the body of %s too (the behaviour allows every method)', async (method) => {
    const bytes = Buffer.from('{"a":1}');
    const result = await handler(originRequest(method, { data: bytes.toString('base64') }));
    expect(hashHeaderOf(result)?.[0]?.value).toBe(sha256(bytes));
  });

  it('replaces an x-amz-content-sha256 the request already carried', async () => {
    const bytes = Buffer.from('verb=Identify');
    const event = originRequest('POST', { data: bytes.toString('base64') });
    const request = event.Records[0]?.cf.request as CloudFrontRequest;
    request.headers[CONTENT_SHA256_HEADER] = [{ key: CONTENT_SHA256_HEADER, value: EMPTY_SHA256 }];
    expect(hashHeaderOf(await handler(event))).toEqual([{ key: CONTENT_SHA256_HEADER, value: sha256(bytes) }]);
  });

  it('forwards the request otherwise unchanged: the body stays read-only, the other headers stay', async () => {
    const bytes = Buffer.from('verb=ListSets');
    const event = originRequest('POST', { data: bytes.toString('base64') });
    const before = structuredClone(event.Records[0]?.cf.request as CloudFrontRequest);
    const result = (await handler(event)) as CloudFrontRequest;
    const { [CONTENT_SHA256_HEADER]: added, ...headers } = result.headers;
    expect(added).toHaveLength(1);
    expect({ ...result, headers }).toEqual(before);
    expect(result.body?.action).toBe('read-only');
  });

  it.each(['GET', 'HEAD'])('passes %s through untouched', async (method) => {
    const event = originRequest(method);
    const before = structuredClone(event.Records[0]?.cf.request);
    const result = await handler(event);
    expect(result).toBe(event.Records[0]?.cf.request);
    expect(result).toEqual(before);
    expect(hashHeaderOf(result)).toBeUndefined();
  });

  it('answers 413 itself when CloudFront truncated the body, rather than forwarding a wrong hash', async () => {
    const event = originRequest('POST', { inputTruncated: true, data: Buffer.alloc(1024, 0x61).toString('base64') });
    const result = (await handler(event)) as GeneratedResponse;
    expect(result.status).toBe('413');
    expect(result.statusDescription).toBe('Content Too Large');
    expect(result.headers['content-type']).toEqual([{ key: 'Content-Type', value: 'application/problem+json' }]);
    expect(result.headers['cache-control']).toEqual([{ key: 'Cache-Control', value: 'no-store' }]);
    expect(JSON.parse(result.body ?? '')).toMatchObject({ type: 'about:blank', title: 'Content Too Large', status: 413, instance: '/oai' });
    expect(hashHeaderOf(result)).toBeUndefined();
  });

  it('needs nothing but node:crypto, and fits Lambda’s inline code limit with room to spare', () => {
    expect(required).toEqual(['node:crypto']);
    expect(Buffer.byteLength(HASH_BODY_CODE)).toBeLessThan(4096);
  });
});
