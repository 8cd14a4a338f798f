import { handle, type LambdaEvent } from 'hono/aws-lambda';
import { describe, expect, it } from 'vitest';
import { testApp } from '../support/fixtures.ts';

/** A Lambda Function URL event (payload format 2.0), as CloudFront forwards it. */
function functionUrlEvent(path: string, headers: { [name: string]: string } = {}): LambdaEvent {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'abc123.lambda-url.eu-west-1.on.aws', accept: 'application/json', ...headers },
    requestContext: {
      accountId: 'anonymous',
      apiId: 'abc123',
      domainName: 'abc123.lambda-url.eu-west-1.on.aws',
      domainPrefix: 'abc123',
      http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.1', userAgent: 'test' },
      requestId: 'req-1',
      routeKey: '$default',
      stage: '$default',
      time: '26/Nov/2026:12:00:00 +0000',
      timeEpoch: 1795694400000,
    },
    isBase64Encoded: false,
  } as unknown as LambdaEvent;
}

describe('the Lambda handler', () => {
  it('answers a Function URL event for /records/110020 with the record', async () => {
    const { app } = await testApp();
    const result = (await handle(app)(functionUrlEvent('/records/110020'), {} as never)) as {
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
});
