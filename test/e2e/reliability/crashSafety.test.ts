// A host killed mid-stream (SIGKILL): every acknowledged entry survives, the file is intact, nothing is doubled.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { startFakeSlack, type FakeSlack } from '../../support/fakeSlack';
import { spawnBallast } from '../../support/childApp';
import { recordFigures } from '../../support/figures';

let fake: FakeSlack;
let dir: string;
beforeAll(async () => {
  fake = await startFakeSlack();
  fake.addUser({ id: 'U100ADA', name: 'ada', tz: 'Europe/Berlin' });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ballast-crash-'));
});
afterAll(() => fake.close());

it('keeps every acknowledged /ballast log through a SIGKILL, with an intact file and no duplicates', async () => {
  const dbPath = path.join(dir, 'ballast.db');
  const first = await spawnBallast({ fake, dbPath });
  const acknowledged: string[] = [];
  const unanswered: string[] = [];
  let sent = 0;
  let killed = false;
  const KILL_AFTER = 300;
  const worker = async (w: number): Promise<void> => {
    for (let i = 0; !killed; i += 1) {
      const note = `crash-w${w}-n${i}`;
      sent += 1;
      try {
        const r = await first.slack.command('U100ADA', `log 1m reply ${note}`);
        const text = (r.body as { text?: string }).text ?? '';
        if (r.status === 200 && text.startsWith('Logged')) acknowledged.push(note);
        else unanswered.push(note);
      } catch {
        unanswered.push(note); // the connection died with the process
      }
      if (!killed && acknowledged.length >= KILL_AFTER) {
        killed = true;
        first.child.kill('SIGKILL');
      }
    }
  };
  await Promise.all([0, 1, 2, 3].map(worker));
  expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });

  // Restart on the same file: it opens, migrates nothing, and serves.
  const second = await spawnBallast({ fake, dbPath });
  try {
    const after = await second.slack.command('U100ADA', 'log 1m reply after-restart');
    expect((after.body as { text: string }).text).toContain('Logged');

    const db = new Database(dbPath, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const notes = (db.prepare('SELECT note FROM entries').all() as { note: string }[]).map((r) => r.note);
      const found = new Set(notes);
      const missing = acknowledged.filter((n) => !found.has(n));
      const duplicated = notes.length - found.size;
      const unansweredButStored = unanswered.filter((n) => found.has(n)).length;
      expect(missing).toEqual([]);
      expect(duplicated).toBe(0);
      expect(found.has('after-restart')).toBe(true);
      recordFigures('crashSigkill', {
        commandsSent: sent,
        acknowledged: acknowledged.length,
        acknowledgedFound: acknowledged.length - missing.length,
        unansweredAtKill: unanswered.length,
        unansweredButStored,
        duplicates: duplicated,
        integrityCheck: 'ok',
      });
    } finally {
      db.close();
    }
  } finally {
    second.child.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);
  }
}, 60000);
