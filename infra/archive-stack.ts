/**
 * The whole service in one stack: storage, the three functions, CloudFront, alarms (and, outside
 * us-east-1, a stack there for the Lambda@Edge function: constructs/body-hash.ts).
 * See docs/adr/0004-aws-deployment.md for the decisions and the README's Deploy section for use.
 */
import { CfnOutput, Duration, type Environment, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Alias, FunctionUrlAuthType, InvokeMode } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { type CfnBucket, EventType } from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { INDEXES } from '../functions/adapters/table-design.ts';
import { IMAGES_PREFIX, INBOX_PREFIX, INBOX_SUFFIXES, SERVICE_PREFIXES, TEXT_PREFIX } from '../functions/core/bucket-layout.ts';
import { ServiceAlarms } from './constructs/alarms.ts';
import { Delivery } from './constructs/delivery.ts';
import { ServiceFunction } from './constructs/service-function.ts';
import { ArchiveStorage } from './constructs/storage.ts';

export interface ArchiveStackProps extends StackProps {
  /**
   * The region is required: the Lambda@Edge function is deployed to us-east-1 from it (in a stack
   * of its own, `{stack}-Edge`, unless this one is in us-east-1). The account may stay unset.
   */
  env: Environment & { region: string };
  /** A custom domain for the distribution; its certificate must be in us-east-1. */
  domain?: { name: string; certificateArn: string };
  /** OAI-PMH Identify values: the identifier is part of every OAI identifier, so choose it once. */
  oai: { repositoryIdentifier: string; adminEmail: string };
  /** SNS topic the alarms notify. */
  alarmTopicArn?: string;
  /** AWS WAF web ACL (global scope) to attach to the distribution. */
  webAclArn?: string;
  logRetention?: RetentionDays;
}

/** Where the bundle lands in the Lambda runtime. */
const LAMBDA_TASK_ROOT = '/var/task';
/** The DejaVu fonts as Debian's fonts-dejavu-core installs them (.ci/run installs it). */
const DEJAVU_DIR = '/usr/share/fonts/truetype/dejavu';

