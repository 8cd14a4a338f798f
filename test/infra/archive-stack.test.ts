/**
 * Template assertions on the CDK stack, with asset bundling skipped (one file: each CDK test file
 * pays a few seconds of warm-up). The bundled assets are checked in bundled-assets.test.ts.
 */
import { App, Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { CfnResource } from 'aws-cdk-lib/core';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { INDEXES, PARTITION_KEY } from '../../functions/adapters/table-design.ts';
import { ORIGIN_SECRET_HEADER } from '../../functions/api/http/verify-origin.ts';
import { ArchiveStack, type ArchiveStackProps } from '../../infra/archive-stack.ts';
import type { ServiceFunction } from '../../infra/constructs/service-function.ts';
import { FORWARD_HOST_CODE } from '../../infra/edge/forward-host.ts';
import { loadConfig } from '../../schemas/config.ts';

const OAI = { repositoryIdentifier: 'archive.example.org', adminEmail: 'archive-admin@example.org' };
const DOMAIN = { name: 'archive.example.org', certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555' };
const TOPIC = 'arn:aws:sns:eu-west-1:123456789012:archive-alarms';

function synth(props: Partial<ArchiveStackProps> = {}) {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new ArchiveStack(app, 'ArchiveService-test', { oai: OAI, ...props });
  const template = Template.fromStack(stack);
  const logicalId = (construct: { node: { defaultChild?: unknown } }) =>
    stack.resolve(stack.getLogicalId(construct.node.defaultChild as CfnResource)) as string;
  const fn = (id: 'Api' | 'Image' | 'Ingest') => (stack.node.findChild(id) as ServiceFunction).function;
  return { app, stack, template, json: template.toJSON() as TemplateJson, logicalId, fn };
}

interface TemplateJson {
  Resources: { [id: string]: { Type: string; Properties?: Record<string, unknown>; DeletionPolicy?: string; UpdateReplacePolicy?: string } };
}

const withoutDomain = synth();
const withDomain = synth({ domain: DOMAIN, alarmTopicArn: TOPIC });

const resourcesOf = (json: TemplateJson, type: string) =>
  Object.entries(json.Resources)
    .filter(([, resource]) => resource.Type === type)
    .map(([id, resource]) => ({ id, ...resource, Properties: resource.Properties ?? {} }));
const propertiesOf = (json: TemplateJson, id: string): Record<string, unknown> => {
  const properties = json.Resources[id]?.Properties;
  if (!properties) throw new Error(`no resource ${id} with properties`);
  return properties;
};
const only = <T>(items: T[]): T => {
  expect(items).toHaveLength(1);
  return items[0] as T;
};

describe('the table', () => {
  const table = only(resourcesOf(withoutDomain.json, 'AWS::DynamoDB::GlobalTable'));

  it('is retained when the stack is deleted or the resource replaced', () => {
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
  });

  it('bills on demand, with point-in-time recovery and deletion protection', () => {
    expect(table.Properties).toMatchObject({
      BillingMode: 'PAY_PER_REQUEST',
      Replicas: [{ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }, DeletionProtectionEnabled: true }],
    });
  });

  it('has the key design of functions/adapters/table-design.ts: the harvest index and one index per set level', () => {
    expect(table.Properties.KeySchema).toEqual([{ AttributeName: PARTITION_KEY, KeyType: 'HASH' }]);
    expect(table.Properties.GlobalSecondaryIndexes).toEqual(
      INDEXES.map((index) => ({
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    );
    expect(INDEXES.map((index) => index.name)).toContain('harvest');
    const attributes = table.Properties.AttributeDefinitions as { AttributeType: string }[];
    expect(attributes.every((attribute) => attribute.AttributeType === 'S')).toBe(true);
  });
});

describe('the bucket', () => {
  const bucketId = withoutDomain.logicalId(withoutDomain.stack.node.findChild('Storage').node.findChild('Bucket'));
  const bucket = withoutDomain.json.Resources[bucketId];

  it('is versioned, encrypted, closed to the public and retained', () => {
    expect(bucket?.DeletionPolicy).toBe('Retain');
    expect(bucket?.Properties).toMatchObject({
      VersioningConfiguration: { Status: 'Enabled' },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
    });
  });

  it('refuses requests without TLS', () => {
    withoutDomain.template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: bucketId },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Action: 's3:*', Principal: { AWS: '*' }, Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('logs access to the access-log bucket', () => {
    const accessLogsId = withoutDomain.logicalId(withoutDomain.stack.node.findChild('Storage').node.findChild('AccessLogs'));
    expect(bucket?.Properties).toMatchObject({ LoggingConfiguration: { DestinationBucketName: { Ref: accessLogsId }, LogFilePrefix: 's3/' } });
  });

  it('expires what was dropped into inbox/ after 30 days (ingested exports are kept under sources/)', () => {
    expect(bucket?.Properties).toMatchObject({
      LifecycleConfiguration: { Rules: expect.arrayContaining([expect.objectContaining({ Prefix: 'inbox/', ExpirationInDays: 30, Status: 'Enabled' })]) },
    });
  });
});

describe('the functions', () => {
  const { json, logicalId, fn } = withoutDomain;
  const functionProps = (id: 'Api' | 'Image' | 'Ingest') => json.Resources[logicalId(fn(id))]?.Properties ?? {};

  it.each([
    ['Api', 1024, 20],
    ['Image', 2048, 30],
    ['Ingest', 2048, 300],
  ] as const)('%s runs Node.js 22 on arm64 with %i MB and a %i s timeout', (id, memory, timeout) => {
    expect(functionProps(id)).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      MemorySize: memory,
      Timeout: timeout,
      Handler: 'index.handler',
    });
  });

  it.each(['Api', 'Image', 'Ingest'] as const)('%s logs JSON to its own log group, kept 90 days', (id) => {
    const props = functionProps(id) as { LoggingConfig: { LogFormat: string; LogGroup: { Ref: string } } };
    expect(props.LoggingConfig).toMatchObject({ LogFormat: 'JSON', ApplicationLogLevel: 'INFO' });
    expect(json.Resources[props.LoggingConfig.LogGroup.Ref]).toMatchObject({ Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 90 } });
  });

  it('maps stack traces through source maps at run time in the ingest only', () => {
    expect(functionProps('Ingest')).toMatchObject({ Environment: { Variables: { NODE_OPTIONS: '--enable-source-maps' } } });
  });

  it.each(['Api', 'Image'] as const)('keeps %s’s cold start free of source-map loading', (id) => {
    expect((functionProps(id) as { Environment: { Variables: { [name: string]: unknown } } }).Environment.Variables.NODE_OPTIONS).toBeUndefined();
  });
});

describe('the functions’ configuration', () => {
  /** Stand-ins for the values CloudFormation resolves at deploy time, shaped like the real ones. */
  const DEPLOYED: { [name: string]: string } = {
    TABLE_NAME: 'ArchiveService-dev-StorageTableB43FDCE7-1A2B3C4D5E6F',
    BUCKET_NAME: 'archiveservice-dev-storagebucket5cb7c8ea-1a2b3c4d5e6f',
    TOKEN_SECRET: 'a'.repeat(64),
    ORIGIN_SECRET: 'b'.repeat(64),
  };
  const envOf = (built: ReturnType<typeof synth>, id: 'Api' | 'Image' | 'Ingest') =>
    (propertiesOf(built.json, built.logicalId(built.fn(id))) as { Environment: { Variables: { [name: string]: unknown } } }).Environment.Variables;
  const deployedEnv = (variables: { [name: string]: unknown }) =>
    Object.fromEntries(Object.entries(variables).map(([name, value]) => [name, typeof value === 'string' ? value : DEPLOYED[name]]));

  it.each([
    ['Api', 'without', withoutDomain],
    ['Image', 'without', withoutDomain],
    ['Ingest', 'without', withoutDomain],
    ['Api', 'with', withDomain],
    ['Image', 'with', withDomain],
    ['Ingest', 'with', withDomain],
  ] as const)('%s’s environment (%s a custom domain) parses with loadConfig', (id, _domain, built) => {
    const variables = envOf(built, id);
    expect(Object.entries(variables).filter(([name, value]) => typeof value !== 'string' && !(name in DEPLOYED))).toEqual([]);
    const config = loadConfig(deployedEnv(variables));
    expect(config.tableName).toBe(DEPLOYED.TABLE_NAME);
    expect(config.bucketName).toBe(DEPLOYED.BUCKET_NAME);
    expect(config.oai.repositoryIdentifier).toBe(OAI.repositoryIdentifier);
  });

  it.each(['Api', 'Image', 'Ingest'] as const)('%s gets the table and bucket by reference', (id) => {
    const variables = envOf(withoutDomain, id);
    const storage = withoutDomain.stack.node.findChild('Storage');
    expect(variables.TABLE_NAME).toEqual({ Ref: withoutDomain.logicalId(storage.node.findChild('Table')) });
    expect(variables.BUCKET_NAME).toEqual({ Ref: withoutDomain.logicalId(storage.node.findChild('Bucket')) });
  });

  it('with a custom domain, gives the API its public base URL', () => {
    const config = loadConfig(deployedEnv(envOf(withDomain, 'Api')));
    expect(config.publicBaseUrl).toBe(`https://${DOMAIN.name}`);
    expect(config.trustForwardedHost).toBe(false);
  });

  it('without a custom domain, has the API build its URLs from the host CloudFront forwards', () => {
    const config = loadConfig(deployedEnv(envOf(withoutDomain, 'Api')));
    expect(config.trustForwardedHost).toBe(true);
    expect(envOf(withoutDomain, 'Api').PUBLIC_BASE_URL).toBeUndefined();
  });

  it.each(['TOKEN_SECRET', 'ORIGIN_SECRET'])('resolves the API’s %s from Secrets Manager at deploy time, never a literal', (name) => {
    const value = envOf(withoutDomain, 'Api')[name];
    expect(typeof value).not.toBe('string');
    expect(JSON.stringify(value)).toMatch(/^\{"Fn::Join":\["",\["\{\{resolve:secretsmanager:",\{"Ref":"\w+Secret\w+"\},":SecretString:::\}\}"\]\]\}$/);
  });

  it.each([
    ['Api', true, true],
    ['Image', false, true],
    ['Ingest', false, false],
  ] as const)('gives %s the token secret: %s, the origin secret: %s', (id, token, origin) => {
    expect('TOKEN_SECRET' in envOf(withoutDomain, id)).toBe(token);
    expect('ORIGIN_SECRET' in envOf(withoutDomain, id)).toBe(origin);
  });

  it('gives the image function the same origin secret as the API', () => {
    expect(envOf(withoutDomain, 'Image').ORIGIN_SECRET).toEqual(envOf(withoutDomain, 'Api').ORIGIN_SECRET);
  });

  it('points the API at the CSL styles bundled beside it', () => {
    expect(loadConfig(deployedEnv(envOf(withoutDomain, 'Api'))).cslDir).toBe('/var/task/data/csl');
  });

  it('points the ingest function’s fontconfig at the fonts bundled beside it', () => {
    expect(envOf(withoutDomain, 'Ingest').FONTCONFIG_PATH).toBe('/var/task/fonts');
  });
});

describe('the Function URLs', () => {
  const { json, template } = withoutDomain;
  const urls = resourcesOf(json, 'AWS::Lambda::Url');
  const permissions = resourcesOf(json, 'AWS::Lambda::Permission').filter(
    (permission) => permission.Properties.Action === 'lambda:InvokeFunctionUrl' || permission.Properties.InvokedViaFunctionUrl === true,
  );
  const distributionId = only(resourcesOf(json, 'AWS::CloudFront::Distribution')).id;

  it('are three: the API (signed), the API for OAI-PMH POST, and the image service (signed, streaming)', () => {
    expect(urls.map((url) => [url.Properties.Qualifier ?? '$LATEST', url.Properties.AuthType, url.Properties.InvokeMode ?? 'BUFFERED']).sort()).toEqual([
      ['$LATEST', 'AWS_IAM', 'RESPONSE_STREAM'],
      ['harvest', 'NONE', 'BUFFERED'],
      ['live', 'AWS_IAM', 'BUFFERED'],
    ]);
  });

  it('may be invoked by this distribution only, except the OAI-PMH one', () => {
    const cloudFront = permissions.filter((permission) => permission.Properties.Principal === 'cloudfront.amazonaws.com');
    expect(cloudFront).toHaveLength(4);
    for (const permission of cloudFront) {
      expect(permission.Properties.SourceArn).toEqual({
        'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':cloudfront::', { Ref: 'AWS::AccountId' }, ':distribution/', { Ref: distributionId }]],
      });
    }
    const others = permissions.filter((permission) => permission.Properties.Principal !== 'cloudfront.amazonaws.com');
    const harvestAlias = only(resourcesOf(json, 'AWS::Lambda::Alias').filter((alias) => alias.Properties.Name === 'harvest')).id;
    expect(others.map((permission) => permission.Properties.FunctionName)).toEqual([{ Ref: harvestAlias }, { Ref: harvestAlias }]);
  });

  it('sign CloudFront’s requests to the API and image URLs with origin access control', () => {
    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: { OriginAccessControlOriginType: 'lambda', SigningBehavior: 'always', SigningProtocol: 'sigv4' },
    });
    const origins = (
      only(resourcesOf(json, 'AWS::CloudFront::Distribution')).Properties as { DistributionConfig: { Origins: { OriginAccessControlId?: unknown }[] } }
    ).DistributionConfig.Origins;
    expect(origins.filter((origin) => origin.OriginAccessControlId !== undefined)).toHaveLength(2);
  });

  it('add the origin secret that the functions check to every origin, from Secrets Manager', () => {
    const origins = (
      only(resourcesOf(json, 'AWS::CloudFront::Distribution')).Properties as {
        DistributionConfig: { Origins: { OriginCustomHeaders?: { HeaderName: string; HeaderValue: unknown }[] }[] };
      }
    ).DistributionConfig.Origins;
    const secretHeaders = origins.flatMap((origin) => origin.OriginCustomHeaders ?? []).filter((header) => header.HeaderName === ORIGIN_SECRET_HEADER);
    expect(secretHeaders).toHaveLength(3);
    for (const header of secretHeaders) expect(JSON.stringify(header.HeaderValue)).toContain('{{resolve:secretsmanager:');
  });
});

