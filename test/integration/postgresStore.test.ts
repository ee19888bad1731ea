// What only PostgreSQL can show: several pools (replicas) at once on one database, the migration
// runner under its advisory lock, version refusal, and the operations entry points.
import { Pool } from 'pg';
import { DatabaseTooNewError } from '../../src/store/db';
import { createPostgresStore, openPostgresStore, type PostgresStore } from '../../src/store/postgres';
import { loadPostgresMigrations, MIGRATION_LOCK_KEY, migratePostgres, openPool, redactUrl, schemaVersion } from '../../src/store/postgres/db';
import type { SlackProfile } from '../../src/core/model';
import { freshDatabase, freshPostgresStore, type TestDatabase } from '../support/postgres';

const profile = (id: string): SlackProfile => ({
  id, teamId: 'T1', name: id.toLowerCase(), realName: id, email: null, tz: 'UTC',
  isBot: false, deleted: false, statusText: '', statusEmoji: '', statusExpiration: 0,
});

describe('three replicas on one database', () => {
  let db: TestDatabase;
  let pools: Pool[];
  let replicas: PostgresStore[];
  beforeEach(async () => {
    db = await freshDatabase();
    const first = await openPostgresStore(db.url);
    // Separate pools, as separate processes would have: their statements really run side by side.
    // 300 claims at once queue for 4 clients each: a queued request must outwait a pause of the whole
    // test process (a full in-band run's long GC), not fail at the production pool's 5 s.
    pools = [0, 1, 2].map(() => openPool(db.url, { max: 4, connectionTimeoutMillis: 30_000 }));
    replicas = pools.map((p) => createPostgresStore(p));
    await first.store.close();
    for (const id of ['L1', 'U1']) await replicas[0].people.upsertProfile(profile(id), 1);
  });
  afterEach(async () => {
    for (const r of replicas) await r.close();
    await db.drop();
  });

  it('grants each claim to exactly one of many concurrent claimants', async () => {
    const keys = Array.from({ length: 50 }, (_, i) => ({ job: 'checkin', subject: `U${i}`, period: '2026-11-26' }));
    // Every replica asks for every key at the same time, twice over.
    const won = await Promise.all(keys.flatMap((k) => [...replicas, ...replicas].map((r) => r.claims.claim(k, 1))));
    const perKey = keys.map((_, i) => won.slice(i * 6, i * 6 + 6).filter(Boolean).length);
    expect(perKey).toEqual(keys.map(() => 1));
    expect(await replicas[2].claims.ofJob('checkin')).toHaveLength(50);
  });

  it('lets exactly one of many concurrent compare-and-sets move an assignment, and its move is what stays', async () => {
    for (let round = 0; round < 5; round += 1) {
      const { assignment } = await replicas[0].assignments.create(
        { leadId: 'L1', assigneeId: 'U1', link: `https://x.com/${round}`, brief: null, estimateMinutes: 15, dueAt: 100 }, 1);
      // An accept delivered to every replica, the reminders job expiring it, and a decline, all at once.
      const targets = ['accepted', 'accepted', 'accepted', 'expired', 'declined'] as const;
      const moves = await Promise.all(targets.map((to, i) =>
        replicas[i % 3].assignments.transition(assignment.id, 'offered', to, 10 + i, to === 'declined' ? { declineReason: 'other' } : {})));
      expect(moves.filter(Boolean)).toHaveLength(1);
      const winner = moves.indexOf(true);
      const after = (await replicas[0].assignments.get(assignment.id))!;
      expect([after.state, after.updatedAt]).toEqual([targets[winner], 10 + winner]);
      expect(after.declineReason).toBe(targets[winner] === 'declined' ? 'other' : null);
    }
  });

  it('completes an assignment once, entry and state together, when the submission reaches every replica', async () => {
    const { assignment } = await replicas[0].assignments.create(
      { leadId: 'L1', assigneeId: 'U1', link: 'https://x.com/done', brief: null, estimateMinutes: 15, dueAt: 100 }, 1);
    const entry = { personId: 'U1', minutes: 25, kind: 'respond' as const, link: 'https://x.com/done', date: '2026-11-26', weekKey: '2026-W48',
      source: 'assignment' as const, assignmentId: assignment.id, dedupeKey: `assignment:${assignment.id}` };
    const results = await Promise.all(replicas.map((r) => r.assignments.completeWithEntry(assignment.id, ['offered', 'accepted', 'expired'], entry, 5)));
    expect(results.filter((r) => r.moved)).toHaveLength(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.entry?.id)).size).toBe(1);
    expect(await replicas[0].assignments.get(assignment.id)).toMatchObject({ state: 'done', doneMinutes: 25, entryId: results[0].entry?.id });
    expect(await replicas[0].entries.minutesBetween('U1', '2026-11-23', '2026-11-29')).toBe(25);
  });

  it('logs nothing when completing fails half way: the entry goes with the state change', async () => {
    const { assignment } = await replicas[0].assignments.create(
      { leadId: 'L1', assigneeId: 'U1', link: 'https://x.com/half', brief: null, estimateMinutes: 15, dueAt: 100 }, 1);
    // A state the table refuses makes the second statement fail after the entry was inserted.
    await pools[0].query('ALTER TABLE assignments ADD CONSTRAINT no_done_today CHECK (state <> \'done\') NOT VALID');
    const entry = { personId: 'U1', minutes: 25, kind: 'respond' as const, date: '2026-11-26', weekKey: '2026-W48', source: 'assignment' as const,
      dedupeKey: `assignment:${assignment.id}` };
    await expect(replicas[1].assignments.completeWithEntry(assignment.id, ['offered'], entry, 5)).rejects.toMatchObject({ code: '23514' });
    expect(await replicas[0].entries.allOf('U1')).toEqual([]);
    expect((await replicas[0].assignments.get(assignment.id))!.state).toBe('offered');
  });

  it('stores one open offer when the same offer reaches every replica at once', async () => {
    const offer = { leadId: 'L1', assigneeId: 'U1', link: 'https://x.com/2', brief: null, estimateMinutes: 15, dueAt: 100 };
    const results = await Promise.all([...replicas, ...replicas].map((r) => r.assignments.create(offer, 1)));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.assignment.id)).size).toBe(1);
    expect(await replicas[0].assignments.ofAssignee('U1')).toHaveLength(1);
  });

  it('logs a twice-delivered click once, and both deliveries see the same entry', async () => {
    const e = { personId: 'U1', minutes: 15, kind: 'other' as const, date: '2026-11-26', weekKey: '2026-W48', source: 'checkin' as const, dedupeKey: 'click:1' };
    const results = await Promise.all(replicas.map((r) => r.entries.add(e, 1)));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.entry?.id)).size).toBe(1);
    expect(await replicas[0].entries.minutesBetween('U1', '2026-11-23', '2026-11-29')).toBe(15);
  });

  it('handles a redelivered event on one replica only', async () => {
    const first = await Promise.all([...replicas, ...replicas].map((r) => r.events.firstSighting('Ev1', 1)));
    expect(first.filter(Boolean)).toHaveLength(1);
  });

  it('keeps one start row in the budget percent history when admins change it on two replicas at once', async () => {
    // A database whose history is empty (as if copied in without it) takes the guarded start row.
    await pools[0].query('DELETE FROM budget_percent_history');
    await Promise.all([replicas[0].settings.setBudgetPercent(12, 'U1', 5), replicas[1].settings.setBudgetPercent(14, 'U2', 6)]);
    const history = await replicas[2].budgetHistory.percentChanges();
    expect(history.filter((h) => h.at === 0)).toHaveLength(1);
    expect(history).toHaveLength(3);
  });

  it('records each of many concurrent changes to one person\'s hours in their history, none lost', async () => {
    await Promise.all([20, 30, 25].map((h, i) => replicas[i].people.setHours('U1', h, { fromWeek: `2026-W4${i + 1}`, by: 'U1', now: i })));
    const history = await replicas[0].budgetHistory.ofPerson('U1');
    expect(history.map((h) => h.weekKey)).toEqual(['0000-W00', '2026-W41', '2026-W42', '2026-W43']);
    expect(history[0].weeklyHours).toBe(40);
  });
});

