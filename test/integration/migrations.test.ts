// Migrations against a real SQLite file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseTooNewError, loadMigrations, migrate, openDatabase } from '../../src/store/db';
import { openConfiguredStore } from '../../src/composition';

const tmp = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ballast-mig-')), 'sub', 'b.db');

it('creates every table on a fresh file, in WAL mode with foreign keys on', () => {
  const db = openDatabase(tmp());
  const r = migrate(db);
  expect(r.from).toBe(0);
  expect(r.to).toBe(loadMigrations().length);
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
  expect(tables).toEqual(expect.arrayContaining(['people', 'entries', 'claims', 'settings', 'strain', 'assignments', 'holidays', 'events_seen']));
  expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
  expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  expect(db.pragma('user_version', { simple: true })).toBe(r.to);
  db.close();
});

it('applies nothing the second time', () => {
  const file = tmp();
  const db = openDatabase(file);
  migrate(db);
  expect(migrate(db).applied).toEqual([]);
  db.close();
});

it('refuses a database from the future and leaves it untouched', () => {
  const db = openDatabase(tmp());
  db.pragma('user_version = 99');
  expect(() => migrate(db)).toThrow(DatabaseTooNewError);
  expect(db.pragma('user_version', { simple: true })).toBe(99);
  db.close();
});

it('rolls back a failing migration whole, leaving the version where it was', () => {
  const db = openDatabase(tmp());
  const broken = [
    { version: 1, name: '0001_ok.sql', sql: 'CREATE TABLE a (x INTEGER) STRICT;' },
    { version: 2, name: '0002_bad.sql', sql: 'CREATE TABLE b (x INTEGER) STRICT; INSERT INTO nowhere VALUES (1);' },
  ];
  expect(() => migrate(db, broken)).toThrow(/nowhere/);
  expect(db.pragma('user_version', { simple: true })).toBe(1);
  expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'b'").get()).toBeUndefined();
  db.close();
});

it('keeps tables STRICT, so a wrong type is refused rather than stored', () => {
  const db = openDatabase(tmp());
  migrate(db);
  db.prepare("INSERT INTO people (id, created_at) VALUES ('U1', 0)").run();
  expect(() => db.prepare("INSERT INTO entries (person_id, minutes, kind, date, week_key, source, created_at) VALUES ('U1', 'lots', 'other', '2026-01-01', '2026-W01', 'command', 0)").run()).toThrow();
  db.close();
});

it('upgrades a database made by an earlier version, keeping its rows', () => {
  const file = tmp();
  const all = loadMigrations();
  const old = openDatabase(file);
  migrate(old, all.slice(0, 1));
  old.prepare("INSERT INTO people (id, created_at) VALUES ('U1', 0)").run();
  old.close();
  const db = openDatabase(file);
  const r = migrate(db);
  expect(r.from).toBe(1);
  expect(r.applied).toEqual(all.slice(1).map((m) => m.name));
  expect(db.prepare('SELECT id FROM people').all()).toEqual([{ id: 'U1' }]);
  expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'strain_week'").get()).toBeDefined();
  db.close();
});

describe('0003: budget history backfill', () => {
  function databaseAt(version: number): { file: string; db: ReturnType<typeof openDatabase> } {
    const file = tmp();
    const db = openDatabase(file);
    migrate(db, loadMigrations().slice(0, version));
    return { file, db };
  }

  it("turns everyone's current budget and hours into their history from the beginning, and the org's budget percent too", () => {
    const { db } = databaseAt(2);
    const person = db.prepare('INSERT INTO people (id, weekly_hours, budget_minutes, budget_set_by, created_at) VALUES (?, ?, ?, ?, 0)');
    person.run('U1', 40, null, null);
    person.run('U2', 20, null, null);
    person.run('U3', 32, 180, 'U9');
    db.prepare("INSERT INTO settings (key, value) VALUES ('budgetPercent', '12.5')").run();
    migrate(db);
    expect(db.prepare('SELECT * FROM budget_history ORDER BY person_id').all()).toEqual([
      { person_id: 'U1', week_key: '0000-W00', budget_minutes: null, budget_set_by: null, weekly_hours: 40, changed_by: null, changed_at: 0 },
      { person_id: 'U2', week_key: '0000-W00', budget_minutes: null, budget_set_by: null, weekly_hours: 20, changed_by: null, changed_at: 0 },
      { person_id: 'U3', week_key: '0000-W00', budget_minutes: 180, budget_set_by: 'U9', weekly_hours: 32, changed_by: null, changed_at: 0 },
    ]);
    expect(db.prepare('SELECT changed_at, budget_percent, changed_by FROM budget_percent_history').all())
      .toEqual([{ changed_at: 0, budget_percent: 12.5, changed_by: null }]);
    db.close();
  });

  it('starts the org at the default 10% when no budget percent was ever set, or a hand-edited one is not a number', () => {
    for (const stored of [null, '"lots"', 'not json']) {
      const { db } = databaseAt(2);
      if (stored !== null) db.prepare("INSERT INTO settings (key, value) VALUES ('budgetPercent', ?)").run(stored);
      migrate(db);
      expect(db.prepare('SELECT budget_percent FROM budget_percent_history').all()).toEqual([{ budget_percent: 10 }]);
      db.close();
    }
  });

  it('shows an upgraded database\'s past weeks with the budgets they had', async () => {
    const { file, db } = databaseAt(2);
    db.prepare("INSERT INTO people (id, tz, weekly_hours, budget_minutes, created_at) VALUES ('U1', 'Europe/Berlin', 20, NULL, 0)").run();
    db.close();
    const { store } = openConfiguredStore({ databasePath: file });
    try {
      expect(await store.budgetHistory.ofPerson('U1')).toEqual([
        { weekKey: '0000-W00', budgetMinutes: null, budgetSetBy: null, weeklyHours: 20, changedBy: null, changedAt: 0 },
      ]);
      // A later change holds from its own week; the backfilled row keeps every week before it.
      await store.people.setHours('U1', 40, { fromWeek: '2026-W49', by: 'U1', now: 1 });
      expect((await store.budgetHistory.ofPerson('U1')).map((r) => [r.weekKey, r.weeklyHours])).toEqual([['0000-W00', 20], ['2026-W49', 40]]);
    } finally {
      await store.close();
    }
  });
});
