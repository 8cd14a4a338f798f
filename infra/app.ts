/**
 * The CDK app (`npx cdk synth`, `npm run deploy`). Context values (`-c name=value` or cdk.json):
 *   stage                    suffix of the stack name (default `dev`)
 *   domainName, certificateArn   a custom domain and its us-east-1 ACM certificate (both or neither)
 *   oaiRepositoryIdentifier  the `{repositoryIdentifier}` of `oai:{repositoryIdentifier}:{id}`
 *                            (default: domainName; required without one)
 *   oaiAdminEmail            OAI-PMH Identify adminEmail
 *   alarmTopicArn            SNS topic the alarms notify (optional)
 *   webAclArn                AWS WAF web ACL for the distribution (optional)
 * The region is the CLI's (AWS_REGION or the profile's; us-east-1 when none is configured). Outside
 * us-east-1 the app has a second stack, `ArchiveService-{stage}-Edge` in us-east-1, for the
 * Lambda@Edge function: deploy with `--all` or name the main stack (its dependency comes along).
 * cdk-nag's AwsSolutions pack checks the app at synth; an unacknowledged finding fails it.
 */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ArchiveStack } from './archive-stack.ts';

const app = new App();
const context = (name: string): string | undefined => {
  const value: unknown = app.node.tryGetContext(name);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
};
const required = (name: string, value: string | undefined): string => {
  if (value === undefined) throw new Error(`Set the CDK context value "${name}" (cdk.json or -c ${name}=...).`);
  return value;
};

const stage = context('stage') ?? 'dev';
const domainName = context('domainName');
const certificateArn = context('certificateArn');
if ((domainName === undefined) !== (certificateArn === undefined)) throw new Error('Set both domainName and certificateArn, or neither.');
const alarmTopicArn = context('alarmTopicArn');
const webAclArn = context('webAclArn');
// Set by the CDK CLI from the environment or profile; the account is left to deploy time.
const region = process.env.CDK_DEFAULT_REGION;
if (!region) throw new Error('Run the app through the CDK CLI (npx cdk synth), or set CDK_DEFAULT_REGION.');

new ArchiveStack(app, `ArchiveService-${stage}`, {
  description: `Archival metadata and IIIF service (${stage})`,
  env: { region },
  ...(domainName && certificateArn ? { domain: { name: domainName, certificateArn } } : {}),
  oai: {
    repositoryIdentifier: required('oaiRepositoryIdentifier', context('oaiRepositoryIdentifier') ?? domainName),
    adminEmail: required('oaiAdminEmail', context('oaiAdminEmail')),
  },
  ...(alarmTopicArn ? { alarmTopicArn } : {}),
  ...(webAclArn ? { webAclArn } : {}),
  tags: { service: 'archival-iiif-service', stage },
});

Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