describe('migrations', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await freshDatabase();
  });
  afterEach(() => db.drop());

  it('applies every file once when three replicas start at the same moment', async () => {
    const pools = [0, 1, 2].map(() => new Pool({ connectionString: db.url, max: 1 }));
    try {
      const results = await Promise.all(pools.map((p) => migratePostgres(p)));
      const all = loadPostgresMigrations().map((m) => m.name);
      expect(results.map((r) => r.applied.length).sort()).toEqual([0, 0, all.length]);
      expect(results.find((r) => r.applied.length > 0)!.applied).toEqual(all);
      expect(await schemaVersion(pools[0])).toBe(all.length);
      // A second run finds nothing to do.
      expect((await migratePostgres(pools[1])).applied).toEqual([]);
    } finally {
      for (const p of pools) await p.end();
    }
  });

  it('starts on an up-to-date database that takes no writes (a standby), and reads from it', async () => {
    const name = new URL(db.url).pathname.slice(1);
    const admin = new Pool({ connectionString: db.url, max: 1 });
    try {
      await migratePostgres(admin);
      await admin.query(`ALTER DATABASE "${name}" SET default_transaction_read_only = on`);
      const { store, migration } = await openPostgresStore(db.url);
      try {
        expect(migration).toEqual({ from: loadPostgresMigrations().length, to: loadPostgresMigrations().length, applied: [] });
        expect(await store.people.listAll()).toEqual([]);
        await expect(store.settings.set('hourlyCost', 80)).rejects.toMatchObject({ name: 'StorageError', kind: 'readonly', code: '25006' });
      } finally {
        await store.close();
      }
    } finally {
      await admin.query(`ALTER DATABASE "${name}" RESET default_transaction_read_only`);
      await admin.end();
    }
  });

  it('waits for a migration in progress before starting on an up-to-date schema, and is refused if it went further', async () => {
    const pool = new Pool({ connectionString: db.url, max: 2 });
    const migrating = await pool.connect();
    try {
      await migratePostgres(pool);
      // Another process (a newer Ballast) holds the lock and is moving the schema on.
      await migrating.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      const starting = openPostgresStore(db.url);
      await new Promise((r) => setTimeout(r, 300));
      await migrating.query('UPDATE schema_version SET version = version + 1');
      await migrating.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
      await expect(starting).rejects.toThrow(DatabaseTooNewError);
    } finally {
      migrating.release();
      await pool.end();
    }
  });

  it('refuses a database from the future with the SQLite wording, and leaves it untouched', async () => {
    const pool = new Pool({ connectionString: db.url });
    try {
      await migratePostgres(pool);
      await pool.query('UPDATE schema_version SET version = 99');
      const refusal = migratePostgres(pool);
      await expect(refusal).rejects.toThrow(DatabaseTooNewError);
      await expect(refusal).rejects.toThrow(`The database is at schema version 99, but this Ballast only knows up to ${loadPostgresMigrations().length}.`);
      expect(await schemaVersion(pool)).toBe(99);
      await expect(openPostgresStore(db.url)).rejects.toThrow(DatabaseTooNewError);
    } finally {
      await pool.end();
    }
  });

  it('rolls back a failing migration whole, leaving the version where it was', async () => {
    const pool = new Pool({ connectionString: db.url });
    try {
      const broken = [
        { version: 1, name: '0001_ok.sql', sql: 'CREATE TABLE a (x INTEGER);' },
        { version: 2, name: '0002_bad.sql', sql: 'CREATE TABLE b (x INTEGER); INSERT INTO nowhere VALUES (1);' },
      ];
      await expect(migratePostgres(pool, broken)).rejects.toThrow(/nowhere/);
      expect(await schemaVersion(pool)).toBe(1);
      expect((await pool.query("SELECT to_regclass('b') AS t")).rows[0].t).toBeNull();
      // The lock was given back: another runner is not left waiting.
      expect((await migratePostgres(pool, broken.slice(0, 1))).applied).toEqual([]);
    } finally {
      await pool.end();
    }
  });

  it('upgrades a database made by an earlier version, backfilling the budget history from its rows', async () => {
    const pool = openPool(db.url);
    try {
      const all = loadPostgresMigrations();
      await migratePostgres(pool, all.slice(0, 2));
      await pool.query("INSERT INTO people (id, weekly_hours, budget_minutes, budget_set_by, created_at) VALUES ('U1', 20, NULL, NULL, 0), ('U2', 32, 180, 'U9', 0)");
      await pool.query("INSERT INTO settings (key, value) VALUES ('budgetPercent', '12.5')");
      const r = await migratePostgres(pool);
      expect(r).toEqual({ from: 2, to: all.length, applied: all.slice(2).map((m) => m.name) });
      expect((await pool.query('SELECT person_id, week_key, budget_minutes, weekly_hours FROM budget_history ORDER BY person_id')).rows).toEqual([
        { person_id: 'U1', week_key: '0000-W00', budget_minutes: null, weekly_hours: 20 },
        { person_id: 'U2', week_key: '0000-W00', budget_minutes: 180, weekly_hours: 32 },
      ]);
      expect((await pool.query('SELECT changed_at, budget_percent FROM budget_percent_history')).rows).toEqual([{ changed_at: 0, budget_percent: 12.5 }]);
    } finally {
      await pool.end();
    }
  });

  it.each([['"lots"'], ['not json'], ['250']])('starts the org at 10%% when the stored budget percent is %s', async (stored) => {
    const pool = new Pool({ connectionString: db.url });
    try {
      const all = loadPostgresMigrations();
      await migratePostgres(pool, all.slice(0, 2));
      await pool.query("INSERT INTO settings (key, value) VALUES ('budgetPercent', $1)", [stored]);
      await migratePostgres(pool);
      expect((await pool.query('SELECT budget_percent FROM budget_percent_history')).rows).toEqual([{ budget_percent: 10 }]);
    } finally {
      await pool.end();
    }
  });
});

