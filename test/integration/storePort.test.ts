// The SQLite store behind the port: completing an assignment in one transaction, exports streamed
// asynchronously while the app keeps serving, and failures thrown as classified StorageErrors.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openConfiguredStore, type RawDatabase } from '../../src/composition';
import { StorageError, type Store } from '../../src/services/store';
import type { NewEntry } from '../../src/core/model';
import { sqliteKind } from '../../src/store/errors';
import * as db from '../support/db';

const NOW = Date.parse('2026-11-26T10:00:00Z');
let dir: string;
let store: Store;
let raw: RawDatabase;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ballast-port-'));
  ({ store, raw } = openConfiguredStore({ databasePath: path.join(dir, 'ballast.db') }));
  for (const id of ['U1LEAD', 'U2ADA']) {
    await store.people.upsertProfile({
      id, teamId: 'T1', name: id, realName: id, email: null, tz: 'UTC', isBot: false, deleted: false, statusText: '', statusEmoji: '', statusExpiration: 0,
    }, NOW);
  }
});
afterEach(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const offer = async () =>
  (await store.assignments.create({ leadId: 'U1LEAD', assigneeId: 'U2ADA', link: 'https://x.com/1', brief: null, estimateMinutes: 20, dueAt: NOW + 3_600_000 }, NOW)).assignment;
const entryOf = (assignmentId: number, minutes: number): NewEntry => ({
  personId: 'U2ADA', minutes, kind: 'respond', link: 'https://x.com/1', date: '2026-11-26', weekKey: '2026-W48', source: 'assignment',
  assignmentId, dedupeKey: `assignment:${assignmentId}`,
});
const FROM = ['offered', 'accepted', 'expired'] as const;

describe('assignments.completeWithEntry', () => {
  it('logs the entry and moves the assignment to done with it, in one call', async () => {
    const a = await offer();
    const done = await store.assignments.completeWithEntry(a.id, FROM, entryOf(a.id, 35), NOW + 1);
    expect(done).toMatchObject({ created: true, moved: true, entry: { minutes: 35, assignmentId: a.id, source: 'assignment' } });
    expect(done.assignment).toMatchObject({ state: 'done', doneMinutes: 35, entryId: done.entry!.id, updatedAt: NOW + 1 });
    expect(await db.rows(raw, 'SELECT minutes FROM entries WHERE assignment_id = ?', a.id)).toEqual([{ minutes: 35 }]);
  });

  it('changes nothing on a second submission (a double click): the first entry comes back, not moved, not created', async () => {
    const a = await offer();
    const first = await store.assignments.completeWithEntry(a.id, FROM, entryOf(a.id, 35), NOW + 1);
    const second = await store.assignments.completeWithEntry(a.id, FROM, entryOf(a.id, 50), NOW + 2);
    expect(second).toEqual({ entry: first.entry, created: false, moved: false, assignment: first.assignment });
    expect(await db.count(raw, 'SELECT COUNT(*) FROM entries')).toBe(1);
  });

  it('writes nothing for an assignment that was declined meanwhile', async () => {
    const a = await offer();
    await store.assignments.transition(a.id, 'offered', 'declined', NOW, { declineReason: 'other' });
    const done = await store.assignments.completeWithEntry(a.id, FROM, entryOf(a.id, 35), NOW + 1);
    expect(done).toMatchObject({ entry: null, created: false, moved: false, assignment: { state: 'declined' } });
    expect(await db.count(raw, 'SELECT COUNT(*) FROM entries')).toBe(0);
  });

  it('rolls the entry back when the move fails: no entry without its done assignment', async () => {
    const a = await offer();
    // A failure inside the transaction after the insert: the trigger refuses the assignment's update.
    await db.exec(raw, `CREATE TRIGGER refuse_done BEFORE UPDATE ON assignments WHEN NEW.state = 'done'
      BEGIN SELECT RAISE(ABORT, 'refused'); END`);
    await expect(store.assignments.completeWithEntry(a.id, FROM, entryOf(a.id, 35), NOW + 1)).rejects.toBeInstanceOf(StorageError);
    expect(await db.count(raw, 'SELECT COUNT(*) FROM entries')).toBe(0);
    expect((await store.assignments.get(a.id))!.state).toBe('offered');
  });
});

describe('reporting.iterateEntries', () => {
  it('streams entries in date order while other store calls run between the rows', async () => {
    for (const [i, date] of ['2026-11-20', '2026-11-18', '2026-11-22'].entries()) {
      await store.entries.add({ personId: 'U2ADA', minutes: 10 + i, kind: 'comment', date, weekKey: '2026-W47', source: 'command' }, NOW);
    }
    const seen: string[] = [];
    for await (const e of store.reporting.iterateEntries('2026-11-01', '2026-11-30')) {
      seen.push(e.date);
      // A request served in the middle of an export: the same connection is not held by the export.
      await store.entries.add({ personId: 'U1LEAD', minutes: 5, kind: 'other', date: '2026-12-01', weekKey: '2026-W49', source: 'command' }, NOW);
    }
    expect(seen).toEqual(['2026-11-18', '2026-11-20', '2026-11-22']);
    expect(await db.count(raw, "SELECT COUNT(*) FROM entries WHERE person_id = 'U1LEAD'")).toBe(3);
  });
});

describe('storage errors', () => {
  it.each([
    ['SQLITE_BUSY', 'busy'],
    ['SQLITE_BUSY_SNAPSHOT', 'busy'],
    ['SQLITE_LOCKED', 'busy'],
    ['SQLITE_FULL', 'full'],
    ['SQLITE_READONLY', 'readonly'],
    ['SQLITE_READONLY_DBMOVED', 'readonly'],
    ['SQLITE_CORRUPT', 'corrupt'],
    ['SQLITE_NOTADB', 'corrupt'],
    ['SQLITE_CONSTRAINT_UNIQUE', 'constraint'],
    ['SQLITE_IOERR_WRITE', 'unavailable'],
    ['SQLITE_CANTOPEN', 'unavailable'],
    ['SQLITE_MISMATCH', 'unknown'],
  ])('classifies %s as %s', (code, kind) => {
    expect(sqliteKind(code)).toBe(kind);
  });

  it('leaves what is not a SQLite error alone', () => {
    expect(sqliteKind('ECONNRESET')).toBeUndefined();
    expect(sqliteKind(undefined)).toBeUndefined();
  });

  it('throws a StorageError of kind readonly from a write on a read-only connection', async () => {
    await db.sqlitePragma(raw, 'query_only = ON');
    const err = await store.settings.set('hourlyCost', 80).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect(err).toMatchObject({ kind: 'readonly', code: expect.stringMatching(/^SQLITE_READONLY/) });
    await db.sqlitePragma(raw, 'query_only = OFF');
  });

  it('throws a StorageError of kind busy when another process holds the write lock', async () => {
    await db.sqlitePragma(raw, 'busy_timeout = 50');
    const other = new Database(path.join(dir, 'ballast.db'));
    other.exec('BEGIN EXCLUSIVE');
    try {
      await expect(store.strain.record('U2ADA', '2026-W48', 'none', NOW)).rejects.toMatchObject({ name: 'StorageError', kind: 'busy', code: 'SQLITE_BUSY' });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  });
});
