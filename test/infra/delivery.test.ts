/**
 * Template assertions on delivery: the Function URLs (every one signed, none public), CloudFront's
 * behaviours and origins, the host-forwarding CloudFront Function, and the body-hash Lambda@Edge
 * function with its us-east-1 stack (`synth.ts` synthesizes outside us-east-1; one case inside).
 * The Lambda@Edge handler itself is run in hash-body.test.ts.
 */
import { Duration, type Stack } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { ORIGIN_SECRET_HEADER } from '../../functions/http/edge-headers.ts';
import { FORWARD_HOST_CODE } from '../../infra/edge/forward-host.ts';
import { HASH_BODY_CODE } from '../../infra/edge/hash-body.ts';
import { DOMAIN, only, propertiesOf, resourcesOf, type Synthesized, synth, type TemplateJson, TOPIC } from '../support/synth-stack.ts';

const withoutDomain = synth();
const withDomain = synth({ domain: DOMAIN, alarmTopicArn: TOPIC });
/** Deployed to us-east-1 itself: the Lambda@Edge function is then in the stack, with no second stack. */
const inEdgeRegion = synth({ env: { region: 'us-east-1' } });

interface Origin {
  Id: string;
  DomainName: unknown;
  OriginAccessControlId?: { 'Fn::GetAtt': [string, string] };
  OriginCustomHeaders?: { HeaderName: string; HeaderValue: unknown }[];
}
interface OaiBehavior {
  PathPattern: string;
  LambdaFunctionAssociations?: { EventType: string; IncludeBody?: boolean; LambdaFunctionARN: unknown }[];
}
const distributionConfigOf = (json: TemplateJson) =>
  (only(resourcesOf(json, 'AWS::CloudFront::Distribution')).Properties as { DistributionConfig: { Origins: Origin[]; CacheBehaviors: OaiBehavior[] } })
    .DistributionConfig;
const oaiAssociationOf = (json: TemplateJson) => {
  const behavior = distributionConfigOf(json).CacheBehaviors.find((b) => b.PathPattern === '/oai');
  return only(behavior?.LambdaFunctionAssociations ?? []);
};
/** The Function URL resource an origin's domain is cut from (`Fn::Select` of `Fn::GetAtt [url, FunctionUrl]`), if any. */
const functionUrlOf = (json: TemplateJson, origin: Origin): string | undefined => {
  const [urlId] = JSON.stringify(origin.DomainName).match(/(?<="Fn::GetAtt":\[")\w+(?=","FunctionUrl"\])/) ?? [];
  return urlId !== undefined && json.Resources[urlId]?.Type === 'AWS::Lambda::Url' ? urlId : undefined;
};
const templatesOf = (built: Synthesized): [string, TemplateJson][] => [
  [built.stack.stackName, built.json],
  ...(built.edgeStack && built.edgeJson ? [[built.edgeStack.stackName, built.edgeJson] as [string, TemplateJson]] : []),
];

