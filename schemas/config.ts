/**
 * Service configuration, parsed once from the environment at startup. Every problem is
 * listed at once; nothing below the entrypoints reads `process.env`.
 */
import * as z from 'zod/mini';

const optionalUrl = z.optional(z.url({ protocol: /^https?$/ }));

export const ConfigSchema = z.pipe(
  z.object({
    PORT: z._default(z.coerce.number().check(z.int(), z.gte(0), z.lte(65535)), 3000),
    DATA_DIR: z._default(z.string().check(z.minLength(1)), '.data'),
    /** Every absolute URL the service emits starts with this (no trailing slash). */
    PUBLIC_BASE_URL: optionalUrl,
    TABLE_NAME: z._default(z.string().check(z.regex(/^[A-Za-z0-9_.-]{3,255}$/)), 'archive-records'),
    BUCKET_NAME: z._default(z.string().check(z.regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/)), 'archive-objects'),
    AWS_REGION: z._default(z.string().check(z.minLength(1)), 'us-east-1'),
    /** Set for the local stack; unset in AWS. */
    DYNAMODB_ENDPOINT: optionalUrl,
    S3_ENDPOINT: optionalUrl,
    OAI_REPOSITORY_NAME: z._default(z.string().check(z.minLength(1)), 'History and Public Policy Program Digital Archive'),
    /** The `repositoryIdentifier` of `oai:{repositoryIdentifier}:{id}`; defaults to the base URL's host. */
    OAI_REPOSITORY_IDENTIFIER: z.optional(z.string().check(z.regex(/^[a-zA-Z][a-zA-Z0-9-]*(\.[a-zA-Z][a-zA-Z0-9-]*)+$/))),
    OAI_ADMIN_EMAIL: z._default(z.email(), 'archive-admin@example.org'),
    /** Signs resumption tokens; at least 32 characters. */
    TOKEN_SECRET: z._default(z.string().check(z.minLength(32)), 'local-development-secret-change-me-in-deploys'),
    /** Bearer token for the write route; the route is absent when unset. */
    INGEST_API_TOKEN: z.optional(z.string().check(z.minLength(24))),
    /**
     * `true` only behind the CDN, whose edge function copies the viewer's `Host` into
     * `X-Forwarded-Host`: absolute URLs are then built per request from that host (AWS without a
     * custom domain, where the CDN's domain is known only after it exists).
     */
    TRUST_FORWARDED_HOST: z._default(z.enum(['true', 'false']), 'false'),
    /** When set, every request must carry it in `X-Origin-Secret` (the CDN adds it); unset locally. */
    ORIGIN_SECRET: z.optional(z.string().check(z.minLength(32))),
    /** Directory of the vendored CSL styles and locales (relative to the working directory, or absolute). */
    CSL_DIR: z._default(z.string().check(z.minLength(1)), 'data/csl'),
  }),
  z.transform((env, ctx) => {
    if (env.TRUST_FORWARDED_HOST === 'true' && env.OAI_REPOSITORY_IDENTIFIER === undefined) {
      ctx.issues.push({
        code: 'custom',
        input: env,
        path: ['OAI_REPOSITORY_IDENTIFIER'],
        message: 'must be set when TRUST_FORWARDED_HOST is true: OAI identifiers cannot follow a per-request host',
      });
    }
    const publicBaseUrl = (env.PUBLIC_BASE_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
    return {
      port: env.PORT,
      dataDir: env.DATA_DIR,
      publicBaseUrl,
      tableName: env.TABLE_NAME,
      bucketName: env.BUCKET_NAME,
      region: env.AWS_REGION,
      dynamodbEndpoint: env.DYNAMODB_ENDPOINT,
      s3Endpoint: env.S3_ENDPOINT,
      oai: {
        repositoryName: env.OAI_REPOSITORY_NAME,
        repositoryIdentifier: env.OAI_REPOSITORY_IDENTIFIER ?? new URL(publicBaseUrl).hostname.replace(/^localhost$/, 'localhost.localdomain'),
        adminEmail: env.OAI_ADMIN_EMAIL,
      },
      tokenSecret: env.TOKEN_SECRET,
      ingestApiToken: env.INGEST_API_TOKEN,
      trustForwardedHost: env.TRUST_FORWARDED_HOST === 'true',
      originSecret: env.ORIGIN_SECRET,
      cslDir: env.CSL_DIR,
    };
  }),
);
export type Config = z.output<typeof ConfigSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; throws a `ConfigError` listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv | Record<string, string | undefined>): Config {
  const result = ConfigSchema.safeParse(env);
  if (result.success) return result.data;
  throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`));
}
