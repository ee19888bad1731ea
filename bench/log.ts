// `/ballast log` through the HTTP receiver (signature check, parse, database write, reply) against a
// baseline under the same load, in the same run: a bare Bolt app that only acknowledges (`log`),
// SQLite (`log-postgres`), or one replica (`log-replicas`, see logPostgres.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';
import { signatureHeaders } from '../test/support/signer';
import { BENCH_SECRET, BENCH_USERS } from './logServer';

export interface Figures {
  rps: number;
  /** Server CPU time (user + system) per request, in µs, summed over the side's servers. */
  cpuPerRequestUs: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

export type ServerKind = 'ballast' | 'bare' | 'floor' | 'postgres' | 'many';
export interface BenchServer {
  child: ChildProcess;
  port: number;
  /** The server's CPU time so far, in µs. */
  cpu(): Promise<number>;
}

/** One server in its own process (logServer.ts); `env` reaches it (BENCH_DATABASE_URL for postgres). */
export function startServer(kind: ServerKind, env: Record<string, string> = {}, nodeArgs: string[] = []): Promise<BenchServer> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', path.join(__dirname, 'logServer.ts'), kind], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, ...env },
    });
    let out = '';
    let waiting: ((us: number) => void)[] = [];
    const cpu = () => new Promise<number>((res) => {
      waiting.push(res);
      child.kill('SIGUSR2');
    });
    child.stdout!.on('data', (d) => {
      out += d;
      let m: RegExpExecArray | null;
      while ((m = /CPU (\d+)\n/.exec(out))) {
        out = out.slice(m.index + m[0].length);
        const w = waiting;
        waiting = [];
        for (const r of w) r(Number(m[1]));
      }
      const p = /PORT (\d+)/.exec(out);
      if (p) {
        out = out.slice(p.index + p[0].length);
        resolve({ child, port: Number(p[1]), cpu });
      }
    });
    child.on('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
}

export function stopServers(servers: BenchServer[]): void {
  for (const s of servers) {
    s.child.removeAllListeners('exit');
    s.child.kill('SIGKILL');
  }
}

// One counter for every load generator in this process: each request's text and trigger id differ.
let sent = 0;

function loadOne(port: number, seconds: number, connections: number): Promise<autocannon.Result> {
  return autocannon({
    url: `http://127.0.0.1:${port}/slack/events`,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const n = ++sent;
          const user = `U${String(n % BENCH_USERS).padStart(6, '0')}`;
          const body = new URLSearchParams({
            command: '/ballast', text: `log 5m reply linkedin bench entry ${n}`, user_id: user, team_id: 'T0TEST',
            channel_id: 'C0BENCH', trigger_id: `t${n}`, response_url: 'http://127.0.0.1:1/unused',
          }).toString();
          // eslint-disable-next-line no-restricted-properties -- Slack signs with the real time
          const ts = Math.floor(Date.now() / 1000);
          return {
            ...req,
            body,
            headers: { 'content-type': 'application/x-www-form-urlencoded', ...signatureHeaders(BENCH_SECRET, ts, body) },
          };
        },
      },
    ],
  });
}

/**
 * `connections` in all, split evenly over `servers` by one load generator each, all at once (a list
 * with one server repeated loads it through as many generators). Throughput is the sum; p50
 * and p99 are the worst generator's.
 */
export async function load(servers: BenchServer[], seconds: number, connections: number): Promise<Figures> {
  const each = Math.max(1, Math.round(connections / servers.length));
  const distinct = [...new Set(servers)];
  const cpuBefore = await Promise.all(distinct.map((s) => s.cpu()));
  const results = await Promise.all(servers.map((s) => loadOne(s.port, seconds, each)));
  const cpuAfter = await Promise.all(distinct.map((s) => s.cpu()));
  const requests = results.reduce((s, r) => s + r.requests.total, 0);
  const cpuUs = cpuAfter.reduce((s, a, i) => s + a - cpuBefore[i], 0);
  return {
    cpuPerRequestUs: cpuUs / Math.max(requests, 1),
    rps: results.reduce((s, r) => s + r.requests.average, 0),
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    non2xx: results.reduce((s, r) => s + r.non2xx, 0),
    errors: results.reduce((s, r) => s + r.errors, 0),
  };
}

/**
 * Alternates short loads between the sides, each keeping its best round, so a burst of noise from
 * other work on a shared machine does not land on one side only.
 */
export async function compare<K extends string>(
  sides: Record<K, BenchServer[]>, opts: { seconds: number; rounds: number; connections: number },
): Promise<Record<K, Figures>> {
  const kinds = Object.keys(sides) as K[];
  const best: Partial<Record<K, Figures>> = {};
  for (const k of kinds) await load(sides[k], 2, opts.connections); // warm-up
  for (let round = 0; round < opts.rounds; round++) {
    for (const k of kinds) {
      const f = await load(sides[k], opts.seconds, opts.connections);
      if (!best[k] || f.rps > best[k]!.rps) best[k] = f;
    }
  }
  return best as Record<K, Figures>;
}

export function line(label: string, f: Figures): string {
  return `  ${label.padEnd(10)}: ${f.rps.toFixed(0)} req/s, p50 ${f.p50} ms, p99 ${f.p99} ms, server CPU ${f.cpuPerRequestUs.toFixed(0)} µs per request (non-2xx ${f.non2xx}, errors ${f.errors})`;
}

export async function benchLog(
  opts: { seconds?: number; rounds?: number; connections?: number } = {},
): Promise<{ ballast: Figures; bare: Figures; floor: Figures; throughputRatio: number; p99Ratio: number }> {
  const o = { seconds: opts.seconds ?? 3, rounds: opts.rounds ?? 4, connections: opts.connections ?? 10 };
  const servers = { bare: await startServer('bare'), floor: await startServer('floor'), ballast: await startServer('ballast') };
  let best: Record<'bare' | 'floor' | 'ballast', Figures>;
  try {
    best = await compare({ bare: [servers.bare], floor: [servers.floor], ballast: [servers.ballast] }, o);
  } finally {
    stopServers(Object.values(servers));
  }
  const { bare, floor, ballast } = best;
  const throughputRatio = ballast.rps / bare.rps;
  const p99Ratio = ballast.p99 / Math.max(bare.p99, 1);
  console.log(`\n/ballast log through the HTTP receiver vs a bare acknowledging Bolt app (best of ${o.rounds} alternating ${o.seconds}s rounds, ${o.connections} connections)`);
  console.log(line('bare', bare));
  console.log(line('floor', floor));
  console.log(line('ballast', ballast));
  console.log(`  throughput ratio ${throughputRatio.toFixed(2)} (target >= 0.80), p99 ratio ${p99Ratio.toFixed(2)} (target <= 1.50)`);
  console.log(`  CPU per request, ballast / bare: ${(ballast.cpuPerRequestUs / bare.cpuPerRequestUs).toFixed(2)}`);
  // The floor does what any durable, once-only logging command must (the delivery record, the entry,
  // the week's total) and nothing else: what is left is Ballast's own cost.
  console.log(`  against the floor (bare Bolt + delivery record, insert, week total on SQLite): throughput ${(ballast.rps / floor.rps).toFixed(2)}, p99 ${(ballast.p99 / Math.max(floor.p99, 1)).toFixed(2)}, CPU per request ${(ballast.cpuPerRequestUs / floor.cpuPerRequestUs).toFixed(2)}; floor / bare: throughput ${(floor.rps / bare.rps).toFixed(2)}`);
  return { ballast, bare, floor, throughputRatio, p99Ratio };
}

if (require.main === module) void benchLog();