describe('the Function URLs', () => {
  const { json } = withoutDomain;
  const urls = resourcesOf(json, 'AWS::Lambda::Url');
  const permissions = resourcesOf(json, 'AWS::Lambda::Permission').filter(
    (permission) =>
      permission.Properties.Action === 'lambda:InvokeFunctionUrl' ||
      permission.Properties.InvokedViaFunctionUrl === true ||
      permission.Properties.FunctionUrlAuthType !== undefined,
  );
  const distributionId = only(resourcesOf(json, 'AWS::CloudFront::Distribution')).id;

  it('are two: the API’s on its live alias, and the image service’s (streaming)', () => {
    expect(urls.map((url) => [url.Properties.Qualifier ?? '$LATEST', url.Properties.InvokeMode ?? 'BUFFERED']).sort()).toEqual([
      ['$LATEST', 'RESPONSE_STREAM'],
      ['live', 'BUFFERED'],
    ]);
    expect(resourcesOf(json, 'AWS::Lambda::Alias').map((alias) => alias.Properties.Name)).toEqual(['live']);
  });

  it.each([
    ['outside us-east-1', withoutDomain],
    ['with a custom domain', withDomain],
    ['in us-east-1', inEdgeRegion],
  ])('every one, in every stack of the app (%s), takes only signed requests (AWS_IAM)', (_where, built) => {
    const all = templatesOf(built).flatMap(([, t]) => resourcesOf(t, 'AWS::Lambda::Url'));
    expect(all.length).toBeGreaterThanOrEqual(2);
    for (const url of all) expect(url.Properties.AuthType).toBe('AWS_IAM');
    for (const [, t] of templatesOf(built)) {
      for (const permission of resourcesOf(t, 'AWS::Lambda::Permission')) expect(permission.Properties.FunctionUrlAuthType).not.toBe('NONE');
    }
  });

  it('may be invoked by this distribution only', () => {
    expect(permissions).toHaveLength(4);
    for (const permission of permissions) {
      expect(permission.Properties.Principal).toBe('cloudfront.amazonaws.com');
      expect(permission.Properties.SourceArn).toEqual({
        'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':cloudfront::', { Ref: 'AWS::AccountId' }, ':distribution/', { Ref: distributionId }]],
      });
    }
  });

  it.each([
    ['outside us-east-1', withoutDomain],
    ['in us-east-1', inEdgeRegion],
  ])('are every origin of the distribution (%s), each signed by origin access control', (_where, built) => {
    built.template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: { OriginAccessControlOriginType: 'lambda', SigningBehavior: 'always', SigningProtocol: 'sigv4' },
    });
    const origins = distributionConfigOf(built.json).Origins;
    expect(origins).toHaveLength(2);
    for (const origin of origins) {
      expect(functionUrlOf(built.json, origin)).toBeDefined();
      const [oacId] = origin.OriginAccessControlId?.['Fn::GetAtt'] ?? [];
      expect(built.json.Resources[oacId ?? '']).toMatchObject({
        Type: 'AWS::CloudFront::OriginAccessControl',
        Properties: { OriginAccessControlConfig: { OriginAccessControlOriginType: 'lambda', SigningBehavior: 'always' } },
      });
    }
    expect(new Set(origins.map((origin) => functionUrlOf(built.json, origin))).size).toBe(2);
  });

  it('get the origin secret that the functions check on every origin, from Secrets Manager (defence in depth)', () => {
    const secretHeaders = distributionConfigOf(json)
      .Origins.flatMap((origin) => origin.OriginCustomHeaders ?? [])
      .filter((header) => header.HeaderName === ORIGIN_SECRET_HEADER);
    expect(secretHeaders).toHaveLength(2);
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
    TargetOriginId: string;
    CachePolicyId: { Ref: string };
    OriginRequestPolicyId: { Ref: string };
    AllowedMethods: string[];
    Compress: boolean;
    ViewerProtocolPolicy: string;
    FunctionAssociations: { EventType: string }[];
    LambdaFunctionAssociations?: { EventType: string; IncludeBody?: boolean; LambdaFunctionARN: unknown }[];
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

  it('takes the negotiated manifest routes before the other IIIF routes, to the API, with Accept in the cache key', () => {
    const patterns = distribution.DistributionConfig.CacheBehaviors.map((behavior) => behavior.PathPattern);
    for (const pattern of ['/iiif/3/*/manifest', '/iiif/2/*/manifest']) {
      expect(patterns.indexOf(pattern)).toBeGreaterThan(-1);
      expect(patterns.indexOf(pattern)).toBeLessThan(patterns.indexOf('/iiif/*'));
      expect(behaviorFor(pattern).TargetOriginId).toBe(behaviorFor('*').TargetOriginId);
    }
  });

  it('sends the Image API 2.1 routes to the image service, like the 3.0 ones', () => {
    const patterns = distribution.DistributionConfig.CacheBehaviors.map((behavior) => behavior.PathPattern);
    const first = (path: string) => patterns.find((pattern) => new RegExp(`^${pattern.replace(/[.]/g, '\\.').replace(/\*/g, '.*')}$`).test(path));
    expect(first('/iiif/image/2/110020-l37/full/max/0/default.jpg')).toBe('/iiif/image/*');
    expect(first('/iiif/image/2/110020-l37/info.json')).toBe('/iiif/image/*');
    expect(first('/iiif/2/110020/manifest')).toBe('/iiif/2/*/manifest');
    expect(first('/iiif/2/collection/top')).toBe('/iiif/*');
  });

  it.each([
    ['*', 'whitelist', ['Accept'], 'all'],
    ['/records/*', 'whitelist', ['Accept'], 'all'],
    ['/iiif/3/*/manifest', 'whitelist', ['Accept'], 'all'],
    ['/iiif/2/*/manifest', 'whitelist', ['Accept'], 'all'],
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
    expect(behaviorFor('/oai').AllowedMethods).toEqual(['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE']);
    for (const pattern of ['*', '/records/*', '/iiif/*', '/iiif/image/*']) expect(behaviorFor(pattern).AllowedMethods).toEqual(['GET', 'HEAD', 'OPTIONS']);
  });

  it('sends /oai to the same signed API origin as the other metadata routes', () => {
    const apiOrigin = behaviorFor('*').TargetOriginId;
    for (const pattern of ['/records/*', '/iiif/*', '/oai']) expect(behaviorFor(pattern).TargetOriginId).toBe(apiOrigin);
    expect(behaviorFor('/iiif/image/*').TargetOriginId).not.toBe(apiOrigin);
  });

  it('has /oai’s origin requests, with their bodies, pass the body-hash Lambda@Edge function', () => {
    expect(behaviorFor('/oai').LambdaFunctionAssociations).toEqual([
      { EventType: 'origin-request', IncludeBody: true, LambdaFunctionARN: { 'Fn::GetAtt': [expect.any(String), 'FunctionArn'] } },
    ]);
    for (const pattern of ['*', '/records/*', '/iiif/*', '/iiif/image/*']) expect(behaviorFor(pattern).LambdaFunctionAssociations).toBeUndefined();
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
    'serves %s over HTTPS only, compressed, through the host-forwarding CloudFront Function',
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

describe('the host-forwarding CloudFront Function', () => {
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

describe('the body-hash Lambda@Edge function', () => {
  const { stack, edgeStack, json } = withoutDomain;
  const edgeJson = withoutDomain.edgeJson as TemplateJson;
  const edgeFunction = only(resourcesOf(edgeJson, 'AWS::Lambda::Function'));

  it('lives in a us-east-1 stack of its own, which the stack depends on (deployed first)', () => {
    expect(edgeStack?.stackName).toBe(`${stack.stackName}-Edge`);
    expect(edgeStack?.region).toBe('us-east-1');
    expect(stack.dependencies).toContain(edgeStack);
    expect(resourcesOf(json, 'AWS::Lambda::Function').filter((fn) => JSON.stringify(fn.Properties).includes('x-amz-content-sha256'))).toEqual([]);
  });

  it('runs the handler tested in hash-body.test.ts, inline, on Node.js 22 (x86_64, as Lambda@Edge requires), with no environment', () => {
    expect(edgeFunction.Properties).toMatchObject({ Code: { ZipFile: HASH_BODY_CODE }, Handler: 'index.handler', Runtime: 'nodejs22.x', MemorySize: 128 });
    expect(edgeFunction.Properties.Architectures ?? ['x86_64']).toEqual(['x86_64']);
    expect(edgeFunction.Properties.Environment).toBeUndefined();
    expect(edgeFunction.Properties.Timeout).toBeLessThanOrEqual(30);
  });

  it('is associated with /oai by the version the stack reads back from us-east-1', () => {
    const association = oaiAssociationOf(json) as { LambdaFunctionARN: { 'Fn::GetAtt': [string, string] } };
    const [readerId] = association.LambdaFunctionARN['Fn::GetAtt'];
    const reader = propertiesOf(json, readerId);
    expect(json.Resources[readerId]?.Type).toBe('Custom::CrossRegionStringParameterReader');
    expect(reader.Region).toBe('us-east-1');
    const parameter = only(resourcesOf(edgeJson, 'AWS::SSM::Parameter').filter((p) => p.Properties.Name === reader.ParameterName));
    const versionId = (parameter.Properties.Value as { Ref: string }).Ref;
    expect(edgeJson.Resources[versionId]).toMatchObject({ Type: 'AWS::Lambda::Version', Properties: { FunctionName: { Ref: edgeFunction.id } } });
  });

  it('keeps the versions it replaces, whose replicas CloudFront may still run', () => {
    for (const version of resourcesOf(edgeJson, 'AWS::Lambda::Version')) expect(version.DeletionPolicy).toBe('Retain');
  });

  it('has a role Lambda@Edge may assume, with no managed policy, allowed only to write its own logs', () => {
    const roleId = (edgeFunction.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    const role = propertiesOf(edgeJson, roleId) as {
      AssumeRolePolicyDocument: { Statement: { Principal: { Service: string } }[] };
      ManagedPolicyArns?: unknown;
    };
    expect(role.AssumeRolePolicyDocument.Statement.map((statement) => statement.Principal.Service).sort()).toEqual([
      'edgelambda.amazonaws.com',
      'lambda.amazonaws.com',
    ]);
    expect(role.ManagedPolicyArns).toBeUndefined();
    const statements = resourcesOf(edgeJson, 'AWS::IAM::Policy')
      .filter((policy) => JSON.stringify(policy.Properties.Roles) === JSON.stringify([{ Ref: roleId }]))
      .flatMap((policy) => (policy.Properties.PolicyDocument as { Statement: { Action: string[]; Resource: unknown }[] }).Statement);
    expect(statements.flatMap((statement) => statement.Action).sort()).toEqual(['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents']);
    for (const statement of statements) {
      expect(JSON.stringify(statement.Resource)).toContain(`":log-group:/aws/lambda/us-east-1.",{"Ref":"${edgeFunction.id}"},":*"`);
    }
  });

  it('carries the stack’s tags into its stack', () => {
    const tagged = synth({ tags: { service: 'archival-iiif-service', stage: 'test' } });
    expect(tagged.edgeStack?.tags.tagValues()).toEqual({ service: 'archival-iiif-service', stage: 'test' });
  });
});

describe('deployed to us-east-1', () => {
  const { json, app, stack, edgeStack } = inEdgeRegion;

  it('keeps the Lambda@Edge function in the stack itself, associated with /oai by its version', () => {
    expect(edgeStack).toBeUndefined();
    expect(app.node.children.filter((child) => (child as Stack).stackName !== undefined)).toEqual([stack]);
    const edgeFunction = only(
      resourcesOf(json, 'AWS::Lambda::Function').filter((fn) => (fn.Properties.Code as { ZipFile?: string }).ZipFile === HASH_BODY_CODE),
    );
    const version = only(
      resourcesOf(json, 'AWS::Lambda::Version').filter((v) => JSON.stringify(v.Properties.FunctionName) === JSON.stringify({ Ref: edgeFunction.id })),
    );
    expect(oaiAssociationOf(json)).toEqual({ EventType: 'origin-request', IncludeBody: true, LambdaFunctionARN: { Ref: version.id } });
  });

  it('finds nothing unacknowledged in the AwsSolutions pack', () => {
    const report = new AwsSolutionsChecks(app).validateScope(stack);
    expect(report.violations).toEqual([]);
  });
});
