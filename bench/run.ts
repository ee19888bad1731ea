// `npm run bench`: every benchmark, each reporting ratios against a baseline measured in the same run.
// Pass names to run a subset: `npm run bench -- log checkins`.
import { benchCheckins } from './checkins';
import { benchLog } from './log';
import { benchDigests } from './digests';
import { benchSuggestions } from './suggestions';
import { benchLogPostgres, benchLogReplicas, benchLogTenants } from './logPostgres';
import { benchMemory } from './memory';

const BENCHES: Record<string, () => Promise<unknown>> = {
  log: () => benchLog(),
  checkins: () =>
    benchCheckins({
      people: Number(process.env.BENCH_CHECKINS_PEOPLE ?? 5000),
      perSecond: Number(process.env.BENCH_CHECKINS_RATE ?? 400),
    }),
  suggestions: () => benchSuggestions(),
  'fanout-replicas': async () => {
    const { benchFanoutReplicas } = await import('./fanoutReplicas');
    const { runs } = await benchFanoutReplicas({
      people: Number(process.env.BENCH_FANOUT_PEOPLE ?? 5000), perSecond: Number(process.env.BENCH_FANOUT_RATE ?? 100),
      compare: process.env.BENCH_FANOUT_COMPARE === '1',
    });
    if (runs[0].duplicates > 0 || runs[0].missed > 0) process.exitCode = 1;
  },
  digests: async () => {
    const r = await benchDigests();
    if (!r.passed) process.exitCode = 1;
  },
  'log-postgres': () => benchLogPostgres(),
  'log-replicas': () => benchLogReplicas(),
  'log-tenants': () => benchLogTenants(),
  memory: () => benchMemory(),
};

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((w) => !(w in BENCHES));
  if (unknown.length) {
    process.stderr.write(`unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(BENCHES).join(', ')}\n`);
    process.exit(2);
  }
  for (const [name, run] of Object.entries(BENCHES)) {
    if (wanted.length && !wanted.includes(name)) continue;
    await run();
  }
}

void main().then(() => process.exit(process.exitCode ?? 0));