export class ArchiveStack extends Stack {
  constructor(scope: Construct, id: string, props: ArchiveStackProps) {
    super(scope, id, props);
    const { table, bucket, accessLogs } = new ArchiveStorage(this, 'Storage');

    // Generated at deploy time and resolved by CloudFormation into the functions' environment
    // and CloudFront's origin header: the template carries only a reference, never the value.
    const tokenSecret = new Secret(this, 'TokenSecret', {
      description: 'HMAC key of OAI-PMH resumption tokens',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });
    const originSecret = new Secret(this, 'OriginSecret', {
      description: 'Header value CloudFront adds to every origin request; the functions refuse requests without it',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });
    for (const secret of [tokenSecret, originSecret]) {
      Validations.of(secret).acknowledge({
        id: 'AwsSolutions-SMG4',
        reason: 'The value is resolved into the functions at deploy time, so it is rotated by updating the secret and redeploying, not by a rotation Lambda.',
      });
    }

    const environment = {
      TABLE_NAME: table.tableName,
      BUCKET_NAME: bucket.bucketName,
      OAI_REPOSITORY_IDENTIFIER: props.oai.repositoryIdentifier,
      OAI_ADMIN_EMAIL: props.oai.adminEmail,
      // With a custom domain the public base URL is known now; without one, the CloudFront domain
      // exists only after the distribution does, so the app takes the host CloudFront forwards.
      ...(props.domain ? { PUBLIC_BASE_URL: `https://${props.domain.name}` } : { TRUST_FORWARDED_HOST: 'true' }),
    };
    // The HTTP functions refuse requests that lack the header CloudFront adds to every origin request.
    const behindCloudFront = { ORIGIN_SECRET: originSecret.secretValue.unsafeUnwrap() };
    const logRetention = props.logRetention ? { logRetention: props.logRetention } : {};

    const api = new ServiceFunction(this, 'Api', {
      entry: 'functions/api/handler.ts',
      description: 'Metadata API: records, IIIF Presentation, OAI-PMH, citations',
      memorySize: 1024,
      timeout: Duration.seconds(20),
      environment: { ...environment, ...behindCloudFront, TOKEN_SECRET: tokenSecret.secretValue.unsafeUnwrap(), CSL_DIR: `${LAMBDA_TASK_ROOT}/data/csl` },
      // Its cold start is on the request path of every harvester and viewer.
      codeSplitting: true,
      afterBundling: (inputDir, outputDir) => [
        // The viewer route loads Mirador from `./mirador.min.js` beside the bundle.
        `cp "${inputDir}/node_modules/mirador/dist/mirador.min.js" "${outputDir}/mirador.min.js"`,
        // The vendored CSL styles and locales (CSL_DIR).
        `mkdir -p "${outputDir}/data" && cp -R "${inputDir}/data/csl" "${outputDir}/data/csl"`,
      ],
      ...logRetention,
    });
    const image = new ServiceFunction(this, 'Image', {
      entry: 'functions/image/handler.ts',
      description: 'IIIF Image API 3.0 over the pyramidal derivatives in S3 (sharp, response streaming)',
      memorySize: 2048,
      timeout: Duration.seconds(30),
      environment: { ...environment, ...behindCloudFront },
      nodeModules: ['sharp'],
      ...logRetention,
    });
    const ingest = new ServiceFunction(this, 'Ingest', {
      entry: 'functions/ingest/handler.ts',
      description: 'Ingests exports dropped into the inbox/ prefix (sharp makes the leaf images)',
      memorySize: 2048,
      timeout: Duration.minutes(5),
      environment: { ...environment, FONTCONFIG_PATH: `${LAMBDA_TASK_ROOT}/fonts` },
      nodeModules: ['sharp'],
      // Not on a request path: readable stack traces are worth the start-up time here.
      sourceMapsAtRuntime: true,
      // The placeholder images are SVG text rendered by sharp; the Lambda runtime has no fonts.
      afterBundling: (inputDir, outputDir) => [
        `mkdir -p "${outputDir}/fonts"`,
        `cp "${inputDir}/infra/assets/fonts.conf" "${outputDir}/fonts/fonts.conf"`,
        `if [ -f "${DEJAVU_DIR}/DejaVuSans.ttf" ]; then cp "${DEJAVU_DIR}"/DejaVuSans.ttf "${DEJAVU_DIR}"/DejaVuSans-Bold.ttf "${outputDir}/fonts/"; else echo "warning: ${DEJAVU_DIR} is missing (install fonts-dejavu-core): placeholder images will have no text" >&2; fi`,
      ],
      ...logRetention,
    });

    // Least privilege: the exact DynamoDB actions each adapter call needs, on the table and its
    // indexes by name; S3 objects by the service's own prefixes. Only the ingest writes. Every
    // function that reads records reads `text/` too: a record's long texts live there (ADR 0002).
    const indexArns = INDEXES.map((index) => `${table.tableArn}/index/${index.name}`);
    const objects = (...prefixes: string[]) => prefixes.map((prefix) => bucket.arnForObjects(`${prefix}*`));
    // With ListBucket a missing object reads as 404 (not found) rather than 403.
    const listBucket = new PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucket.bucketArn] });
    api.role.addToPolicy(new PolicyStatement({ actions: ['dynamodb:GetItem', 'dynamodb:Query'], resources: [table.tableArn, ...indexArns] }));
    api.role.addToPolicy(new PolicyStatement({ actions: ['s3:GetObject'], resources: objects(TEXT_PREFIX) }));
    api.role.addToPolicy(listBucket);
    image.role.addToPolicy(new PolicyStatement({ actions: ['dynamodb:GetItem'], resources: [table.tableArn] }));
    image.role.addToPolicy(new PolicyStatement({ actions: ['s3:GetObject'], resources: objects(IMAGES_PREFIX, TEXT_PREFIX) }));
    image.role.addToPolicy(listBucket);
    ingest.role.addToPolicy(new PolicyStatement({ actions: ['dynamodb:GetItem', 'dynamodb:PutItem'], resources: [table.tableArn] }));
    // The ingest reads the inbox, and asks whether each content-addressed object it would write is
    // already stored (HeadObject needs GetObject), so it never writes one twice.
    ingest.role.addToPolicy(new PolicyStatement({ actions: ['s3:GetObject'], resources: objects(INBOX_PREFIX, ...SERVICE_PREFIXES) }));
    ingest.role.addToPolicy(new PolicyStatement({ actions: ['s3:PutObject'], resources: objects(...SERVICE_PREFIXES) }));
    ingest.role.addToPolicy(listBucket);
    const bucketLogicalId: string = this.resolve(this.getLogicalId(bucket.node.defaultChild as CfnBucket));
    for (const [fn, prefixes] of [
      [api, [TEXT_PREFIX]],
      [image, [IMAGES_PREFIX, TEXT_PREFIX]],
      [ingest, [...SERVICE_PREFIXES, INBOX_PREFIX]],
    ] as const) {
      for (const prefix of prefixes) {
        Validations.of(fn.role).acknowledge({
          id: `AwsSolutions-IAM5[Resource::<${bucketLogicalId}.Arn>/${prefix}*]`,
          reason: 'Object keys are content-addressed under one prefix per kind of object, so the prefix is the narrowest resource that names them.',
        });
      }
    }

    // Failed ingests (rejected exports, errors) are retried, then kept in this queue.
    const deadLetterQueue = new Queue(this, 'IngestDeadLetterQueue', {
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    Validations.of(deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter queue of the ingest function.',
    });
    ingest.function.configureAsyncInvoke({ onFailure: new SqsDestination(deadLetterQueue), retryAttempts: 2, maxEventAge: Duration.hours(6) });
    for (const suffix of INBOX_SUFFIXES) {
      bucket.addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(ingest.function), { prefix: INBOX_PREFIX, suffix });
    }
    const notificationsHandler = this.node.tryFindChild('BucketNotificationsHandler050a0587b7544547bf325f094a3db834');
    if (notificationsHandler) {
      Validations.of(notificationsHandler).acknowledge({
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason: 'CDK’s own handler that writes the bucket notification configuration at deploy time; it never runs with the service.',
      });
    }

    // Both Function URLs take only requests signed by CloudFront's origin access control (OAI-PMH
    // POST too: a Lambda@Edge function adds the body hash the signature needs). The API's is on an
    // alias that moves to each published version.
    const live = new Alias(this, 'ApiLive', { aliasName: 'live', version: api.function.currentVersion });
    const apiUrl = live.addFunctionUrl({ authType: FunctionUrlAuthType.AWS_IAM });
    const imageUrl = image.function.addFunctionUrl({ authType: FunctionUrlAuthType.AWS_IAM, invokeMode: InvokeMode.RESPONSE_STREAM });

    const delivery = new Delivery(this, 'Delivery', {
      apiUrl,
      imageUrl,
      originSecret: originSecret.secretValue.unsafeUnwrap(),
      logBucket: accessLogs,
      ...(props.domain
        ? { domain: { name: props.domain.name, certificate: Certificate.fromCertificateArn(this, 'Certificate', props.domain.certificateArn) } }
        : {}),
      ...(props.webAclArn ? { webAclArn: props.webAclArn } : {}),
    });

    new ServiceAlarms(this, 'Alarms', {
      http: { Api: api.function, Image: image.function },
      all: { Api: api.function, Image: image.function, Ingest: ingest.function },
      deadLetterQueue,
      ...(props.alarmTopicArn ? { alarmTopicArn: props.alarmTopicArn } : {}),
    });

    const publicUrl = props.domain ? `https://${props.domain.name}` : `https://${delivery.distribution.distributionDomainName}`;
    new CfnOutput(this, 'PublicUrl', { value: publicUrl, description: 'Base of every URL the service publishes' });
    new CfnOutput(this, 'DistributionDomainName', { value: delivery.distribution.distributionDomainName, description: 'CNAME target for a custom domain' });
    new CfnOutput(this, 'DistributionId', { value: delivery.distribution.distributionId });
    new CfnOutput(this, 'Inbox', {
      value: `s3://${bucket.bucketName}/${INBOX_PREFIX}`,
      description: 'Copy {name}.txt exports (and {name}.json overlays) here',
    });
    new CfnOutput(this, 'TableName', { value: table.tableName });
    new CfnOutput(this, 'BucketName', { value: bucket.bucketName });
    new CfnOutput(this, 'IngestDeadLetterQueueUrl', { value: deadLetterQueue.queueUrl });
  }
}
