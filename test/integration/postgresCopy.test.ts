// Moving a SQLite deployment to PostgreSQL: every table filled, copied whole, counts compared; a target
// holding data is refused, and the copy carries on where SQLite's ids left off.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../src/store';
import { openDatabase } from '../../src/store/db';
import { COPY_TABLES, CopyRefusedError, copySqliteToPostgres } from '../../src/store/postgres/copy';
import { openPostgresStore } from '../../src/store/postgres';
import { openPool } from '../../src/store/postgres/db';
import type { SlackProfile } from '../../src/core/model';
import { freshDatabase, type TestDatabase } from '../support/postgres';
import { runCli, type CliIo } from '../../src/cli';
import { sqliteTenantStores, tenantFile } from '../../src/store/tenants';
import { postgresTenantStores } from '../../src/store/postgres/tenants';

const profile = (id: string): SlackProfile => ({
  id, teamId: 'T1', name: id.toLowerCase(), realName: `Name ${id}`, email: `${id.toLowerCase()}@example.com`, tz: 'Europe/Berlin',
  isBot: false, deleted: false, statusText: 'busy', statusEmoji: ':x:', statusExpiration: 1_800_000_000,
});

let dir: string;
let file: string;
let target: TestDatabase;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ballast-copy-'));
  file = path.join(dir, 'b.db');
  target = await freshDatabase();
});
afterEach(async () => {
  await target.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A deployment with a row in every table, the kinds of value each column can hold, and a removed entry. */
async function fillEverything(): Promise<void> {
  const { store } = openSqliteStore(file);
  // Reports are created before their manager, so the copy must not rely on row order for manager_id.
  for (const id of ['U2', 'U3', 'M1', 'L1']) await store.people.upsertProfile(profile(id), 1_764_000_000_000);
  await store.people.upsertProfile({ ...profile('UBOT'), isBot: true, deleted: true }, 2);
  await store.people.setManager('U2', 'M1');
  await store.people.setManager('U3', 'M1');
  await store.people.setRole('L1', 'lead');
  await store.people.setCheckin('U2', '09:15', [1, 3], false);
  await store.people.setNudges('U2', false);
  await store.people.setPause('U3', true, '2026-12-24');
  await store.people.setShareStrain('U2', true);
  await store.people.setHours('U2', 32.5, { fromWeek: '2026-W48', by: 'U2', now: 5 });
  await store.people.setBudget('U3', 180, { fromWeek: '2026-W48', by: 'M1', now: 6 });
  await store.people.markInactive('UBOT');
  const base = { personId: 'U2', minutes: 30, kind: 'respond' as const, date: '2026-11-26', weekKey: '2026-W48', source: 'command' as const };
  await store.entries.add({ ...base, network: 'linkedin', link: 'https://e.com/1', note: 'a & b', dedupeKey: 'k1' }, 10);
  const gone = await store.entries.add(base, 11);
  await store.entries.add({ ...base, personId: 'U3', kind: 'post', minutes: 720 }, 12);
  await store.entries.remove(gone.entry.id, 'U2');
  const { assignment } = await store.assignments.create({ leadId: 'L1', assigneeId: 'U2', link: 'https://x.com/1', brief: 'hi', estimateMinutes: 15, dueAt: 1_800_000_000_000 }, 13);
  const done = await store.entries.add({ ...base, source: 'assignment', assignmentId: assignment.id, dedupeKey: `assignment:${assignment.id}` }, 14);
  await store.assignments.transition(assignment.id, 'offered', 'done', 15, { doneMinutes: 30, entryId: done.entry.id });
  await store.assignments.setAssigneeMessage(assignment.id, 'D1', '1.1');
  await store.assignments.create({ leadId: 'L1', assigneeId: 'U3', link: 'https://x.com/2', brief: null, estimateMinutes: 30, dueAt: 20 }, 16);
  await store.strain.record('U2', '2026-W48', 'back', 17);
  await store.claims.claim({ job: 'checkin', subject: 'U2', period: '2026-11-26' }, 18);
  await store.claims.finish({ job: 'checkin', subject: 'U2', period: '2026-11-26' }, 'sent', 19, { channel: 'D1', ts: '2.2' });
  await store.claims.claim({ job: 'pulse', subject: 'U3', period: '2026-W48' }, 20);
  await store.settings.set('hourlyCost', 80);
  await store.settings.setBudgetPercent(12.5, 'M1', 21);
  await store.settings.addHoliday('2026-12-25', 'M1');
  await store.events.firstSighting('Ev1', 22);
  const install = { teamId: null, enterpriseId: 'E1', isEnterpriseInstall: true, installerUserId: 'U2', botUserId: 'UB1', installation: '{"bot":{}}' };
  await store.installations.save({ tenantId: 'E1', ...install }, 23);
  await store.installations.save({ ...install, tenantId: 'T9', teamId: 'T9', enterpriseId: null, isEnterpriseInstall: false }, 24);
  await store.installations.uninstall('T9', 25);
  await store.close();
}

function sqliteRows(table: string): Record<string, unknown>[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

const canonical = (rows: Record<string, unknown>[]) =>
  rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'boolean' ? Number(v) : v])))
    .map((r) => JSON.stringify(r, Object.keys(r).sort())).sort();

