/**
 * CloudFront Function (viewer request, cloudfront-js-2.0): copies the viewer's `Host` into
 * `X-Forwarded-Host`, replacing whatever the viewer sent there. Origin access control signs the
 * request for the Function URL's own host, so `Host` cannot be forwarded; the app builds its
 * absolute URLs from this header instead (`TRUST_FORWARDED_HOST`).
 */
import { FORWARDED_HOST_HEADER } from '../../functions/http/edge-headers.ts';

/** The header name is a token, so it goes into the quoted property name as it is. */
export const FORWARD_HOST_CODE = `function handler(event) {
  var request = event.request;
  if (request.headers.host) {
    request.headers['${FORWARDED_HOST_HEADER}'] = { value: request.headers.host.value };
  } else {
    delete request.headers['${FORWARDED_HOST_HEADER}'];
  }
  return request;
}
`;
