// Benchmark: every manager digest for one Monday against one plain SQL aggregation over the same rows.
// 20,000 people, 2,000 managers, 1,000,000 entries over 26 weeks, in a temp SQLite file.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { composeDeps, composeLogger, openConfiguredStore } from '../src/composition';
import type { Db } from '../src/store/db';
import { addDays, localDate, weekKey } from '../src/core/time';
import { digestWindow } from '../src/core/digest';
import { buildDigests, digestRequestsAt } from '../src/services/digests';
import type { Deps, SlackPort } from '../src/services/ports';
import { KINDS } from '../src/core/types';

export interface DigestBenchResult {
  people: number;
  managers: number;
  entries: number;
  windowRows: number;
  digests: number;
  /** One plain aggregation over all rows: the baseline. */
  baselineMs: number;
  /** The same aggregation over the six weeks a digest reads. */
  windowBaselineMs: number;
  digestMs: number;
  ratio: number;
  windowRatio: number;
  peakRssMb: number;
  passed: boolean;
}

const PEOPLE = 20_000;
const MANAGERS = 2_000;
const ENTRIES = 1_000_000;
const WEEKS = 26;
// 10:00 UTC: inside every generated zone's digest hours (09:00 to 19:00 local) on Monday 2026-11-30.
const MONDAY_UTC = Date.parse('2026-11-30T10:00:00Z');
const ZONES = ['Europe/Berlin', 'Europe/London', 'UTC', 'Europe/Paris', 'Africa/Lagos'];
const MB = 1024 * 1024;

/** A small deterministic generator, so every run measures the same data. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generate(db: Db, weekKeys: readonly string[]): void {
  const random = rng(42);
  const managerId = (i: number) => `UM${String(i).padStart(5, '0')}`;
  const reportId = (i: number) => `UR${String(i).padStart(5, '0')}`;
  const ids: string[] = [];
  const insertPerson = db.prepare(
    'INSERT INTO people (id, name, real_name, tz, weekly_hours, manager_id, share_strain, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0)');
  db.transaction(() => {
    for (let m = 0; m < MANAGERS; m++) {
      ids.push(managerId(m));
      insertPerson.run(managerId(m), `manager ${m}`, `Manager ${m}`, ZONES[m % ZONES.length], 40, null, 0);
    }
    for (let r = 0; r < PEOPLE - MANAGERS; r++) {
      ids.push(reportId(r));
      insertPerson.run(reportId(r), `person ${r}`, `Person ${r}`, ZONES[r % ZONES.length], random() < 0.2 ? 20 : 40,
        managerId(r % MANAGERS), random() < 0.3 ? 1 : 0);
    }
  })();

  // Entries arrive in time order in real life, so they are generated oldest first; the indexes are
  // built after the bulk load, which is how one loads this much data (and several times faster).
  const firstMonday = addDays(localDate(MONDAY_UTC, 'UTC'), -7 * WEEKS);
  const dates = Array.from({ length: WEEKS * 7 }, (_, i) => addDays(firstMonday, i));
  const weekOf = dates.map((d) => weekKey(d));
  const insertEntry = db.prepare(
    "INSERT INTO entries (person_id, minutes, kind, date, week_key, source, created_at) VALUES (?, ?, ?, ?, ?, 'command', ?)");
  db.exec('DROP INDEX entries_person_date; DROP INDEX entries_week;');
  db.transaction(() => {
    const perDay = ENTRIES / dates.length;
    for (let i = 0; i < ENTRIES; i++) {
      const d = Math.min(dates.length - 1, Math.floor(i / perDay));
      insertEntry.run(ids[Math.floor(random() * ids.length)], 5 + Math.floor(random() * 60), KINDS[Math.floor(random() * 6)],
        dates[d], weekOf[d], i);
    }
  })();
  db.exec('CREATE INDEX entries_person_date ON entries(person_id, date); CREATE INDEX entries_week ON entries(week_key, person_id);');

  // Budget history as an upgraded database has it (everyone's values from the beginning), plus a
  // change of budget or hours for one person in ten somewhere in the window and one org percent
  // change, so digests read and fold real history rows.
  const insertTerms = db.prepare(`INSERT INTO budget_history (person_id, week_key, budget_minutes, weekly_hours, changed_at)
    SELECT id, ?, ?, COALESCE(?, weekly_hours), 0 FROM people WHERE id = ?`);
  db.transaction(() => {
    for (const id of ids) {
      insertTerms.run('0000-W00', null, null, id);
      if (random() < 0.1) {
        const k = weekKeys[Math.floor(random() * weekKeys.length)];
        if (random() < 0.5) insertTerms.run(k, 60 * (2 + Math.floor(random() * 6)), null, id);
        else insertTerms.run(k, null, random() < 0.5 ? 20 : 32, id);
      }
    }
    db.prepare('INSERT INTO budget_percent_history (changed_at, budget_percent) VALUES (?, 12)').run(MONDAY_UTC - 21 * 86_400_000);
  })();

  const insertStrain = db.prepare('INSERT INTO strain (person_id, week_key, answer, answered_at) VALUES (?, ?, ?, 0)');
  db.transaction(() => {
    for (const id of ids) {
      for (const k of weekKeys) if (random() < 0.5) insertStrain.run(id, k, (['none', 'bit', 'back'] as const)[Math.floor(random() * 3)]);
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('ANALYZE');
}

const noSlack = new Proxy({}, { get: () => () => Promise.reject(new Error('the benchmark sends nothing')) }) as SlackPort;

/** CPU milliseconds this process has used (user + system). */
function cpuMs(): number {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
}

