// Migrations against a real SQLite file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseTooNewError, loadMigrations, migrate, openDatabase } from '../../src/store/db';

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
