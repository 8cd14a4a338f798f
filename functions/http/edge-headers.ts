/**
 * The request headers the CDN sets for the origins, named once for the functions that read them
 * and for the infrastructure (the distribution, its edge function) that writes them. Lower case,
 * as CloudFront Functions see header names. Nothing else here: infra imports this module alone.
 */

/** The viewer's `Host`, copied by the edge function (`infra/edge/forward-host.ts`); see `request-urls.ts`. */
export const FORWARDED_HOST_HEADER = 'x-forwarded-host';

/** The secret every origin request carries from the CDN; see `verify-origin.ts`. */
export const ORIGIN_SECRET_HEADER = 'x-origin-secret';
