/**
 * One of the service's Lambda functions: Node.js 22 on arm64, an ESM bundle made by the locally
 * installed esbuild (no Docker), minified with source maps, JSON logs in its own log group with a
 * retention, and its own role that starts with nothing but writing to that log group.
 */
import { type Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { ApplicationLogLevel, Architecture, LoggingFormat, Runtime, SystemLogLevel } from 'aws-cdk-lib/aws-lambda';
import { type ICommandHooks, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { REPO_ROOT, repoPath } from '../paths.ts';

/**
 * npm settings for the `npm ci` beside a bundle: the Lambda's native binaries (sharp's), not this
 * machine's, taken from the npm cache when it holds them (then the synth needs no network).
 */
export const LINUX_ARM64_NPM = {
  npm_config_os: 'linux',
  npm_config_cpu: 'arm64',
  npm_config_libc: 'glibc',
  npm_config_prefer_offline: 'true',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
} as const;

/** ESM bundles still meet CommonJS dependencies that call `require`; give them one. */
const REQUIRE_SHIM = "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);";

export interface ServiceFunctionProps {
  /** Entry file, relative to the repository root. */
  entry: string;
  description: string;
  memorySize: number;
  timeout: Duration;
  environment: { [name: string]: string };
  /** Packages installed (for linux-arm64) beside the bundle instead of bundled: native ones such as sharp. */
  nodeModules?: string[];
  /** Shell commands run after bundling, given the repository root and the bundle directory. */
  afterBundling?: (inputDir: string, outputDir: string) => string[];
  logRetention?: RetentionDays;
  /**
   * Map stack traces through the bundled source maps at run time (`--enable-source-maps`). It reads
   * the map at start-up, about 15 ms on the API bundle, so request-serving functions leave it off;
   * the maps are shipped either way for reading a trace by hand.
   */
  sourceMapsAtRuntime?: boolean;
}

export class ServiceFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: ServiceFunctionProps) {
    super(scope, id);
    this.logGroup = new LogGroup(this, 'Logs', { retention: props.logRetention ?? RetentionDays.THREE_MONTHS, removalPolicy: RemovalPolicy.DESTROY });
    this.role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com'), description: `${props.description} (execution role)` });
    this.logGroup.grantWrite(this.role);

    const commandHooks: ICommandHooks | undefined = props.afterBundling && {
      beforeBundling: () => [],
      beforeInstall: () => [],
      afterBundling: props.afterBundling,
    };
    this.function = new NodejsFunction(this, 'Function', {
      entry: repoPath(props.entry),
      handler: 'handler',
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: props.timeout,
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: LoggingFormat.JSON,
      applicationLogLevelV2: ApplicationLogLevel.INFO,
      systemLogLevelV2: SystemLogLevel.WARN,
      environment: { ...(props.sourceMapsAtRuntime ? { NODE_OPTIONS: '--enable-source-maps' } : {}), ...props.environment },
      // Aliases move to each new version; the one they leave is deleted, not kept forever.
      currentVersionOptions: { removalPolicy: RemovalPolicy.DESTROY },
      projectRoot: REPO_ROOT,
      depsLockFilePath: repoPath('package-lock.json'),
      bundling: {
        format: OutputFormat.ESM,
        target: 'node22',
        mainFields: ['module', 'main'],
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        // The AWS SDK is bundled: a bundled SDK starts faster than the runtime's copy.
        externalModules: [],
        banner: REQUIRE_SHIM,
        ...(props.nodeModules ? { nodeModules: props.nodeModules, environment: LINUX_ARM64_NPM } : {}),
        ...(commandHooks ? { commandHooks } : {}),
      },
    });
    Validations.of(this.function).acknowledge({
      id: 'AwsSolutions-L1',
      reason: 'Node.js 22 is the runtime the service is built and tested for; moving to a newer runtime is a deliberate, tested change.',
    });
  }
}
