// Driving real Ballast replica processes (replicaProcess.ts) from a test or a bench: spawn them on one
// database and one fake Slack, tell each to run a pass, read its report. Also the people they serve.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { PostgresStore } from '../../src/store/postgres';

const SCRIPT = path.resolve(__dirname, 'replicaProcess.ts');

export interface ReplicaReport {
  job: string;
  at: string;
  sent: number;
  skipped: number;
  failed: number;
  error?: string;
}

export interface Replica {
  child: ChildProcessWithoutNullStreams;
  ready: Promise<void>;
  exited: Promise<NodeJS.Signals | null>;
  run(job: string, at: string): Promise<ReplicaReport>;
  stderr: string[];
  /** Close its stdin and wait for it to exit (if it is still running). */
  stop(): Promise<void>;
}

export interface ReplicaTarget {
  /** The database URL every replica opens. */
  url: string;
  apiUrl: string;
  token: string;
}

/**
 * One replica process. `sharedHolds: false` gives it a Web API client without the shared rate-limit
 * holds (as before migration 0005), for comparing.
 */
export function spawnReplica(target: ReplicaTarget, opts: { sharedHolds?: boolean } = {}): Replica {
  // node itself runs the script (tsx as a loader, not its wrapper process): SIGKILL must reach the replica.
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT], {
    cwd: path.resolve(__dirname, '../..'),
    env: {
      PATH: process.env.PATH ?? '', DATABASE_URL: target.url, SLACK_API_URL: target.apiUrl, SLACK_BOT_TOKEN: target.token,
      ...(opts.sharedHolds === false ? { REPLICA_SHARED_HOLDS: 'off' } : {}),
    },
  });
  const stderr: string[] = [];
  createInterface({ input: child.stderr }).on('line', (l) => stderr.push(l));
  const waiting: ((r: ReplicaReport) => void)[] = [];
  let onReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (line === 'ready') onReady();
    else waiting.shift()?.(JSON.parse(line) as ReplicaReport);
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  return {
    child, ready, exited, stderr,
    run(job, at) {
      const done = new Promise<ReplicaReport>((resolve) => waiting.push(resolve));
      child.stdin.write(`${job} ${at}\n`);
      // A replica that dies during the pass fails the run at once, with what it said, instead of
      // leaving the test to its timeout.
      return Promise.race([done, exited.then((signal) => {
        throw new Error(`replica exited (${signal ?? 'no signal'}) during ${job}: ${stderr.join('\n')}`);
      })]);
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.stdin.end();
        // One that does not leave within 5 s of its stdin closing is killed, so no test leaves a
        // process (and its pool) behind for the rest of the run.
        const late = setTimeout(() => child.kill('SIGKILL'), 5000);
        try {
          await exited;
        } finally {
          clearTimeout(late);
        }
      }
    },
  };
}

/** Wait until every replica printed "ready"; fail with its stderr if one exits first. */
export async function allReady(replicas: Replica[]): Promise<void> {
  await Promise.all(replicas.map((r) => Promise.race([r.ready, r.exited.then(() => {
    throw new Error(`a replica exited before it was ready: ${r.stderr.join('\n')}`);
  })])));
}

/** Record people in Berlin, 25 at a time, with Slack profiles as of `profileAt` (epoch ms). */
export async function seedPeople(
  store: PostgresStore, fake: { addUser(u: { id: string; tz: string }): unknown; teamId: string }, ids: readonly string[], profileAt: number,
): Promise<void> {
  for (let i = 0; i < ids.length; i += 25) {
    await Promise.all(ids.slice(i, i + 25).map((id) => {
      fake.addUser({ id, tz: 'Europe/Berlin' });
      return store.people.upsertProfile({
        id, teamId: fake.teamId, name: id.toLowerCase(), realName: id, email: null, tz: 'Europe/Berlin', isBot: false,
        deleted: false, statusText: '', statusEmoji: '', statusExpiration: 0,
      }, profileAt);
    }));
  }
}

/** Stop the replicas, then close the test's own store and fake Slack and drop the database (whichever were opened). */
export async function stopReplicaWorld(w: {
  replicas?: Replica[]; store?: { close(): Promise<void> }; fake?: { close(): Promise<void> }; db?: { drop(): Promise<void> };
}): Promise<void> {
  try {
    await Promise.all((w.replicas ?? []).map((r) => r.stop()));
  } finally {
    try {
      await w.store?.close();
    } finally {
      try {
        await w.fake?.close();
      } finally {
        await w.db?.drop();
      }
    }
  }
}
