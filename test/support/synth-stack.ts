/**
 * The stack as the template tests see it: synthesized with asset bundling skipped, in a region
 * other than us-east-1 (so the Lambda@Edge function gets its own us-east-1 stack, as in most
 * deployments), and helpers to read the templates. Each test file that synthesizes pays a few
 * seconds; the bundled assets are checked in bundled-assets.test.ts.
 */
import { App, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { CfnResource } from 'aws-cdk-lib/core';
import { expect } from 'vitest';
import { ArchiveStack, type ArchiveStackProps } from '../../infra/archive-stack.ts';
import type { ServiceFunction } from '../../infra/constructs/service-function.ts';

export const OAI = { repositoryIdentifier: 'archive.example.org', adminEmail: 'archive-admin@example.org' };
export const DOMAIN = {
  name: 'archive.example.org',
  certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555',
};
export const TOPIC = 'arn:aws:sns:eu-west-1:123456789012:archive-alarms';
export const REGION = 'eu-west-1';
export const STACK_ID = 'ArchiveService-test';

export interface TemplateJson {
  Resources: { [id: string]: { Type: string; Properties?: Record<string, unknown>; DeletionPolicy?: string; UpdateReplacePolicy?: string } };
}

export function synth(props: Partial<ArchiveStackProps> = {}) {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new ArchiveStack(app, STACK_ID, { env: { region: REGION }, oai: OAI, ...props });
  const template = Template.fromStack(stack);
  // The us-east-1 stack of the Lambda@Edge function; absent when the stack itself is in us-east-1.
  const edgeStack = app.node.tryFindChild(`${STACK_ID}-Edge`) as Stack | undefined;
  const logicalId = (construct: { node: { defaultChild?: unknown } }) =>
    stack.resolve(stack.getLogicalId(construct.node.defaultChild as CfnResource)) as string;
  const fn = (id: 'Api' | 'Image' | 'Ingest') => (stack.node.findChild(id) as ServiceFunction).function;
  return {
    app,
    stack,
    template,
    json: template.toJSON() as TemplateJson,
    edgeStack,
    edgeJson: edgeStack ? (Template.fromStack(edgeStack).toJSON() as TemplateJson) : undefined,
    logicalId,
    fn,
  };
}

export type Synthesized = ReturnType<typeof synth>;

export const resourcesOf = (json: TemplateJson, type: string) =>
  Object.entries(json.Resources)
    .filter(([, resource]) => resource.Type === type)
    .map(([id, resource]) => ({ id, ...resource, Properties: resource.Properties ?? {} }));

export const propertiesOf = (json: TemplateJson, id: string): Record<string, unknown> => {
  const properties = json.Resources[id]?.Properties;
  if (!properties) throw new Error(`no resource ${id} with properties`);
  return properties;
};

export const only = <T>(items: T[]): T => {
  expect(items).toHaveLength(1);
  return items[0] as T;
};
