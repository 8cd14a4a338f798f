/**
 * `npm start`: the service on the embedded local stack.
 *
 * glibc reads its allocator settings (LOCAL_SERVER_ENV) when a process starts, so `npm start`
 * sets them in package.json; started any other way without them, this script runs itself once
 * more in a child process that has them, and relays signals and the exit code.
 */
import { spawn } from 'node:child_process';
import { ConfigError } from '../../schemas/config.ts';
import { LOCAL_SERVER_ENV } from './local-stack.ts';

const missing = Object.entries(LOCAL_SERVER_ENV).filter(([name]) => process.env[name] === undefined);

if (missing.length > 0) {
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    env: { ...process.env, ...Object.fromEntries(missing) },
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => child.kill(signal));
  child.once('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  const { startService } = await import('./start-service.ts');
  try {
    const service = await startService(process.env);
    console.log(`Serving ${service.config.publicBaseUrl} (listening on ${service.url}; data in ${service.config.dataDir})`);
    console.log(`  Try: curl ${service.config.publicBaseUrl}/records/110020`);
    // A terminal's Ctrl-C reaches this process both directly and relayed by a parent: stop once.
    let stopping = false;
    const stop = async () => {
      if (stopping) return;
      stopping = true;
      await service.close();
      process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : `Could not start: ${(error as Error).message}`);
    process.exit(1);
  }
}