describe('CloudFront', () => {
  const { json } = withoutDomain;
  const distribution = only(resourcesOf(json, 'AWS::CloudFront::Distribution')).Properties as {
    DistributionConfig: {
      DefaultCacheBehavior: Behavior;
      CacheBehaviors: (Behavior & { PathPattern: string })[];
      Logging?: unknown;
      Aliases?: string[];
      ViewerCertificate?: unknown;
    };
  };
  interface Behavior {
    CachePolicyId: { Ref: string };
    OriginRequestPolicyId: { Ref: string };
    AllowedMethods: string[];
    Compress: boolean;
    ViewerProtocolPolicy: string;
    FunctionAssociations: { EventType: string }[];
    ResponseHeadersPolicyId: { Ref: string };
  }
  const behaviorFor = (pattern: string): Behavior => {
    if (pattern === '*') return distribution.DistributionConfig.DefaultCacheBehavior;
    const behavior = distribution.DistributionConfig.CacheBehaviors.find((b) => b.PathPattern === pattern);
    if (!behavior) throw new Error(`no behaviour for ${pattern}`);
    return behavior;
  };
  const cachePolicyOf = (pattern: string) =>
    json.Resources[behaviorFor(pattern).CachePolicyId.Ref]?.Properties?.CachePolicyConfig as {
      DefaultTTL: number;
      MaxTTL: number;
      ParametersInCacheKeyAndForwardedToOrigin: {
        HeadersConfig: { HeaderBehavior: string; Headers?: string[] };
        QueryStringsConfig: { QueryStringBehavior: string };
        CookiesConfig: { CookieBehavior: string };
        EnableAcceptEncodingGzip: boolean;
        EnableAcceptEncodingBrotli: boolean;
      };
    };

  it('takes the image routes before the other IIIF routes', () => {
    const patterns = distribution.DistributionConfig.CacheBehaviors.map((behavior) => behavior.PathPattern);
    expect(patterns.indexOf('/iiif/image/*')).toBeLessThan(patterns.indexOf('/iiif/*'));
  });

  it.each([
    ['*', 'whitelist', ['Accept'], 'all'],
    ['/records/*', 'whitelist', ['Accept'], 'all'],
    ['/iiif/*', 'none', undefined, 'all'],
    ['/oai', 'none', undefined, 'all'],
    ['/iiif/image/*', 'none', undefined, 'none'],
  ])('keys %s on headers %s %j and query strings %s, never cookies', (pattern, headerBehavior, headers, queryStrings) => {
    const key = cachePolicyOf(pattern).ParametersInCacheKeyAndForwardedToOrigin;
    expect(key.HeadersConfig).toEqual(headers ? { HeaderBehavior: headerBehavior, Headers: headers } : { HeaderBehavior: headerBehavior });
    expect(key.QueryStringsConfig.QueryStringBehavior).toBe(queryStrings);
    expect(key.CookiesConfig.CookieBehavior).toBe('none');
    expect(key.EnableAcceptEncodingGzip && key.EnableAcceptEncodingBrotli).toBe(true);
  });

  it.each([
    ['*', Duration.minutes(5)],
    ['/records/*', Duration.minutes(5)],
    ['/iiif/*', Duration.minutes(5)],
    ['/oai', Duration.minutes(1)],
  ])('caches metadata under %s briefly (%s by default, at most an hour)', (pattern, ttl) => {
    expect(cachePolicyOf(pattern).DefaultTTL).toBe(ttl.toSeconds());
    expect(cachePolicyOf(pattern).MaxTTL).toBeLessThanOrEqual(Duration.hours(1).toSeconds());
  });

  it('caches image derivatives for a long time', () => {
    expect(cachePolicyOf('/iiif/image/*').DefaultTTL).toBe(Duration.days(30).toSeconds());
    expect(cachePolicyOf('/iiif/image/*').MaxTTL).toBe(Duration.days(365).toSeconds());
  });

  it('lets POST through to /oai only', () => {
    expect(behaviorFor('/oai').AllowedMethods).toContain('POST');
    for (const pattern of ['*', '/records/*', '/iiif/*', '/iiif/image/*']) expect(behaviorFor(pattern).AllowedMethods).toEqual(['GET', 'HEAD', 'OPTIONS']);
  });

  it('forwards the form body’s Content-Type to the OAI-PMH origin, and the viewer host everywhere, never Host', () => {
    const forwarded = (pattern: string) =>
      (
        propertiesOf(json, behaviorFor(pattern).OriginRequestPolicyId.Ref).OriginRequestPolicyConfig as {
          HeadersConfig: { Headers: string[] };
        }
      ).HeadersConfig.Headers;
    expect(forwarded('/oai')).toEqual(['x-forwarded-host', 'Content-Type']);
    for (const pattern of ['*', '/records/*', '/iiif/*', '/iiif/image/*']) expect(forwarded(pattern)).toEqual(['x-forwarded-host']);
  });

  it.each(['*', '/records/*', '/iiif/*', '/oai', '/iiif/image/*'])(
    'serves %s over HTTPS only, compressed, through the host-forwarding edge function',
    (pattern) => {
      const behavior = behaviorFor(pattern);
      expect(behavior.ViewerProtocolPolicy).toBe('redirect-to-https');
      expect(behavior.Compress).toBe(true);
      expect(behavior.FunctionAssociations.map((association) => association.EventType)).toEqual(['viewer-request']);
    },
  );

  it('adds CORS for IIIF clients and security headers to every response', () => {
    const policies = new Set(['*', '/records/*', '/iiif/*', '/oai', '/iiif/image/*'].map((pattern) => behaviorFor(pattern).ResponseHeadersPolicyId.Ref));
    expect(policies.size).toBe(1);
    const [policyId] = [...policies];
    expect(json.Resources[policyId ?? '']?.Properties).toMatchObject({
      ResponseHeadersPolicyConfig: {
        CorsConfig: { AccessControlAllowOrigins: { Items: ['*'] }, AccessControlAllowMethods: { Items: ['GET', 'HEAD', 'OPTIONS'] } },
        SecurityHeadersConfig: {
          StrictTransportSecurity: { Override: true },
          ContentTypeOptions: { Override: true },
          ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin' },
        },
      },
    });
  });

  it('logs requests to the access-log bucket', () => {
    expect(distribution.DistributionConfig.Logging).toMatchObject({ Prefix: 'cloudfront/' });
  });

  it('runs the forwarding code that is tested below', () => {
    withoutDomain.template.hasResourceProperties('AWS::CloudFront::Function', {
      FunctionCode: FORWARD_HOST_CODE,
      FunctionConfig: { Runtime: 'cloudfront-js-2.0' },
    });
  });

  it('answers for the custom domain with TLS 1.2 or later when one is configured', () => {
    const config = (
      only(resourcesOf(withDomain.json, 'AWS::CloudFront::Distribution')).Properties as { DistributionConfig: typeof distribution.DistributionConfig }
    ).DistributionConfig;
    expect(config.Aliases).toEqual([DOMAIN.name]);
    expect(config.ViewerCertificate).toMatchObject({
      AcmCertificateArn: DOMAIN.certificateArn,
      MinimumProtocolVersion: 'TLSv1.2_2021',
      SslSupportMethod: 'sni-only',
    });
  });
});

