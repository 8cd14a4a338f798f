/**
 * The Lambda@Edge function that lets POST bodies through origin access control: it adds the body's
 * SHA-256 as `x-amz-content-sha256` on origin requests (`infra/edge/hash-body.ts`). Lambda@Edge
 * functions live in us-east-1, so outside that region `cloudfront.experimental.EdgeFunction` puts
 * it in a stack of its own there (`{stack}-Edge`, deployed first) and reads its version ARN back
 * through an SSM parameter at deploy time. See docs/adr/0004-aws-deployment.md.
 */
import { ArnFormat, Duration, RemovalPolicy, Stack, Stage, Token, Validations } from 'aws-cdk-lib';
import { experimental } from 'aws-cdk-lib/aws-cloudfront';
import { Policy, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { type CfnFunction, Code, type IVersion, Runtime } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { HASH_BODY_CODE } from '../edge/hash-body.ts';

/** Where Lambda@Edge functions must be created (CloudFront replicates them from there). */
export const EDGE_REGION = 'us-east-1';

export class BodyHashFunction extends Construct {
  /** The published version CloudFront invokes (Lambda@Edge takes no alias and no $LATEST). */
  readonly version: IVersion;
  /** The stack the function is deployed in: this one in us-east-1, else `{stack}-Edge` in us-east-1. */
  readonly functionStack: Stack;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const stack = Stack.of(this);
    if (Token.isUnresolved(stack.region)) {
      throw new Error(`${stack.stackName}: set the stack's region (env.region); its Lambda@Edge function is deployed to us-east-1 from it`);
    }
    const edgeStackId = `${stack.stackName}-Edge`;
    const inEdgeRegion = stack.region === EDGE_REGION;
    const stage = Stage.of(this);
    if (!stage) throw new Error(`${stack.stackName}: a stack with a Lambda@Edge function must be part of a CDK app`);
    // EdgeFunction reuses a stack of this id when it exists, so the role can be made in it first.
    this.functionStack = inEdgeRegion
      ? stack
      : ((stage.node.tryFindChild(edgeStackId) as Stack | undefined) ??
        new Stack(stage, edgeStackId, {
          env: { region: EDGE_REGION, account: stack.account },
          description: `Lambda@Edge function of ${stack.stackName} (CloudFront runs it at the edge; it must live in us-east-1)`,
          tags: stack.tags.tagValues(),
        }));
    // Where the role and its policy go: beside the function, in whichever stack that is.
    const [home, prefix] = inEdgeRegion ? [this, ''] : [this.functionStack, id];

    // Its own role, no managed policy: logs only (EdgeFunction adds edgelambda.amazonaws.com to the trust).
    const role = new Role(home, `${prefix}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Lambda@Edge body hash for origin access control (execution role)',
    });
    const edgeFunction = new experimental.EdgeFunction(this, `${id}Function`, {
      description: 'Adds the SHA-256 of the request body as x-amz-content-sha256, which origin access control signs',
      runtime: Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: Code.fromInline(HASH_BODY_CODE),
      // Origin-request functions may have more; hashing a body of at most 1 MB needs no more.
      memorySize: 128,
      timeout: Duration.seconds(5),
      role,
      // CloudFront runs a replaced version until its replicas are gone, and Lambda refuses to
      // delete a replicated version: a stack update keeps the old one instead of failing on it.
      currentVersionOptions: { removalPolicy: RemovalPolicy.RETAIN },
      stackId: edgeStackId,
    });
    this.version = edgeFunction.currentVersion;

    // Lambda@Edge writes its logs in the region where it ran, to /aws/lambda/us-east-1.{name}. A
    // policy of its own, not under the role: the function depends on its role, and this names it.
    const fn = edgeFunction.lambda;
    const logs = new Policy(home, `${prefix}Logs`, {
      roles: [role],
      statements: [
        new PolicyStatement({
          actions: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
          resources: [
            this.functionStack.formatArn({
              service: 'logs',
              region: '*',
              resource: 'log-group',
              resourceName: `/aws/lambda/${EDGE_REGION}.${fn.functionName}:*`,
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          ],
        }),
      ],
    });

    const functionLogicalId: string = this.functionStack.resolve(this.functionStack.getLogicalId(fn.node.defaultChild as CfnFunction));
    Validations.of(logs).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:logs:*:<AWS::AccountId>:log-group:/aws/lambda/${EDGE_REGION}.<${functionLogicalId}>:*]`,
      reason: 'Lambda@Edge writes its logs in whichever region served the request, so the log group ARN names every region.',
    });
    Validations.of(fn).acknowledge({
      id: 'AwsSolutions-L1',
      reason: 'Node.js 22 is the runtime the service is built and tested for, and Lambda@Edge supports it.',
    });
  }
}
