/** The DynamoDB client, created once per container, with bounded timeouts so a dead backend fails fast. */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { Config } from '../../schemas/config.ts';

/** Credentials the local emulators accept (s3rver insists on these). */
export const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/** How long a request to a backend may take before the service answers 503 (two attempts each). */
export interface BackendTimeouts {
  connectionTimeoutMs: number;
  requestTimeoutMs: number;
}
export const DEFAULT_TIMEOUTS: BackendTimeouts = { connectionTimeoutMs: 1_000, requestTimeoutMs: 3_000 };

export const requestHandler = (t: BackendTimeouts) =>
  new NodeHttpHandler({ connectionTimeout: t.connectionTimeoutMs, requestTimeout: t.requestTimeoutMs, throwOnRequestTimeout: true });

export function createDynamoDbClient(config: Pick<Config, 'region' | 'dynamodbEndpoint'>, timeouts = DEFAULT_TIMEOUTS): DynamoDBClient {
  return new DynamoDBClient({
    region: config.region,
    maxAttempts: 2,
    requestHandler: requestHandler(timeouts),
    ...(config.dynamodbEndpoint ? { endpoint: config.dynamodbEndpoint, credentials: LOCAL_CREDENTIALS } : {}),
  });
}
