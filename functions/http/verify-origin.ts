/**
 * Refuses requests that did not come through the CDN: the CDN adds a secret origin header to
 * every request it forwards, and the function compares it in constant time. Every Function URL
 * also takes only requests CloudFront signed (origin access control); the secret is defence in
 * depth against a principal of the account invoking a URL directly (docs/adr/0004-aws-deployment.md).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { ORIGIN_SECRET_HEADER } from './edge-headers.ts';
import { HttpProblem } from './problem.ts';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

export function verifyOrigin(secret: string): MiddlewareHandler {
  const expected = digest(secret);
  return async (c, next) => {
    const given = c.req.header(ORIGIN_SECRET_HEADER);
    if (given === undefined || !timingSafeEqual(digest(given), expected)) {
      throw new HttpProblem(403, 'Forbidden', 'This origin answers only requests forwarded by the service’s CDN.');
    }
    await next();
  };
}
