// A second Ballast process for exactly-once tests: `tsx passProcess.ts <db> <apiUrl> <token> <atISO> <job>`.
// It prints "ready", waits for "go" on stdin so two processes can start together, runs one pass and
// prints the report as JSON.
import { WebClient } from '@slack/web-api';
import { openStore } from '../../src/store';
import { createLogger } from '../../src/logger';
import { slackPort, webClientOptions } from '../../src/slack/webApi';
import { JOBS } from '../../src/jobs';
import type { JobName } from '../../src/jobs/types';

async function main(): Promise<void> {
  const [dbPath, apiUrl, token, at, job] = process.argv.slice(2);
  const { store } = openStore(dbPath);
  const log = createLogger({ level: 'warn', destination: process.stderr });
  const client = new WebClient(token, webClientOptions(apiUrl));
  const atMs = Date.parse(at);
  const deps = { store, slack: slackPort(client), clock: { now: () => atMs }, log, config: { admins: [] } };
  process.stdout.write('ready\n');
  await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
  const report = await JOBS[job as JobName]!(deps, atMs, { dryRun: false });
  process.stdout.write(`${JSON.stringify({ sent: report.sent, skipped: report.skipped, failed: report.failed })}\n`);
  await store.close();
  process.exit(0);
}

void main();
