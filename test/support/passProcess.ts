// A second Ballast process for exactly-once tests: `tsx passProcess.ts <db> <apiUrl> <token> <atISO> <job>`.
// It prints "ready", waits for "go" on stdin so two processes can start together, runs one pass and
// prints the report as JSON.
import { composeDeps, composeLogger, openConfiguredStore } from '../../src/composition';
import { JOBS } from '../../src/jobs';
import type { JobName } from '../../src/jobs/types';

async function main(): Promise<void> {
  const [dbPath, apiUrl, token, at, job] = process.argv.slice(2);
  const { store } = openConfiguredStore({ databasePath: dbPath });
  const config = { botToken: token, apiUrl, admins: [], logLevel: 'warn' as const };
  const log = composeLogger(config, { destination: process.stderr });
  const atMs = Date.parse(at);
  const deps = composeDeps({ config, store, clock: { now: () => atMs }, log });
  process.stdout.write('ready\n');
  await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
  const report = await JOBS[job as JobName]!(deps, atMs, { dryRun: false });
  process.stdout.write(`${JSON.stringify({ sent: report.sent, skipped: report.skipped, failed: report.failed })}\n`);
  await store.close();
  process.exit(0);
}

void main();
