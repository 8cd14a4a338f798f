/**
 * One of the service's Lambda functions: Node.js 22 on arm64, an ESM bundle made by the locally
 * installed esbuild (no Docker), minified with source maps, JSON logs in its own log group with a
 * retention, and its own role that starts with nothing but writing to that log group.
 */
import { AssetHashType, DockerImage, type Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { ApplicationLogLevel, Architecture, Code, Function as LambdaFunction, LoggingFormat, Runtime, SystemLogLevel } from 'aws-cdk-lib/aws-lambda';
import { type ICommandHooks, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { REPO_ROOT, repoPath } from '../paths.ts';
import { buildSplitBundle, FUNCTION_BUNDLE, REQUIRE_SHIM } from './split-bundle.ts';

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
  /**
   * Bundle with code splitting (`split-bundle.ts`): what no request needs at start-up is left in
   * chunks read on first use. Not with `nodeModules`, which only NodejsFunction installs.
   */
  codeSplitting?: boolean;
}

export class ServiceFunction extends Construct {
  readonly function: LambdaFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: ServiceFunctionProps) {
    super(scope, id);
    this.logGroup = new LogGroup(this, 'Logs', { retention: props.logRetention ?? RetentionDays.THREE_MONTHS, removalPolicy: RemovalPolicy.DESTROY });
    this.role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com'), description: `${props.description} (execution role)` });
    this.logGroup.grantWrite(this.role);

    const common = {
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
    };
    if (props.codeSplitting) {
      if (props.nodeModules) throw new Error(`${id}: nodeModules are installed by NodejsFunction only, which cannot split code`);
      this.function = new LambdaFunction(this, 'Function', { ...common, handler: 'index.handler', code: splitBundleCode(props) });
    } else {
      const commandHooks: ICommandHooks | undefined = props.afterBundling && {
        beforeBundling: () => [],
        beforeInstall: () => [],
        afterBundling: props.afterBundling,
      };
      this.function = new NodejsFunction(this, 'Function', {
        ...common,
        entry: repoPath(props.entry),
        handler: 'handler',
        projectRoot: REPO_ROOT,
        depsLockFilePath: repoPath('package-lock.json'),
        bundling: {
          format: OutputFormat.ESM,
          target: FUNCTION_BUNDLE.target,
          mainFields: [...FUNCTION_BUNDLE.mainFields],
          minify: FUNCTION_BUNDLE.minify,
          sourceMap: true,
          sourcesContent: false,
          // The AWS SDK is bundled: a bundled SDK starts faster than the runtime's copy.
          externalModules: [],
          banner: REQUIRE_SHIM,
          ...(props.nodeModules ? { nodeModules: props.nodeModules, environment: LINUX_ARM64_NPM } : {}),
          ...(commandHooks ? { commandHooks } : {}),
        },
      });
    }
    Validations.of(this.function).acknowledge({
      id: 'AwsSolutions-L1',
      reason: 'Node.js 22 is the runtime the service is built and tested for; moving to a newer runtime is a deliberate, tested change.',
    });
  }
}

/** The asset of a code-split function, bundled by the local esbuild; its hash is that of the output, as NodejsFunction's is. */
function splitBundleCode(props: ServiceFunctionProps): Code {
  return Code.fromAsset(REPO_ROOT, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Never used: local bundling always succeeds or throws.
      image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:22'),
      local: {
        tryBundle(outputDir) {
          buildSplitBundle(repoPath(props.entry), outputDir, props.afterBundling?.(REPO_ROOT, outputDir));
          return true;
        },
      },
    },
  });
}
