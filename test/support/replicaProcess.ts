// A Ballast replica as a real process, for tests with several processes on one database (and SIGKILL):
// `tsx replicaProcess.ts`, with DATABASE_URL (or DATABASE_PATH), SLACK_API_URL and SLACK_BOT_TOKEN in
// its environment. It opens the store through the app's composition (migrating, under the advisory
// lock on PostgreSQL), prints "ready", then runs one pass for each stdin line "<job> <atISO>" and
// prints its report as one JSON line. It runs until killed or its stdin closes. REPLICA_SHARED_HOLDS=off
// gives it a Web API client without the shared rate-limit holds, for comparing.
import { createInterface } from 'node:readline';
import { composeDeps, composeLogger, composeWebClient, openStoreFor } from '../../src/composition';
import { JOBS } from '../../src/jobs';
import type { JobName } from '../../src/jobs/types';

async function main(): Promise<void> {
  const env = process.env;
  const { store } = await openStoreFor({ databasePath: env.DATABASE_PATH ?? '', databaseUrl: env.DATABASE_URL });
  const config = { botToken: env.SLACK_BOT_TOKEN ?? '', apiUrl: env.SLACK_API_URL ?? '', admins: [], logLevel: 'warn' as const };
  const log = composeLogger(config, { destination: process.stderr });
  let atMs = 0;
  // Each pass runs as of its own instant, as a scheduler tick would.
  const client = env.REPLICA_SHARED_HOLDS === 'off' ? composeWebClient(config, log) : undefined;
  const deps = composeDeps({ config, store, clock: { now: () => atMs }, log, client });
  process.stdout.write('ready\n');
  const lines = createInterface({ input: process.stdin });
  let queue = Promise.resolve();
  lines.on('line', (line) => {
    const [job, at] = line.trim().split(/\s+/);
    queue = queue.then(async () => {
      atMs = Date.parse(at);
      try {
        const report = await JOBS[job as JobName]!(deps, atMs, { dryRun: false });
        process.stdout.write(`${JSON.stringify({ job, at, sent: report.sent, skipped: report.skipped, failed: report.failed })}\n`);
      } catch (err) {
        process.stdout.write(`${JSON.stringify({ job, at, error: String(err) })}\n`);
      }
    });
  });
  lines.on('close', () => {
    void queue.then(() => store.close()).then(() => process.exit(0));
  });
}

void main();
