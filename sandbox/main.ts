// `npm run sandbox`: Ballast against a local stand-in for Slack, in the browser. Never touches DATABASE_PATH.
import fs from 'node:fs';
import path from 'node:path';
import { environment } from '../src/config';
import { DEFAULT_DB_PATH, startSandbox } from './server';

async function main(): Promise<void> {
  const port = Number(process.env.SANDBOX_PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write('sandbox: SANDBOX_PORT must be a port number\n');
    process.exit(1);
  }
  const dbPath = process.env.SANDBOX_DATABASE_PATH || DEFAULT_DB_PATH;
  // The sandbox deletes its database at every start: pointing it at the real one must be deliberate.
  const production = path.resolve(environment().DATABASE_PATH || './data/ballast.db');
  if (path.resolve(dbPath) === production && fs.existsSync(production) && process.env.SANDBOX_ALLOW_PRODUCTION_DB !== 'yes') {
    process.stderr.write(`sandbox: ${dbPath} is Ballast's DATABASE_PATH and the sandbox recreates its database at start; set SANDBOX_ALLOW_PRODUCTION_DB=yes if you really mean it\n`);
    process.exit(1);
  }
  const sandbox = await startSandbox({ port, dbPath });
  process.stdout.write(
    `\nBallast sandbox is running: ${sandbox.url}\n` +
      `  a fake Slack workspace with nine people, Ballast in HTTP mode against it\n` +
      `  database ${dbPath} (recreated at every start), Ballast's log next to it in ballast.log\n` +
      `  Ctrl+C to stop\n\n`,
  );
  const stop = (): void => {
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`sandbox could not start: ${(err as Error).message}\n`);
  process.exit(1);
});
