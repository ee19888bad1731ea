// A fresh, empty PostgreSQL database for a test. With TEST_DATABASE_URL set, on that server; otherwise
// on one embedded PostgreSQL per jest worker process, started on first use (postgresServer.mjs) and
// stopped, its data deleted, when the process exits.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Client } from 'pg';
import { openPostgresStore, type PostgresStore } from '../../src/store/postgres';

export interface TestDatabase {
  /** postgres://… of the new database. */
  url: string;
  /** Its name, and the server's maintenance database it was made from (for dropping it from outside). */
  name: string;
  adminUrl: string;
  /** Drop it (after every pool on it has ended). */
  drop(): Promise<void>;
}

interface Server {
  /** URL of the server's `postgres` database, for CREATE DATABASE. */
  adminUrl: string;
  /** How long the embedded server took to start, in ms; undefined for TEST_DATABASE_URL. */
  startupMs?: number;
}

// Jest gives every test file its own module registry, so a variable here lives for one file; the
// server must outlive it (one per worker process), so its address is kept in a file named by pid.
const infoFile = path.join(os.tmpdir(), `ballast-test-pg-${process.pid}.json`);
let server: Promise<Server> | undefined;
const children: ChildProcess[] = [];

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function answers(url: string): Promise<boolean> {
  const c = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await c.connect();
    await c.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function startEmbedded(): Promise<Server> {
  if (fs.existsSync(infoFile)) {
    const known = JSON.parse(fs.readFileSync(infoFile, 'utf8')) as Server & { pid: number };
    // The server an earlier file of this process started: while its process lives, a slow answer
    // (a busy machine) is waited for rather than taken for a dead server, which would start a second one.
    for (let attempt = 0; alive(known.pid) && attempt < 5; attempt += 1) {
      if (await answers(known.adminUrl)) return known;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  const password = randomBytes(12).toString('hex');
  let lastError = '';
  // A free port can be taken between the search and the server's bind: then try another.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const port = await freePort();
    // The data folder's parent must be traversable by the `postgres` user the server runs as.
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'ballast-pg-'));
    fs.chmodSync(parent, 0o755);
    const child = spawn(process.execPath, [path.join(__dirname, 'postgresServer.mjs'), path.join(parent, 'data'), String(port), password, infoFile], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    children.push(child);
    const stderr: string[] = [];
    child.stderr!.on('data', (d: Buffer) => stderr.push(d.toString()));
    const startupMs = await new Promise<number | null>((resolve) => {
      const lines = createInterface({ input: child.stdout! });
      lines.on('line', (line) => {
        const m = /^ready (\d+)$/.exec(line);
        if (m) resolve(Number(m[1]));
      });
      child.once('exit', () => resolve(null));
    });
    if (startupMs === null) {
      lastError = stderr.join('').trim();
      fs.rmSync(parent, { recursive: true, force: true });
      continue;
    }
    // The server must not keep the test process alive; it stops when our end of its stdin closes.
    for (const h of [child, child.stdin, child.stdout, child.stderr] as { unref?: () => void }[]) h.unref?.();
    const found: Server = { adminUrl: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`, startupMs };
    fs.writeFileSync(infoFile, JSON.stringify({ ...found, pid: child.pid }), { mode: 0o600 });
    return found;
  }
  throw new Error(`embedded PostgreSQL did not start: ${lastError}`);
}

function getServer(): Promise<Server> {
  if (!server) {
    const url = process.env.TEST_DATABASE_URL;
    server = url ? Promise.resolve({ adminUrl: url }) : startEmbedded();
    server.catch(() => {
      server = undefined;
    });
  }
  return server;
}

/** How long this worker's embedded server took to start (undefined on TEST_DATABASE_URL). */
export async function embeddedStartupMs(): Promise<number | undefined> {
  return (await getServer()).startupMs;
}

let counter = 0;

/** A new, empty database with a unique name on the test server. */
export async function freshDatabase(): Promise<TestDatabase> {
  const { adminUrl } = await getServer();
  counter += 1;
  const name = `ballast_test_${process.pid}_${counter}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    // template0: nobody is ever connected to it, so parallel workers never trip over each other.
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE template0`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(adminUrl, name), name, adminUrl,
    async drop() {
      const c = new Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** A migrated PostgreSQL store on a fresh database; close() also drops the database. */
export async function freshPostgresStore(): Promise<{ store: PostgresStore; url: string; close(): Promise<void> }> {
  const db = await freshDatabase();
  const { store } = await openPostgresStore(db.url);
  return {
    store, url: db.url,
    async close() {
      await store.close();
      await db.drop();
    },
  };
}
