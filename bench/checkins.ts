// Benchmark: one check-in pass for 5,000 due people against the fake Slack under a workspace-wide
// chat.postMessage limit; compares the time to deliver all against the floor the limit allows.
// The same pass with no limit, measured first in the same run, is the baseline: it says what this
// machine can do at all, so a CPU-bound run is told apart from slow rate-limit handling.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import readline from 'node:readline';
import { performance } from 'node:perf_hooks';
import { WebClient } from '@slack/web-api';
import { composeDeps, composeLogger, openConfiguredStore } from '../src/composition';
import { webClientOptions } from '../src/slack/webApi';
import { runCheckins } from '../src/jobs/checkins';
import type { Deps } from '../src/services/ports';

export interface CheckinBenchOptions {
  people?: number;
  /** chat.postMessage calls per second the fake allows across the workspace. */
  perSecond?: number;
  /** Run the unlimited baseline pass (same people, after a short warm-up); default true. */
  calibrate?: boolean;
  out?: (line: string) => void;
}

export interface CheckinBenchResult {
  people: number;
  perSecond: number;
  seconds: number;
  floorSeconds: number;
  ratio: number;
  /** People per second this machine managed with no limit at all (calibration pass). */
  unlimitedRate: number | null;
  /** Time against max(floor, people / unlimitedRate): what the limit handling itself costs. */
  ratioToAchievable: number | null;
  duplicates: number;
  losses: number;
  rateLimited: number;
  peakRssMb: number;
  peakHeapMb: number;
}

// Local zones all inside sending hours at AT, each with a check-in time already passed.
export const ZONES = ['Europe/Berlin', 'Europe/London', 'Asia/Kolkata', 'Asia/Dubai'];
export const AT = Date.parse('2026-11-26T10:00:00Z');

interface FakeStats { delivered: Record<string, number>; rateLimited: number; calls: Record<string, number>; rejections: number }

/** The fake Slack in a child process: Ballast's pass gets this process's CPU to itself. */
export async function startFakeProcess() {
  const tsx = path.resolve(__dirname, '..', 'node_modules', '.bin', 'tsx');
  const child = spawn(tsx, [path.join(__dirname, 'fakeProcess.ts')], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = readline.createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async <T>(): Promise<T> => JSON.parse((await lines.next()).value as string) as T;
  const hello = await next<{ apiUrl: string; token: string; teamId: string }>();
  const ask = async <T>(msg: unknown): Promise<T> => {
    child.stdin.write(`${JSON.stringify(msg)}\n`);
    return next<T>();
  };
  return { ...hello, ask, close: () => child.kill() };
}

const quiet = { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel: () => 'error' as never, setName() {} };

interface PassResult {
  seconds: number;
  sent: number;
  failed: number;
  stats: FakeStats;
  ids: string[];
  peakRss: number;
  peakHeap: number;
}

async function onePass(people: number, perSecond: number | null): Promise<PassResult> {
  const fake = await startFakeProcess();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ballast-bench-'));
  // The people are written in one SQLite transaction (the raw connection): setup, not what is measured.
  const { store, raw } = openConfiguredStore({ databasePath: path.join(dir, 'bench.db') });
  try {
    const ids = Array.from({ length: people }, (_, i) => `U${String(i).padStart(6, '0')}B`);
    await fake.ask({ users: ids.map((id, i) => ({ id, tz: ZONES[i % ZONES.length] })) });
    raw.db.transaction(() => {
      ids.forEach((id, i) => {
        const tz = ZONES[i % ZONES.length];
        void store.people.upsertProfile({
          id, teamId: fake.teamId, name: id, realName: id, email: null, tz, isBot: false, deleted: false,
          statusText: '', statusEmoji: '', statusExpiration: 0,
        }, AT);
        void store.people.setCheckin(id, '09:00', [1, 2, 3, 4, 5], true);
      });
    })();
    if (perSecond !== null) await fake.ask({ rate: { method: 'chat.postMessage', perSecond } });
    const client = new WebClient(fake.token, webClientOptions(fake.apiUrl, { logger: quiet }));
    const config = { botToken: fake.token, apiUrl: fake.apiUrl, admins: [], logLevel: 'silent' as const };
    const deps: Deps = composeDeps({ config, store, clock: { now: () => AT }, log: composeLogger(config), client });
    let peakRss = 0;
    let peakHeap = 0;
    const sample = () => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    };
    const sampler = setInterval(sample, 250);
    const started = performance.now();
    const report = await runCheckins(deps, AT, { dryRun: false });
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    sample();
    const stats = await fake.ask<FakeStats>({ stats: true });
    return { seconds, sent: report.sent, failed: report.failed, stats, ids, peakRss, peakHeap };
  } finally {
    await store.close();
    fake.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchCheckins(opts: CheckinBenchOptions = {}): Promise<CheckinBenchResult> {
  const people = opts.people ?? 5000;
  const perSecond = opts.perSecond ?? 400;
  const calibrate = opts.calibrate ?? true;
  const out = opts.out ?? ((l: string) => process.stdout.write(`${l}\n`));

  let unlimitedRate: number | null = null;
  if (calibrate) {
    await onePass(Math.min(500, people), null); // warm-up: JIT, sockets
    const c = await onePass(people, null);
    unlimitedRate = people / c.seconds;
  }
  const p = await onePass(people, perSecond);
  const duplicates = Object.values(p.stats.delivered).reduce((n, c) => n + Math.max(0, c - 1), 0);
  const losses = p.ids.filter((id) => !p.stats.delivered[id]).length;
  const floorSeconds = people / perSecond;
  const achievable = unlimitedRate ? Math.max(floorSeconds, people / unlimitedRate) : null;
  const result: CheckinBenchResult = {
    people, perSecond, seconds: p.seconds, floorSeconds, ratio: p.seconds / floorSeconds,
    unlimitedRate, ratioToAchievable: achievable ? p.seconds / achievable : null,
    duplicates, losses, rateLimited: p.stats.rateLimited, peakRssMb: p.peakRss / 2 ** 20, peakHeapMb: p.peakHeap / 2 ** 20,
  };
  out(`check-ins: ${people} due people, chat.postMessage limited to ${perSecond}/s workspace-wide`);
  out(`  delivered all in ${p.seconds.toFixed(2)} s; floor ${floorSeconds.toFixed(2)} s (people / limit); ratio ${result.ratio.toFixed(3)} (target ≤ 1.25)`);
  if (unlimitedRate !== null) {
    const bound = unlimitedRate < perSecond ? `below the limit: this run is CPU-bound, not limit-bound` : 'above the limit: the limit binds';
    out(`  this machine, unlimited: ${unlimitedRate.toFixed(0)} people/s (${bound}); ratio to max(floor, CPU time) ${result.ratioToAchievable!.toFixed(3)}`);
  }
  out(`  sent ${p.sent}, failed ${p.failed}; duplicates ${duplicates}, losses ${losses}; 429s answered ${p.stats.rateLimited}`);
  out(`  calls: ${JSON.stringify(p.stats.calls)} (no conversations.open: DMs go to the user id); Block Kit rejections ${p.stats.rejections}`);
  out(`  peak memory of the Ballast process: rss ${result.peakRssMb.toFixed(0)} MB, heap ${result.peakHeapMb.toFixed(0)} MB`);
  return result;
}
