/**
 * The absolute URLs of one request. Normally the configured public base URL; behind the CDN
 * without a custom domain (`trustForwardedHost`), the viewer's host as the CDN's edge function
 * forwarded it in `X-Forwarded-Host`. The origins are reachable only through the CDN, which
 * overwrites that header, so a client cannot choose the host the service writes into its ids.
 */
import type { Context } from 'hono';
import type { Config } from '../../schemas/config.ts';
import { type ServiceUrls, serviceUrls } from '../core/urls.ts';
import { FORWARDED_HOST_HEADER } from './edge-headers.ts';

/** A DNS name (LDH labels), optionally with a port: nothing that could change a URL's meaning. */
const HOST = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*(?::\d{1,5})?$/;
/** A distribution answers for its own domain and its aliases: a few hosts at most. */
const MAX_HOSTS = 8;

export function requestUrls(config: Pick<Config, 'publicBaseUrl' | 'trustForwardedHost'>): (forwardedHost: string | undefined) => ServiceUrls {
  const configured = serviceUrls(config.publicBaseUrl);
  if (!config.trustForwardedHost) return () => configured;
  const byHost = new Map<string, ServiceUrls>();
  return (forwardedHost) => {
    const host = forwardedHost?.trim().toLowerCase();
    if (!host || host.length > 253 || !HOST.test(host)) return configured;
    let urls = byHost.get(host);
    if (!urls) {
      if (byHost.size >= MAX_HOSTS) byHost.clear();
      urls = serviceUrls(`https://${host}`);
      byHost.set(host, urls);
    }
    return urls;
  };
}

/** The host the CDN forwarded for this request (untrusted unless `trustForwardedHost`), as `requestUrls` takes it. */
export function forwardedHost(c: Context): string | undefined {
  return c.req.header(FORWARDED_HOST_HEADER);
}