it('copies every table the migrations make, but the rate-limit holds, which last seconds', () => {
  const { raw: db } = openSqliteStore(path.join(dir, 'schema.db'));
  try {
    const made = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[])
      .map((t) => t.name);
    expect(made.filter((t) => t !== 'slack_holds')).toEqual([...COPY_TABLES].sort());
  } finally {
    db.close();
  }
});

it('copies every table whole, compares the counts, and carries on after the copied ids', async () => {
  await fillEverything();
  for (const table of COPY_TABLES) expect([table, sqliteRows(table).length > 0]).toEqual([table, true]);
  const result = await copySqliteToPostgres(file, target.url);
  expect(result.nulValues).toBe(0);
  expect(result.counts.map((n) => n.table)).toEqual([...COPY_TABLES]);
  for (const n of result.counts) expect(n.target).toBe(n.source);

  const pool = openPool(target.url);
  try {
    for (const table of COPY_TABLES) {
      const copied = (await pool.query(`SELECT * FROM ${table}`)).rows as Record<string, unknown>[];
      expect([table, canonical(copied)]).toEqual([table, canonical(sqliteRows(table))]);
    }
  } finally {
    await pool.end();
  }

  const { store } = await openPostgresStore(target.url);
  try {
    expect(await store.people.reportsOf('M1')).toHaveLength(2);
    const next = await store.entries.add({ personId: 'U3', minutes: 5, kind: 'other', date: '2026-11-27', weekKey: '2026-W48', source: 'command' }, 30);
    expect(next.entry.id).toBeGreaterThan(Math.max(...sqliteRows('entries').map((r) => r.id as number)));
    expect((await store.settings.get()).budgetPercent).toBe(12.5);
  } finally {
    await store.close();
  }
});

it('copies a note an older Ballast stored with a NUL in it without the NUL, and says how many', async () => {
  const { store } = openSqliteStore(file);
  await store.people.upsertProfile(profile('U2'), 1);
  await store.entries.add({ personId: 'U2', minutes: 5, kind: 'other', date: '2026-11-26', weekKey: '2026-W48', source: 'command', note: 'a\u0000b' }, 2);
  await store.close();
  const out: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => out.push(l), env: {}, clock: { now: () => 0 } };
  expect(await runCli(['db', 'copy', '--from', file, '--to', target.url], io)).toBe(0);
  expect(out).toContain('1 value(s) held a NUL character, which PostgreSQL cannot store: copied without it');
  const pool = openPool(target.url);
  try {
    expect((await pool.query('SELECT note FROM entries')).rows).toEqual([{ note: 'ab' }]);
  } finally {
    await pool.end();
  }
});

it('refuses a target that already holds data, and changes nothing in it', async () => {
  await fillEverything();
  await copySqliteToPostgres(file, target.url);
  const refusal = copySqliteToPostgres(file, target.url);
  await expect(refusal).rejects.toThrow(CopyRefusedError);
  await expect(refusal).rejects.toThrow(/already holds data \(people, entries/);
  const pool = openPool(target.url);
  try {
    expect((await pool.query('SELECT COUNT(*) AS n FROM people')).rows[0].n).toBe(5);
  } finally {
    await pool.end();
  }
});

it('refuses a SQLite file that is not at this version, without touching it', async () => {
  const db = openDatabase(file);
  db.pragma('user_version = 1');
  db.close();
  await expect(copySqliteToPostgres(file, target.url)).rejects.toThrow(/schema version 1 .*npm run ballast -- migrate/);
  await expect(copySqliteToPostgres(path.join(dir, 'missing.db'), target.url)).rejects.toThrow(CopyRefusedError);
});

describe('npm run ballast -- db copy', () => {
  async function cli(args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), env: { DATABASE_PATH: path.join(dir, 'unused.db') }, clock: { now: () => 0 } };
    return { code: await runCli(args, io), out, err };
  }

  it('moves the whole file, prints each table with both counts, and never the password', async () => {
    await fillEverything();
    const r = await cli(['db', 'copy', '--from', file, '--to', target.url]);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.out).toContainEqual('entries: 3 → 3');
    expect(r.out[r.out.length - 1]).toMatch(/every table's count matches$/);
    const password = new URL(target.url).password;
    expect(password.length).toBeGreaterThan(0);
    expect(r.out.join('\n')).not.toContain(password);
    const { store } = await openPostgresStore(target.url);
    expect((await store.entries.allOf('U2')).map((e) => e.note)).toContain('a & b');
    await store.close();
  });

  it('refuses a second copy into the now full target, with exit code 1', async () => {
    await fillEverything();
    expect((await cli(['db', 'copy', '--from', file, '--to', target.url])).code).toBe(0);
    const again = await cli(['db', 'copy', '--from', file, '--to', target.url]);
    expect(again.code).toBe(1);
    expect(again.err.join('\n')).toMatch(/^db copy refused: .*already holds data/);
    expect(again.err.join('\n')).not.toContain(new URL(target.url).password);
  });

  it.each([
    [['db', 'copy', '--from', 'x.db']],
    [['db', 'copy', '--to', 'postgres://h/db']],
    [['db', 'copy', '--from', 'x.db', '--to', 'mysql://h/db']],
    [['db', 'move', '--from', 'x.db', '--to', 'postgres://h/db']],
  ])('answers %j with the usage and exit code 2', async (args) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.err.join('\n')).toContain('db copy needs both ends');
  });
});