/** Time `fn` as wall and CPU milliseconds. */
async function timed(fn: () => unknown): Promise<{ wall: number; cpu: number }> {
  const w = performance.now();
  const c = cpuMs();
  await fn();
  return { wall: performance.now() - w, cpu: cpuMs() - c };
}

interface Measured {
  allRows: number;
  allMs: number;
  allCpuMs: number;
  windowRows: number;
  digests: number;
  baselineMs: number;
  baselineCpuMs: number;
  digestMs: number;
  digestCpuMs: number;
  peakRssMb: number;
  peakHeapMb: number;
}

/**
 * Runs in a child process of its own, so its peak memory is this work's alone. `once`: one cold pass
 * of every digest, as the Monday job does it (the memory figure). `timed`: a warm-up, then seven
 * interleaved runs of the baseline and the digests (the time figures).
 */
async function measure(file: string, mode: 'once' | 'timed'): Promise<Measured> {
  // The baselines are plain SQLite queries on the store's own connection (the raw handle).
  const { store, raw } = openConfiguredStore({ databasePath: file });
  const { db } = raw;
  try {
    const window = digestWindow(localDate(MONDAY_UTC, 'UTC'));
    const config = { botToken: 'xoxb-bench-offline', apiUrl: 'http://127.0.0.1:9/', admins: [], logLevel: 'silent' as const };
    const deps: Deps = composeDeps({ config, store, slack: noSlack, clock: { now: () => MONDAY_UTC }, log: composeLogger(config) });

    // The baseline: one plain aggregation, minutes per person per week, over all the rows.
    // A stricter one: the same aggregation over only the six weeks a digest reads. Both are read the
    // way the digest reads its own rows (one at a time, as arrays), so they differ only in what they do.
    const allSql = db.prepare<[], [string, string, number]>(
      'SELECT person_id, week_key, SUM(minutes) FROM entries GROUP BY week_key, person_id').raw();
    let allRows = 0;
    const aggregateAll = () => {
      allRows = 0;
      for (const row of allSql.iterate()) {
        allRows++;
        checksum += row[2];
      }
    };
    const baselineSql = db.prepare<[string], [string, string, number]>(
      'SELECT person_id, week_key, SUM(minutes) FROM entries WHERE week_key IN (SELECT value FROM json_each(?)) GROUP BY week_key, person_id').raw();
    const keys = JSON.stringify(window.weekKeys);
    let windowRows = 0;
    let checksum = 0;
    const baseline = () => {
      windowRows = 0;
      for (const row of baselineSql.iterate(keys)) {
        windowRows++;
        checksum += row[2];
      }
    };

    // Every digest for the Monday: people, reporting lines, weekly sums, strain, assignments, models.
    let digests = 0;
    const everyDigest = async () => {
      const settings = await store.settings.get();
      const { requests } = await digestRequestsAt(deps, MONDAY_UTC, settings);
      digests = (await buildDigests(deps, requests, settings)).size;
    };

    let peakHeap = 0;
    const sample = () => {
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    };
    const allTimes: { wall: number; cpu: number }[] = [];
    const baselineTimes: { wall: number; cpu: number }[] = [];
    const digestTimes: { wall: number; cpu: number }[] = [];
    if (mode === 'once') {
      digestTimes.push(await timed(everyDigest));
      sample();
    } else {
      aggregateAll();
      baseline();
      await everyDigest(); // warm the page cache and the JIT for all three
      // Interleaved runs; the fastest of each is the one least disturbed by whatever else the machine
      // does (CI runners and laptops are shared), which is the figure a ratio should compare.
      for (let i = 0; i < 5; i++) {
        allTimes.push(await timed(aggregateAll));
        sample();
        baselineTimes.push(await timed(baseline));
        sample();
        digestTimes.push(await timed(everyDigest));
        sample();
      }
      if (checksum <= 0) throw new Error('the baseline read nothing');
    }
    const best = (xs: { wall: number; cpu: number }[], k: 'wall' | 'cpu') => (xs.length ? Math.min(...xs.map((x) => x[k])) : 0);
    return {
      allRows, allMs: best(allTimes, 'wall'), allCpuMs: best(allTimes, 'cpu'),
      windowRows, digests,
      baselineMs: best(baselineTimes, 'wall'), baselineCpuMs: best(baselineTimes, 'cpu'),
      digestMs: best(digestTimes, 'wall'), digestCpuMs: best(digestTimes, 'cpu'),
      peakRssMb: process.resourceUsage().maxRSS / 1024, peakHeapMb: peakHeap / MB,
    };
  } finally {
    await store.close();
  }
}

