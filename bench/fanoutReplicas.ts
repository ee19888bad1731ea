// Benchmark `fanout-replicas`: one check-in fan-out to 5,000 due people run by three real Ballast
// processes (test/support/replicaProcess.ts) on one PostgreSQL at the same moment, through a fake
// Slack that enforces a workspace-wide chat.postMessage token bucket (429 with Retry-After beyond it).
// Compared against the floor that limit allows: the bucket's first burst at once, then its rate
// ((people − burst) / rate). Target: at most 1.1× the floor, and 0 duplicates. The replicas share one
// rate-limit budget (slack_holds); BENCH_FANOUT_COMPARE=1 also runs three that do not, for the contrast.
import { performance } from 'node:perf_hooks';
import { CHECKIN_JOB } from '../src/services/checkins';
import { openPostgresStore } from '../src/store/postgres';
import { startFakeSlack } from '../test/support/fakeSlack';
import { freshDatabase } from '../test/support/postgres';
import { allReady, seedPeople, spawnReplica } from '../test/support/replicas';

export interface FanoutReplicasOptions {
  people?: number;
  /** chat.postMessage calls per second the fake allows across the workspace (its bucket holds one second's worth). */
  perSecond?: number;
  replicas?: number;
  /** Also run replicas without shared holds. */
  compare?: boolean;
  out?: (line: string) => void;
}

export interface FanoutRun {
  sharedHolds: boolean;
  seconds: number;
  ratio: number;
  sent: number[];
  duplicates: number;
  missed: number;
  rateLimited: number;
}

// Thursday 16:30 in Berlin (the default check-in time); a second weekday for the comparison run.
const DAYS = ['2026-11-26T15:30:00Z', '2026-11-27T15:30:00Z'];

export async function benchFanoutReplicas(opts: FanoutReplicasOptions = {}): Promise<{ floorSeconds: number; runs: FanoutRun[] }> {
  const people = opts.people ?? 5000;
  const perSecond = opts.perSecond ?? 100;
  const n = opts.replicas ?? 3;
  const out = opts.out ?? ((l: string) => process.stdout.write(`${l}\n`));
  const floorSeconds = Math.max(0, people - perSecond) / perSecond;
  const db = await freshDatabase();
  const fake = await startFakeSlack();
  const { store } = await openPostgresStore(db.url);
  const ids = Array.from({ length: people }, (_, i) => `U${String(i + 1).padStart(6, '0')}F`);
  const runs: FanoutRun[] = [];
  try {
    for (const [i, sharedHolds] of (opts.compare ? [true, false] : [true]).entries()) {
      const at = DAYS[i];
      // Profiles an hour old: no users.info in the pass, so chat.postMessage alone meets the limit.
      await seedPeople(store, fake, ids, Date.parse(at) - 3_600_000);
      const replicas = Array.from({ length: n }, () => spawnReplica({ url: db.url, apiUrl: fake.apiUrl, token: fake.token }, { sharedHolds }));
      try {
        await allReady(replicas);
        fake.reset();
        fake.enforceWorkspaceRate({ method: 'chat.postMessage', perSecond });
        const started = performance.now();
        const reports = await Promise.all(replicas.map((r) => r.run('checkins', at)));
        const seconds = (performance.now() - started) / 1000;
        const per = new Map<string, number>();
        for (const m of fake.messages) if (m.dmUser) per.set(m.dmUser, (per.get(m.dmUser) ?? 0) + 1);
        const claims = (await store.claims.ofJob(CHECKIN_JOB)).filter((c) => c.period === at.slice(0, 10) && c.status === 'sent');
        const run: FanoutRun = {
          sharedHolds, seconds, ratio: seconds / floorSeconds, sent: reports.map((r) => r.sent),
          duplicates: [...per.values()].reduce((s, c) => s + Math.max(0, c - 1), 0),
          missed: ids.filter((id) => !per.get(id)).length,
          rateLimited: fake.calls.filter((c) => c.status === 429).length,
        };
        runs.push(run);
        out(`fanout-replicas: ${people} due check-ins, ${n} processes on one PostgreSQL, chat.postMessage limited to ${perSecond}/s workspace-wide (${sharedHolds ? 'shared holds' : 'no shared holds'})`);
        out(`  delivered all in ${seconds.toFixed(2)} s; floor ${floorSeconds.toFixed(2)} s ((people − burst) / limit); ratio ${run.ratio.toFixed(3)} (target ≤ 1.1)`);
        out(`  sent by process ${run.sent.join(' / ')}; claims sent ${claims.length}; duplicates ${run.duplicates}, missed ${run.missed}; 429s answered ${run.rateLimited}`);
        if (reports.some((r) => r.error)) out(`  errors: ${reports.map((r) => r.error ?? '-').join(' | ')}`);
      } finally {
        fake.clearFaults();
        await Promise.all(replicas.map((r) => r.stop()));
      }
    }
  } finally {
    await store.close();
    await fake.close();
    await db.drop();
  }
  return { floorSeconds, runs };
}
