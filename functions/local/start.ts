/** `npm start`: the service on the embedded local stack. */
import { ConfigError } from '../../schemas/config.ts';
import { startService } from './start-service.ts';

try {
  const service = await startService(process.env);
  console.log(`Serving ${service.config.publicBaseUrl} (listening on ${service.url}; data in ${service.config.dataDir})`);
  console.log(`  Try: curl ${service.config.publicBaseUrl}/records/110020`);
  const stop = async () => {
    await service.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : `Could not start: ${(error as Error).message}`);
  process.exit(1);
}