describe('the store as operations see it', () => {
  it('answers ping, refuses a backup naming pg_dump, and refuses bad rows at the database level', async () => {
    const t = await freshPostgresStore();
    try {
      expect(await t.store.ping()).toBe(true);
      await expect(t.store.backup('/tmp/x.db')).rejects.toThrow(/pg_dump --format=custom/);
      await t.store.people.upsertProfile(profile('U1'), 1);
      await expect(t.store.entries.add({ personId: 'U1', minutes: 721, kind: 'other', date: '2026-11-26', weekKey: '2026-W48', source: 'command' }, 1))
        .rejects.toMatchObject({ code: '23514' });
      // Epoch milliseconds come back as numbers, not strings.
      expect((await t.store.people.get('U1'))!.createdAt).toBe(1);
      await t.store.claims.claim({ job: 'j', subject: 's', period: 'p' }, 1_800_000_000_000);
      expect((await t.store.claims.get({ job: 'j', subject: 's', period: 'p' }))!.claimedAt).toBe(1_800_000_000_000);
    } finally {
      await t.close();
    }
    await expect(t.store.ping()).rejects.toThrow();
  });

  it('streams an export of many pages in date, person, id order, each entry once', async () => {
    const t = await freshPostgresStore();
    try {
      for (const id of ['U1', 'U2']) await t.store.people.upsertProfile(profile(id), 1);
      // 2,501 entries over 30 days and two people: more than two pages of the export's 1,000.
      const pool = openPool(t.url);
      await pool.query(`INSERT INTO entries (person_id, minutes, kind, date, week_key, source, created_at)
        SELECT CASE WHEN i % 2 = 0 THEN 'U1' ELSE 'U2' END, 1 + i % 60, 'other',
               to_char(DATE '2026-11-01' + (i % 30), 'YYYY-MM-DD'), '2026-W45', 'command', i
        FROM generate_series(1, 2501) AS i`);
      await pool.end();
      const seen: { date: string; personId: string; id: number }[] = [];
      for await (const e of t.store.reporting.iterateEntries('2026-11-01', '2026-11-30')) seen.push(e);
      expect(seen).toHaveLength(2501);
      expect(new Set(seen.map((e) => e.id)).size).toBe(2501);
      const key = (e: { date: string; personId: string; id: number }) => `${e.date}|${e.personId}|${String(e.id).padStart(6, '0')}`;
      expect(seen.map(key)).toEqual(seen.map(key).sort());
      expect(seen).toEqual(await t.store.entries.allBetween('2026-11-01', '2026-11-30'));
    } finally {
      await t.close();
    }
  });

  it('fails ping (so /healthz answers 503) when the server is gone', async () => {
    const gone = createPostgresStore(openPool('postgres://ballast:pw@127.0.0.1:9/ballast'));
    await expect(gone.ping()).rejects.toThrow();
    await gone.close();
  });

  it('never puts the password in the error when the server refuses the connection', async () => {
    const db = await freshDatabase();
    try {
      const wrong = new URL(db.url);
      wrong.password = 'not-the-secret-pw';
      const failure = await openPostgresStore(wrong.toString()).catch((e: Error) => e);
      expect(failure).toBeInstanceOf(Error);
      expect((failure as Error).message).toMatch(/could not open the PostgreSQL database at postgres:\/\/postgres:\*\*\*@/);
      expect((failure as Error).message).not.toContain('not-the-secret-pw');
      expect(redactUrl(db.url)).not.toContain(new URL(db.url).password);
    } finally {
      await db.drop();
    }
  });
});
