// The real app on PostgreSQL (DATABASE_URL): it migrates, answers /healthz from the server, and a
// logged entry lands in PostgreSQL, read back through the store port; DATABASE_PATH is left alone.
import fs from 'node:fs';
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

it('never writes the database password into its logs', () => {
  const password = new URL(database.url).password;
  expect(password.length).toBeGreaterThan(0);
  expect(t.logText()).not.toContain(password);
});
