/**
 * Lambda@Edge function (origin request, with the body): adds `x-amz-content-sha256`, the SHA-256
 * of the request body, to every request that may carry one. Origin access control signs requests
 * to a Lambda Function URL with that header as the payload hash, and Lambda refuses an unsigned
 * payload, so without it a viewer's POST (an OAI-PMH harvester's form) would be refused.
 *
 * CloudFront passes the function at most 1 MB of the body (base64) and marks a longer one
 * `inputTruncated`: its hash would be wrong, so the edge answers 413 itself. GET and HEAD have no
 * body and pass unchanged. Deployed as inline code (`index.js`, CommonJS): node:crypto only.
 */

/** The request header Lambda Function URLs take the payload hash from (lower case, as Lambda@Edge keys headers). */
export const CONTENT_SHA256_HEADER = 'x-amz-content-sha256';

/** How much of a body CloudFront exposes to an origin-request function (its include-body limit). */
export const BODY_ACCESS_LIMIT = '1 MB';

export const HASH_BODY_CODE = `'use strict';
const { createHash } = require('node:crypto');

exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.method === 'GET' || request.method === 'HEAD') return request;
  const body = request.body || {};
  if (body.inputTruncated) {
    return {
      status: '413',
      statusDescription: 'Content Too Large',
      headers: {
        'content-type': [{ key: 'Content-Type', value: 'application/problem+json' }],
        'cache-control': [{ key: 'Cache-Control', value: 'no-store' }],
      },
      body: JSON.stringify({
        type: 'about:blank',
        title: 'Content Too Large',
        status: 413,
        detail: 'The request body is larger than ${BODY_ACCESS_LIMIT}, the most the CDN can sign for the origin.',
        instance: request.uri,
      }),
    };
  }
  const bytes = Buffer.from(body.data || '', body.encoding === 'text' ? 'utf8' : 'base64');
  request.headers['${CONTENT_SHA256_HEADER}'] = [{ key: '${CONTENT_SHA256_HEADER}', value: createHash('sha256').update(bytes).digest('hex') }];
  return request;
};
`;