describe('a many-workspace deployment', () => {
  it('rolls everything back when a tenant\'s schema is already taken, the main tables included', async () => {
    await fillTenants();
    const admin = openPool(target.url, { max: 1 });
    try {
      await admin.query('CREATE SCHEMA tenant_t1');
      const r = await cli(['db', 'copy', '--from', file, '--to', target.url]);
      expect(r.code).toBe(1);
      expect(r.err.join('\n')).toContain('already holds the schema tenant_t1');
      expect((await admin.query('SELECT COUNT(*)::int AS n FROM installations')).rows[0].n).toBe(0);
      expect((await admin.query("SELECT 1 FROM pg_namespace WHERE nspname = 'tenant_e1'")).rows).toEqual([]);
    } finally {
      await admin.end();
    }
  });

  async function cli(args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), env: { DATABASE_PATH: path.join(dir, 'unused.db') }, clock: { now: () => 0 } };
    return { code: await runCli(args, io), out, err };
  }
  /** Two tenants beside the main file, with colliding ids, and an installation each in the main file. */
  async function fillTenants(): Promise<void> {
    const { store: main } = openSqliteStore(file);
    for (const t of ['T1', 'E1']) {
      await main.installations.save({ tenantId: t, teamId: t.startsWith('T') ? t : null, enterpriseId: t.startsWith('E') ? t : null,
        isEnterpriseInstall: t.startsWith('E'), installerUserId: 'U2', botUserId: 'UB', installation: '{"bot":{}}' }, 1);
    }
    await main.close();
    const tenants = sqliteTenantStores(file);
    for (const [t, minutes] of [['T1', 30], ['E1', 45]] as const) {
      const s = await tenants.forTenant(t);
      await s.people.upsertProfile(profile('U2'), 1);
      await s.entries.add({ personId: 'U2', minutes, kind: 'respond', date: '2026-11-26', weekKey: '2026-W48', source: 'command' }, 2);
    }
    await tenants.close();
  }

  it('moves every tenant file into a schema of its own, in the same copy', async () => {
    await fillTenants();
    const r = await cli(['db', 'copy', '--from', file, '--to', target.url]);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.out).toEqual(expect.arrayContaining(['installations: 2 → 2', 'T1.entries: 1 → 1', 'E1.entries: 1 → 1',
      'with 2 workspace(s) of their own: E1 → schema tenant_e1, T1 → schema tenant_t1']));
    const admin = openPool(target.url, { max: 1 });
    const tenants = postgresTenantStores(target.url, admin);
    try {
      for (const [t, minutes] of [['T1', 30], ['E1', 45]] as const) {
        const s = await tenants.forTenant(t);
        expect((await s.entries.allOf('U2')).map((e) => e.minutes)).toEqual([minutes]);
        // Ids go on after the copied ones.
        const next = await s.entries.add({ personId: 'U2', minutes: 5, kind: 'share', date: '2026-11-27', weekKey: '2026-W48', source: 'command' }, 3);
        expect(next.entry.id).toBe(2);
      }
    } finally {
      await tenants.close();
      await admin.end();
    }
  });

  it('keeps nothing when one tenant file cannot be copied', async () => {
    await fillTenants();
    const stale = new Database(tenantFile(file, 'T1'));
    stale.pragma('user_version = 1');
    stale.close();
    const r = await cli(['db', 'copy', '--from', file, '--to', target.url]);
    expect(r.code).toBe(1);
    expect(r.err.join('\n')).toMatch(/tenants\/T1\.db is at schema version 1/);
    const admin = openPool(target.url, { max: 1 });
    try {
      expect((await admin.query("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tenant_%'")).rows).toEqual([]);
      // Refused before anything was written: not even the main schema's tables were made.
      expect((await admin.query("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")).rows).toEqual([]);
    } finally {
      await admin.end();
    }
  });
});

it('`backup` on PostgreSQL says to use pg_dump instead, with exit code 1', async () => {
  const err: string[] = [];
  const io: CliIo = { out: () => undefined, err: (l) => err.push(l), env: { DATABASE_URL: target.url }, clock: { now: () => 0 } };
  expect(await runCli(['backup', path.join(dir, 'x.db')], io)).toBe(1);
  expect(err.join('\n')).toContain('pg_dump --format=custom');
  expect(fs.existsSync(path.join(dir, 'x.db'))).toBe(false);
});