describe('the edge function', () => {
  type Request = { headers: { [name: string]: { value: string } } };
  const handler = new Function(`${FORWARD_HOST_CODE}\nreturn handler;`)() as (event: { request: Request }) => Request;

  it('copies the viewer’s Host into X-Forwarded-Host', () => {
    const request = handler({ request: { headers: { host: { value: 'd111111abcdef8.cloudfront.net' } } } });
    expect(request.headers['x-forwarded-host']).toEqual({ value: 'd111111abcdef8.cloudfront.net' });
  });

  it('replaces an X-Forwarded-Host sent by the viewer', () => {
    const request = handler({ request: { headers: { host: { value: 'archive.example.org' }, 'x-forwarded-host': { value: 'evil.example' } } } });
    expect(request.headers['x-forwarded-host']).toEqual({ value: 'archive.example.org' });
  });
});

describe('IAM', () => {
  const { json, logicalId, fn } = withoutDomain;
  const storage = withoutDomain.stack.node.findChild('Storage');
  const tableId = logicalId(storage.node.findChild('Table'));
  const bucketId = logicalId(storage.node.findChild('Bucket'));
  type Statement = { Action: string | string[]; Resource: unknown };
  const statementsOf = (id: 'Api' | 'Image' | 'Ingest') => {
    const roleId = logicalId((withoutDomain.stack.node.findChild(id) as ServiceFunction).role);
    return resourcesOf(json, 'AWS::IAM::Policy')
      .filter((policy) => JSON.stringify(policy.Properties.Roles) === JSON.stringify([{ Ref: roleId }]))
      .flatMap((policy) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
  };
  const actionsOf = (id: 'Api' | 'Image' | 'Ingest') => statementsOf(id).flatMap((statement) => [statement.Action].flat());

  it.each(['Api', 'Image', 'Ingest'] as const)('grants %s no wildcard action', (id) => {
    expect(actionsOf(id).filter((action) => action.includes('*'))).toEqual([]);
  });

  it.each(['Api', 'Image', 'Ingest'] as const)('scopes %s’s data grants to the table and bucket ARNs', (id) => {
    for (const statement of statementsOf(id)) {
      const resources = JSON.stringify(statement.Resource);
      const actions = [statement.Action].flat();
      if (actions.some((action) => action.startsWith('dynamodb:'))) expect(resources).toMatch(new RegExp(`^\\[?\\{"Fn::GetAtt":\\["${tableId}","Arn"\\]\\}`));
      if (actions.some((action) => action.startsWith('s3:'))) expect(resources).toContain(`{"Fn::GetAtt":["${bucketId}","Arn"]}`);
      expect(resources).not.toBe('"*"');
    }
  });

  it.each(['Api', 'Image'] as const)('lets %s only read', (id) => {
    expect(actionsOf(id).filter((action) => /^(dynamodb|s3):/.test(action) && !/:(Get|Query|List)/.test(action))).toEqual([]);
  });

  it('gives the API no access to the bucket at all', () => {
    expect(actionsOf('Api').filter((action) => action.startsWith('s3:'))).toEqual([]);
  });

  it('lets the ingest write records and objects, and read only the inbox', () => {
    expect(actionsOf('Ingest')).toEqual(expect.arrayContaining(['dynamodb:PutItem', 's3:PutObject', 's3:GetObject']));
    const reads = statementsOf('Ingest').filter((statement) => [statement.Action].flat().includes('s3:GetObject'));
    expect(JSON.stringify(reads.map((statement) => statement.Resource))).toBe(
      JSON.stringify([{ 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, '/inbox/*']] }]),
    );
  });

  it('names the API’s indexes one by one instead of index/*', () => {
    const resources = JSON.stringify(statementsOf('Api').filter((statement) => [statement.Action].flat().includes('dynamodb:Query')));
    for (const index of INDEXES) expect(resources).toContain(`/index/${index.name}`);
    expect(resources).not.toContain('/index/*');
  });

  it.each(['Api', 'Image', 'Ingest'] as const)('attaches no managed policy to %s’s role', (id) => {
    const role = json.Resources[logicalId((withoutDomain.stack.node.findChild(id) as ServiceFunction).role)];
    expect(role?.Properties?.ManagedPolicyArns).toBeUndefined();
    expect(fn(id).role).toBe((withoutDomain.stack.node.findChild(id) as ServiceFunction).role);
  });
});

