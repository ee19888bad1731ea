// The real app on PostgreSQL (DATABASE_URL): it migrates, answers /healthz from the server, and a
// logged entry lands in PostgreSQL, read back through the store port; DATABASE_PATH is left alone. A
// server that takes no writes (a standby after a failover) gets "try again" and loses nothing.
import fs from 'node:fs';
import { Client } from 'pg';
import { startTestApp, type TestApp } from '../support/app';
import { freshDatabase, type TestDatabase } from '../support/postgres';
import { addPerson } from '../support/assignments';

const ADA = 'U700ADA';
let database: TestDatabase;
let t: TestApp;

beforeAll(async () => {
  database = await freshDatabase();
  t = await startTestApp({ env: { DATABASE_URL: database.url } });
  await addPerson(t, ADA);
});
afterAll(async () => {
  await t.close();
  await database.drop();
});

it('serves /healthz from PostgreSQL and creates no SQLite file', async () => {
  const r = await fetch(`http://127.0.0.1:${t.ballast.port}/healthz`);
  expect(r.status).toBe(200);
  expect(await r.json()).toEqual({ ok: true, database: 'ok' });
  expect(fs.existsSync(t.dbPath)).toBe(false);
  expect(t.ballast.raw).toBeNull();
});

it('stores a /ballast log in PostgreSQL and shows it in the week', async () => {
  const r = await t.slack.command(ADA, 'log 1 hour 30 minutes reply linkedin answered a thread');
  expect((r.body as { text: string }).text).toContain('Logged 1h 30m');
  const [entry] = await t.ballast.store.entries.allOf(ADA);
  expect(entry).toMatchObject({ minutes: 90, kind: 'respond', network: 'linkedin', note: 'answered a thread', source: 'command' });
  const week = await t.slack.command(ADA, 'week');
  expect((week.body as { text: string }).text).toContain('1h 30m');
});

/** Every session on the app's database but `c`'s own ends, so new ones start with the database's settings. */
async function reconnectEveryone(c: Client): Promise<void> {
  await c.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
  for (const deadline = performance.now() + 10_000; performance.now() < deadline;) {
    const { rows } = await c.query<{ n: string }>(
      'SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
    if (Number(rows[0].n) === 0) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('the app\'s sessions did not end within 10 s');
}

it('answers "try again" while the server takes no writes, logs the kind, stores nothing, then logs again', async () => {
  const c = new Client({ connectionString: database.url });
  await c.connect();
  const name = new URL(database.url).pathname.slice(1);
  let readOnly = false;
  try {
    const before = (await t.ballast.store.entries.allOf(ADA)).length;
    // The app's pool reconnects below, read-only like a standby after a failover.
    await c.query(`ALTER DATABASE "${name}" SET default_transaction_read_only = on`);
    readOnly = true;
    await reconnectEveryone(c);
    const logsBefore = t.logs.length;
    const r = await t.slack.command(ADA, 'log 20m reply during the failover');
    expect((r.body as { text: string }).text).toContain('Nothing was recorded; please try again');
    const lines = t.logs.slice(logsBefore).filter((l) => typeof l.msg === 'string' && l.msg.endsWith('storage unavailable'));
    expect(lines).toEqual([expect.objectContaining({ level: 50, kind: 'readonly', code: '25006', userId: ADA })]);

    await c.query(`ALTER DATABASE "${name}" RESET default_transaction_read_only`);
    readOnly = false;
    await reconnectEveryone(c);
    expect((await t.ballast.store.entries.allOf(ADA)).length).toBe(before);
    expect(((await t.slack.command(ADA, 'log 20m reply after the failover')).body as { text: string }).text).toContain('Logged 20m');
    expect((await t.ballast.store.entries.allOf(ADA)).length).toBe(before + 1);
  } finally {
    // A failed expectation above must not leave the rest of the file on a read-only database.
    if (readOnly) {
      await c.query(`ALTER DATABASE "${name}" RESET default_transaction_read_only`);
      await reconnectEveryone(c);
    }
    await c.end();
  }
});

it('never writes the database password into its logs', () => {
  const password = new URL(database.url).password;
  expect(password.length).toBeGreaterThan(0);
  expect(t.logText()).not.toContain(password);
});