function child(args: string[]): string {
  const r = spawnSync(process.execPath, [...process.execArgv, __filename, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error(`benchmark step ${args[0]} failed (${r.status ?? r.signal})`);
  return r.stdout;
}

/** BENCH_DB=<file> keeps the generated database there and reuses it on the next run (for profiling). */
export async function benchDigests(log: (line: string) => void = console.log): Promise<DigestBenchResult> {
  const keep = process.env.BENCH_DB;
  const dir = keep ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'ballast-bench-'));
  const file = keep ?? path.join(dir!, 'bench.db');
  try {
    const reuse = fs.existsSync(file);
    const t0 = performance.now();
    if (!reuse) child(['--generate', file]);
    log(`digests: ${reuse ? 'reused' : 'generated'} ${PEOPLE} people, ${MANAGERS} managers, ${ENTRIES} entries over ${WEEKS} weeks ` +
      `in ${((performance.now() - t0) / 1000).toFixed(1)}s`);
    const once = JSON.parse(child(['--measure', 'once', file])) as Measured;
    const t = JSON.parse(child(['--measure', 'timed', file])) as Measured;
    // The gate is the issue's: twice one plain aggregation of minutes per person per week over the same
    // rows (all of them). The six-week ratio is printed too, as the stricter yardstick.
    const ratio = t.digestMs / t.allMs;
    const windowRatio = t.digestMs / t.baselineMs;
    const passed = ratio <= 2 && once.peakRssMb < 256 && t.digests === MANAGERS && once.digests === MANAGERS;
    log(`plain aggregation, minutes per person per week over all ${ENTRIES} entries (${t.allRows} groups): ` +
      `${t.allMs.toFixed(1)} ms (cpu ${t.allCpuMs.toFixed(0)} ms)`);
    log(`the same over only the six weeks a digest reads (${t.windowRows} groups): ` +
      `${t.baselineMs.toFixed(1)} ms (cpu ${t.baselineCpuMs.toFixed(0)} ms)`);
    log(`every digest for Monday 2026-11-30 (${t.digests} managers, ${PEOPLE - MANAGERS} reports): ` +
      `${t.digestMs.toFixed(1)} ms (cpu ${t.digestCpuMs.toFixed(0)} ms); cold, in a fresh process: ${once.digestMs.toFixed(0)} ms`);
    log(`ratio ${ratio.toFixed(2)} against all rows (limit 2.00); ${windowRatio.toFixed(2)} against the six-week aggregation`);
    log(`peak memory of a process building every digest once: ${once.peakRssMb.toFixed(0)} MB RSS (limit 256), ` +
      `JS heap ${once.peakHeapMb.toFixed(0)} MB; of the timing process after all its runs: ${t.peakRssMb.toFixed(0)} MB RSS`);
    log(`digests: ${passed ? 'PASS' : 'FAIL'}`);
    return {
      people: PEOPLE, managers: MANAGERS, entries: ENTRIES, windowRows: t.windowRows, digests: t.digests,
      baselineMs: t.allMs, windowBaselineMs: t.baselineMs, digestMs: t.digestMs, ratio, windowRatio, peakRssMb: once.peakRssMb, passed,
    };
  } finally {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module && process.argv[2] === '--generate') {
  const { store, raw } = openConfiguredStore({ databasePath: process.argv[3] });
  generate(raw.db, digestWindow(localDate(MONDAY_UTC, 'UTC')).weekKeys);
  void store.close();
} else if (require.main === module && process.argv[2] === '--measure') {
  void measure(process.argv[4], process.argv[3] as 'once' | 'timed').then((m) => process.stdout.write(JSON.stringify(m)));
}