describe('the ingest trigger', () => {
  const { json, template, logicalId, fn } = withoutDomain;
  const ingestId = logicalId(fn('Ingest'));

  it('invokes the ingest function for every .txt and .json object created under inbox/', () => {
    const notification = only(resourcesOf(json, 'Custom::S3BucketNotifications'));
    expect(notification.Properties.NotificationConfiguration).toEqual({
      LambdaFunctionConfigurations: ['.txt', '.json'].map((suffix) => ({
        Events: ['s3:ObjectCreated:*'],
        Filter: {
          Key: {
            FilterRules: [
              { Name: 'suffix', Value: suffix },
              { Name: 'prefix', Value: 'inbox/' },
            ],
          },
        },
        LambdaFunctionArn: { 'Fn::GetAtt': [ingestId, 'Arn'] },
      })),
    });
  });

  it('retries a failed ingest twice, then sends it to the dead-letter queue', () => {
    const queueId = only(resourcesOf(json, 'AWS::SQS::Queue')).id;
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: ingestId },
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queueId, 'Arn'] } } },
    });
  });

  it('keeps dead letters encrypted, for 14 days, over TLS only', () => {
    const queue = only(resourcesOf(json, 'AWS::SQS::Queue'));
    expect(queue.Properties).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: Duration.days(14).toSeconds() });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });
});

