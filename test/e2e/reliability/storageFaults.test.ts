// Storage faults: a locked or read-only database gets a clear "try again" and a log line, never a silent loss; backups restore.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { runCli } from '../../../src/cli';
import * as db from '../../support/db';
import { startTestApp, type TestApp } from '../../support/app';
import { recordFigures } from '../../support/figures';
import { LOG_MODAL as F, VIEWS } from '../../../src/slack/ids';

let t: TestApp;
const entries = (): Promise<number> => db.count(t, 'SELECT COUNT(*) FROM entries');
const text = (r: { body: unknown }): string => (r.body as { text?: string }).text ?? '';
const storageLogs = () => t.logs.filter((l) => typeof l.msg === 'string' && l.msg.endsWith('storage unavailable'));

beforeAll(async () => {
  t = await startTestApp();
  t.fake.addUser({ id: 'U100ADA', name: 'ada', tz: 'Europe/Berlin' });
  t.fake.addUser({ id: 'U101BEA', name: 'bea', tz: 'America/New_York' });
  expect(text(await t.slack.command('U100ADA', 'log 10m reply warm-up'))).toContain('Logged');
});
afterAll(() => t.close());
afterEach(() => expect(t.fake.rejections).toEqual([]));

describe('a database locked by another process', () => {
  let other: Database.Database;
  beforeEach(async () => {
    // The app waits this long for a lock before giving up (500 ms in production; shorter here to keep the test quick).
    await db.sqlitePragma(t, 'busy_timeout = 100');
    other = new Database(t.dbPath);
    other.exec('BEGIN EXCLUSIVE');
  });
  afterEach(async () => {
    if (other.inTransaction) other.exec('ROLLBACK');
    other.close();
    await db.sqlitePragma(t, 'busy_timeout = 500');
  });

  it('answers a slash command with "try again", logs SQLITE_BUSY, and stores nothing', async () => {
    const before = await entries();
    const logsBefore = storageLogs().length;
    const r = await t.slack.command('U100ADA', 'log 30m reply locked out');
    expect(r.status).toBe(200);
    expect(text(r)).toContain('Nothing was recorded; please try again');
    const lines = storageLogs().slice(logsBefore);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 50, kind: 'busy', code: 'SQLITE_BUSY', userId: 'U100ADA' });
    other.exec('ROLLBACK');
    expect(await entries()).toBe(before);
    // Once the lock is gone the same command works.
    expect(text(await t.slack.command('U100ADA', 'log 30m reply locked out'))).toContain('Logged');
    expect(await entries()).toBe(before + 1);
    recordFigures('storageLocked', { fault: 'BEGIN EXCLUSIVE from a second connection', reply: 'try again', logCode: 'SQLITE_BUSY', entriesStoredWhileLocked: 0, storedAfterUnlock: 1 });
  });

  it('keeps the log modal open with a "try again" error instead of closing it as if saved', async () => {
    const before = await entries();
    const r = await t.slack.viewSubmission({
      userId: 'U101BEA', callbackId: VIEWS.logModal, viewId: 'V0LOCKED',
      values: { [F.minutesBlock]: { [F.minutesAction]: '25m' } },
    });
    expect(r.status).toBe(200);
    const body = r.body as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(body.errors[F.minutesBlock]).toContain('try again');
    other.exec('ROLLBACK');
    expect(await entries()).toBe(before);
  });
});

describe('a database locked for longer than the production busy_timeout', () => {
  it('still acknowledges within 3 seconds, even for a new person whose first command needs three writes', async () => {
    t.fake.addUser({ id: 'U102CAT', name: 'cat' });
    // The test app records every new user as already welcomed; that write must land before the lock.
    await t.welcomeMarks();
    const other = new Database(t.dbPath);
    other.exec('BEGIN EXCLUSIVE');
    try {
      const started = performance.now();
      const r = await t.slack.command('U102CAT', 'log 30m reply while locked');
      const ackMs = performance.now() - started;
      expect(text(r)).toContain('please try again');
      expect(ackMs).toBeLessThan(3000);
      recordFigures('storageLockedAckLatency', { busyTimeoutMs: 500, ackMs: Math.round(ackMs), reply: 'try again' });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  });
});

describe('a read-only database', () => {
  afterEach(() => db.sqlitePragma(t, 'query_only = OFF'));

  it('answers "try again", logs SQLITE_READONLY, and the week still reads', async () => {
    await db.sqlitePragma(t, 'query_only = ON');
    const before = await entries();
    const logsBefore = storageLogs().length;
    const r = await t.slack.command('U100ADA', 'log 15m comment read only');
    expect(text(r)).toContain('please try again');
    expect(storageLogs().slice(logsBefore)).toEqual([expect.objectContaining({ kind: 'readonly', code: expect.stringMatching(/^SQLITE_READONLY/) })]);
    expect(await entries()).toBe(before);
    expect(text(await t.slack.command('U100ADA', 'week'))).toMatch(/\d+m/);
    recordFigures('storageReadOnly', { fault: 'PRAGMA query_only = ON', reply: 'try again', logCode: 'SQLITE_READONLY', entriesStored: 0 });
  });
});

describe('online backup', () => {
  it('writes a backup while the app serves, and the app started on the restored file reads the week back', async () => {
    for (const note of ['backup one', 'backup two', 'backup three']) {
      expect(text(await t.slack.command('U101BEA', `log 20m share ${note}`))).toContain('Logged');
    }
    const backupFile = path.join(t.dir, 'backup', 'ballast-backup.db');
    fs.mkdirSync(path.dirname(backupFile), { recursive: true });
    const out: string[] = [];
    const code = await runCli(['backup', backupFile], {
      out: (l) => out.push(l), err: (l) => out.push(l), env: { DATABASE_PATH: t.dbPath }, clock: t.clock,
    });
    expect(code).toBe(0);
    expect(out.join('\n')).toContain(`backup written to ${backupFile}`);
    const originalWeek = text(await t.slack.command('U101BEA', 'week'));

    // Restore: copy the backup where a fresh deployment keeps its database, then start Ballast on it.
    const restoreDir = fs.mkdtempSync(path.join(t.dir, 'restore-'));
    fs.copyFileSync(backupFile, path.join(restoreDir, 'ballast.db'));
    const check = new Database(path.join(restoreDir, 'ballast.db'), { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    const restoredEntries = (check.prepare('SELECT COUNT(*) AS n FROM entries').get() as { n: number }).n;
    check.close();
    const restored = await startTestApp({ dir: restoreDir, fakeSlack: t.fake, now: new Date(t.clock.now()).toISOString() });
    try {
      expect(text(await restored.slack.command('U101BEA', 'week'))).toBe(originalWeek);
      expect(text(await restored.slack.command('U101BEA', 'log 5m after restore'))).toContain('Logged');
    } finally {
      await restored.close();
    }
    expect(restoredEntries).toBe(await entries());
    recordFigures('backupRestore', { entriesInBackup: restoredEntries, integrityCheck: 'ok', weekReadBack: true });
  });
});
