// `/ballast log` through the HTTP receiver (signature check, parse, SQLite write, reply) against a bare
// Bolt app that only acknowledges, under the same load, in the same run.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';
import { signatureHeaders } from '../test/support/signer';
import { BENCH_SECRET, BENCH_USERS } from './logServer';

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

function startServer(kind: 'ballast' | 'bare'): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'logServer.ts'), kind], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /PORT (\d+)/.exec(out);
      if (m) resolve({ child, port: Number(m[1]) });
    });
    child.on('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
}

async function load(port: number, seconds: number, connections: number): Promise<Figures> {
  let n = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/slack/events`,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          n++;
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
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/**
 * Both servers run side by side; short loads alternate between them and each keeps its best round,
 * so a burst of noise from other work on a shared machine does not land on one side only.
 */
export async function benchLog(
  opts: { seconds?: number; rounds?: number; connections?: number } = {},
): Promise<{ ballast: Figures; bare: Figures; throughputRatio: number; p99Ratio: number }> {
  const seconds = opts.seconds ?? 3;
  const rounds = opts.rounds ?? 4;
  const connections = opts.connections ?? 10;
  const servers = { bare: await startServer('bare'), ballast: await startServer('ballast') };
  const best: Partial<Record<'bare' | 'ballast', Figures>> = {};
  try {
    for (const kind of ['bare', 'ballast'] as const) await load(servers[kind].port, 2, connections); // warm-up
    for (let round = 0; round < rounds; round++) {
      for (const kind of ['bare', 'ballast'] as const) {
        const f = await load(servers[kind].port, seconds, connections);
        if (!best[kind] || f.rps > best[kind]!.rps) best[kind] = f;
      }
    }
  } finally {
    for (const s of Object.values(servers)) {
      s.child.removeAllListeners('exit');
      s.child.kill('SIGKILL');
    }
  }
  const bare = best.bare!;
  const ballast = best.ballast!;
  const throughputRatio = ballast.rps / bare.rps;
  const p99Ratio = ballast.p99 / Math.max(bare.p99, 1);
  console.log(`\n/ballast log through the HTTP receiver vs a bare acknowledging Bolt app (best of ${rounds} alternating ${seconds}s rounds, ${connections} connections)`);
  console.log(`  bare    : ${bare.rps.toFixed(0)} req/s, p50 ${bare.p50} ms, p99 ${bare.p99} ms (non-2xx ${bare.non2xx}, errors ${bare.errors})`);
  console.log(`  ballast : ${ballast.rps.toFixed(0)} req/s, p50 ${ballast.p50} ms, p99 ${ballast.p99} ms (non-2xx ${ballast.non2xx}, errors ${ballast.errors})`);
  console.log(`  throughput ratio ${throughputRatio.toFixed(2)} (target >= 0.60), p99 ratio ${p99Ratio.toFixed(2)} (target <= 2.00)`);
  return { ballast, bare, throughputRatio, p99Ratio };
}

if (require.main === module) void benchLog();
