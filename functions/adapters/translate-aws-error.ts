import { BackendUnavailableError } from '../core/errors.ts';

const TRANSIENT_NAMES = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'Throttling',
  'SlowDown',
  'InternalServerError',
  'InternalError',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'ResourceNotFoundException',
  'NoSuchBucket',
]);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);

/**
 * True when an SDK error means the backend is unavailable (unreachable, throttling, failing or
 * missing), as opposed to a fault in the request.
 */
export function isBackendUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const e = error as Error & { code?: string; $metadata?: { httpStatusCode?: number }; $retryable?: unknown };
  if (TRANSIENT_NAMES.has(e.name) || (e.code !== undefined && NETWORK_CODES.has(e.code))) return true;
  const status = e.$metadata?.httpStatusCode;
  return status !== undefined && status >= 500;
}

/** Rethrows SDK errors as domain errors; `service` names the backend in the message. */
export function translateAwsError(error: unknown, service: string): never {
  if (isBackendUnavailable(error)) {
    const { name, code } = error as Error & { code?: string };
    throw new BackendUnavailableError(`${service} is unavailable (${code ? `${name} ${code}` : name})`, 5, { cause: error });
  }
  throw error;
}