describe('the alarms', () => {
  const alarms = resourcesOf(withoutDomain.json, 'AWS::CloudWatch::Alarm');
  const byMetric = (metricName: string) => alarms.filter((alarm) => JSON.stringify(alarm.Properties).includes(`"MetricName":"${metricName}"`));

  it.each(['Api', 'Image'] as const)('watch the 5xx rate of %s’s Function URLs', (id) => {
    const functionId = withoutDomain.logicalId(withoutDomain.fn(id));
    const alarm = only(byMetric('Url5xxCount').filter((a) => JSON.stringify(a.Properties).includes(`{"Ref":"${functionId}"}`)));
    expect(JSON.stringify(alarm.Properties)).toContain('"MetricName":"UrlRequestCount"');
    expect(alarm.Properties).toMatchObject({ ComparisonOperator: 'GreaterThanThreshold', Threshold: 5, TreatMissingData: 'notBreaching' });
  });

  it('watch every function for throttling', () => {
    const throttled = byMetric('Throttles').map((alarm) => JSON.stringify(alarm.Properties.Dimensions));
    expect(throttled.sort()).toEqual(
      (['Api', 'Image', 'Ingest'] as const)
        .map((id) => JSON.stringify([{ Name: 'FunctionName', Value: { Ref: withoutDomain.logicalId(withoutDomain.fn(id)) } }]))
        .sort(),
    );
  });

  it('fire as soon as one failed ingest waits in the dead-letter queue', () => {
    const alarm = only(byMetric('ApproximateNumberOfMessagesVisible'));
    expect(alarm.Properties).toMatchObject({ Namespace: 'AWS/SQS', Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
  });

  it('notify the configured SNS topic', () => {
    const notified = resourcesOf(withDomain.json, 'AWS::CloudWatch::Alarm').map((alarm) => alarm.Properties.AlarmActions);
    expect(notified).toHaveLength(6);
    for (const actions of notified) expect(actions).toEqual([TOPIC]);
  });
});

describe('cdk-nag', () => {
  it.each([
    ['without a custom domain', withoutDomain],
    ['with a custom domain and alarm topic', withDomain],
  ])('finds nothing unacknowledged in the AwsSolutions pack %s', (_what, built) => {
    const report = new AwsSolutionsChecks(built.app).validateScope(built.stack);
    expect(report.violations).toEqual([]);
    expect(report.success).toBe(true);
  });

  it('justifies every acknowledgement in one sentence', () => {
    const acknowledgements = withoutDomain.stack.node
      .findAll()
      .flatMap((construct) => construct.node.metadata.filter((entry) => entry.type === 'aws:cdk:acknowledged-rules'))
      .flatMap((entry) => Object.entries(entry.data as { [rule: string]: string }))
      .filter(([rule]) => rule.includes('AwsSolutions-'));
    expect(acknowledgements.length).toBeGreaterThan(5);
    for (const [, reason] of acknowledgements) expect(reason).toMatch(/^[A-Z][^.]*(\.[a-z][^.]*)*\.$/);
  });
});

it('keeps the stack free of a region or account: it synthesizes without credentials', () => {
  expect(Stack.of(withoutDomain.stack).region).toMatch(/^\$\{Token/);
});
