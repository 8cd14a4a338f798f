import type { LambdaEvent } from 'hono/aws-lambda';

/** A Lambda Function URL event (payload format 2.0), as CloudFront forwards it. */
export function functionUrlEvent(path: string, headers: { [name: string]: string } = {}): LambdaEvent {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'abc123.lambda-url.eu-west-1.on.aws', ...headers },
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
