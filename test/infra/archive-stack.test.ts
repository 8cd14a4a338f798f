/**
 * Template assertions on the stack's storage, functions, IAM, ingest trigger, alarms and cdk-nag
 * (`synth.ts` synthesizes it with asset bundling skipped). CloudFront, the Function URLs and the
 * edge functions are in delivery.test.ts; the bundled assets in bundled-assets.test.ts.
 */
import { Duration, Stack, Token } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { INDEXES, PARTITION_KEY } from '../../functions/adapters/table-design.ts';
import type { ServiceFunction } from '../../infra/constructs/service-function.ts';
import { loadConfig } from '../../schemas/config.ts';
import { DOMAIN, OAI, only, propertiesOf, REGION, resourcesOf, synth, TOPIC } from '../support/synth-stack.ts';

const withoutDomain = synth();
const withDomain = synth({ domain: DOMAIN, alarmTopicArn: TOPIC });

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

  const objectReads = (id: 'Api' | 'Image' | 'Ingest') =>
    statementsOf(id)
      .filter((statement) => [statement.Action].flat().includes('s3:GetObject'))
      .flatMap((statement) => [statement.Resource].flat());
  const prefixArn = (prefix: string) => ({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, `/${prefix}*`]] });

  it('lets the API read the bucket only for records’ long texts', () => {
    expect(
      actionsOf('Api')
        .filter((action) => action.startsWith('s3:'))
        .toSorted(),
    ).toEqual(['s3:GetObject', 's3:ListBucket']);
    expect(objectReads('Api')).toEqual([prefixArn('text/')]);
  });

  it('lets the image function read leaf images and long texts', () => {
    expect(objectReads('Image')).toEqual([prefixArn('images/'), prefixArn('text/')]);
  });

  it('lets the ingest write records and objects, and read the inbox and the objects it writes', () => {
    expect(actionsOf('Ingest')).toEqual(expect.arrayContaining(['dynamodb:PutItem', 's3:PutObject', 's3:GetObject']));
    expect(objectReads('Ingest')).toEqual([prefixArn('inbox/'), prefixArn('sources/'), prefixArn('text/'), prefixArn('images/')]);
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
  ])('finds nothing unacknowledged in the AwsSolutions pack %s, in the stack or its us-east-1 edge stack', (_what, built) => {
    expect(built.edgeStack).toBeDefined();
    for (const stack of [built.stack, built.edgeStack]) {
      const report = new AwsSolutionsChecks(built.app).validateScope(stack as Stack);
      expect(report.violations).toEqual([]);
      expect(report.success).toBe(true);
    }
  });

  it('justifies every acknowledgement in one sentence', () => {
    const acknowledgements = withoutDomain.app.node
      .findAll()
      .flatMap((construct) => construct.node.metadata.filter((entry) => entry.type === 'aws:cdk:acknowledged-rules'))
      .flatMap((entry) => Object.entries(entry.data as { [rule: string]: string }))
      .filter(([rule]) => rule.includes('AwsSolutions-'));
    expect(acknowledgements.length).toBeGreaterThan(5);
    for (const [, reason] of acknowledgements) expect(reason).toMatch(/^[A-Z][^.]*(\.[a-z][^.]*)*\.$/);
  });
});

it('names a region but no account: it synthesizes without credentials', () => {
  for (const stack of [withoutDomain.stack, withoutDomain.edgeStack as Stack]) expect(Token.isUnresolved(Stack.of(stack).account)).toBe(true);
  expect(withoutDomain.stack.region).toBe(REGION);
  expect(withoutDomain.edgeStack?.region).toBe('us-east-1');
});
