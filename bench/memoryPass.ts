// The measured process of the `memory` bench: open the prepared database, run one check-in pass (or,
// with `idle`, only load the same modules and open the store), then print the peak RSS the kernel saw.
import { WebClient } from '@slack/web-api';
import { composeDeps, composeLogger, openConfiguredStore } from '../src/composition';
import { webClientOptions } from '../src/slack/webApi';
import { runCheckins } from '../src/jobs/checkins';

const quiet = { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel: () => 'error' as never, setName() {} };

async function main(): Promise<void> {
  const [mode, databasePath, apiUrl, token, at] = process.argv.slice(2);
  const { store } = openConfiguredStore({ databasePath });
  const client = new WebClient(token, webClientOptions(apiUrl, { logger: quiet }));
  const config = { botToken: token, apiUrl, admins: [], logLevel: 'silent' as const };
  const atMs = Number(at);
  const deps = composeDeps({ config, store, clock: { now: () => atMs }, log: composeLogger(config), client });
  let sent = 0;
  let failed = 0;
  // eslint-disable-next-line no-restricted-properties -- wall time of the pass, not a rule's clock
  const started = Date.now();
  if (mode === 'pass') ({ sent, failed } = await runCheckins(deps, atMs, { dryRun: false }));
  // eslint-disable-next-line no-restricted-properties -- as above
  const seconds = (Date.now() - started) / 1000;
  if (process.env.BENCH_HEAP_SNAPSHOT) (await import('node:v8')).writeHeapSnapshot(process.env.BENCH_HEAP_SNAPSHOT);
  await store.close();
  // resourceUsage().maxRSS is in kilobytes: the high-water mark over the whole life of the process.
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ maxRssMb, sent, failed, seconds, heapUsedMb: process.memoryUsage().heapUsed / 2 ** 20 })}\n`);
}

void main().then(() => process.exit(0));
