// The ops CLI in many-workspace mode (DESIGN.md: commands that act on one organisation take
// `--team <team or enterprise id>`): each command sees that installation's tables alone and sends with
// its token; without --team, or with one that is not installed, it refuses and names the installed ones.
import fs from 'node:fs';
import path from 'node:path';
import { runCli, type CliIo } from '../../src/cli';
import { openSqliteStore } from '../../src/store';
import { FAKE_CLIENT } from '../support/fakeSlack';
import { STATE_SECRET, startTestApp, type TestApp } from '../support/app';
import { installFromLink, workspaceGrant } from '../support/install';

let t: TestApp;

async function cli(args: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (l) => out.push(l), err: (l) => err.push(l), clock: t.clock,
    env: {
      ...t.dbEnv, SLACK_API_URL: t.fake.apiUrl, LOG_LEVEL: 'warn',
      SLACK_CLIENT_ID: FAKE_CLIENT.id, SLACK_CLIENT_SECRET: FAKE_CLIENT.secret, SLACK_STATE_SECRET: STATE_SECRET, ...env,
    },
  };
  const code = await runCli(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeEach(async () => {
  // Thursday 2026-11-26, 16:30 in Berlin: a check-in is due.
  t = await startTestApp({ now: '2026-11-26T15:30:00Z', manyWorkspaces: true });
  t.fake.addUser({ id: 'U1BEN', name: 'ben', realName: 'Ben', tz: 'Europe/Berlin', teamId: 'T1' });
  t.fake.addUser({ id: 'U2DAN', name: 'dan', realName: 'Dan', tz: 'Europe/Berlin', teamId: 'T2' });
  for (const [team, installer] of [['T1', 'U1BEN'], ['T2', 'U2DAN']]) expect((await installFromLink(t, workspaceGrant(team, installer))).status).toBe(200);
  await t.clientFor({ teamId: 'T1' }).command('U1BEN', 'log 30m reply linkedin');
  await t.clientFor({ teamId: 'T2' }).command('U2DAN', 'log 45m share');
});
afterEach(async () => {
  await t.close();
});

it('refuses a command on one organisation without --team, and names the installations', async () => {
  const r = await cli(['export', 'entries']);
  expect(r.code).toBe(2);
  expect(r.err).toContain('--team');
  expect(r.err).toContain('T1, T2');
  expect(r.out).toBe('');
});

it('exports and lists only the named installation\'s entries and roster', async () => {
  const entries = await cli(['export', 'entries', '--team', 'T1']);
  expect(entries.code).toBe(0);
  expect(entries.out).toContain('U1BEN');
  expect(entries.out).not.toContain('U2DAN');
  const roster = await cli(['roster', 'export', '--team=T2']);
  expect(roster.code).toBe(0);
  expect(roster.out).toContain('U2DAN');
  expect(roster.out).not.toContain('U1BEN');
});

it('runs a pass for one installation with its own token', async () => {
  t.fake.addUser({ id: 'U1ANA', name: 'ana', realName: 'Ana', tz: 'Europe/Berlin', teamId: 'T1' });
  await t.clientFor({ teamId: 'T1' }).command('U1ANA', 'week');
  const before = t.fake.callsTo('chat.postMessage').length;
  const r = await cli(['jobs', 'run', 'checkins', '--team', 'T1']);
  expect(r.code).toBe(0);
  expect(r.out).toContain('U1ANA  sent check-in');
  expect(r.out).toContain('U1BEN  check-in for 2026-11-26 skipped: already logged that day');
  const posts = t.fake.callsTo('chat.postMessage').slice(before);
  expect(posts.map((c) => c.installation)).toEqual(['T1']);
  expect(t.fake.messagesTo('U2DAN').filter((m) => (m.text ?? '').startsWith('Any social engagement'))).toEqual([]);
});

it('refuses a team that is not installed, a malformed one, and --team where it means nothing', async () => {
  const missing = await cli(['export', 'entries', '--team', 'T9']);
  expect([missing.code, missing.err]).toEqual([1, 'no installation for T9; installed: T1, T2']);
  const bad = await cli(['export', 'entries', '--team', 'acme']);
  expect(bad.code).toBe(2);
  expect(bad.err).toContain('Slack team or enterprise id');
  const twice = await cli(['export', 'entries', '--team', 'T1', '--team', 'T2']);
  expect([twice.code, twice.err]).toEqual([2, '--team is given twice']);
  const whole = await cli(['migrate', '--team', 'T1']);
  expect([whole.code, whole.err]).toEqual([2, 'migrate acts on the whole deployment: it takes no --team']);
  const single = await cli(['export', 'entries', '--team', 'T1'], { SLACK_BOT_TOKEN: t.fake.token });
  expect(single.code).toBe(2);
  expect(single.err).toContain('--team is for many-workspace mode');
});

it('still exports an uninstalled installation inside its retention period, and sends nothing for it', async () => {
  await t.ballast.store.installations.uninstall('T2', t.clock.now());
  const exported = await cli(['export', 'entries', '--team', 'T2']);
  expect(exported.code).toBe(0);
  expect(exported.out).toContain('U2DAN');
  const before = t.fake.calls.length;
  const run = await cli(['jobs', 'run', 'checkins', '--team', 'T2']);
  expect([run.code, run.err]).toEqual([1, 'T2 is uninstalled, so there is no token to send with; add --dry-run to preview']);
  expect(t.fake.calls.length).toBe(before);
});

it('backs up every workspace on SQLite, beside the main backup, and never over the live files', async () => {
  if (!t.dbEnv.DATABASE_PATH) {
    const r = await cli(['backup', path.join(t.dir, 'elsewhere', 'b.db')]);
    expect([r.code, r.err]).toEqual([1, expect.stringContaining('pg_dump')]);
    return;
  }
  const file = path.join(t.dir, 'backup', 'b.db');
  const r = await cli(['backup', file]);
  expect(r.code).toBe(0);
  expect(r.out).toContain(`and 2 workspace(s) beside it: ${path.join(t.dir, 'backup', 'tenants', 'T1.db')}, ${path.join(t.dir, 'backup', 'tenants', 'T2.db')}`);
  const { store } = openSqliteStore(path.join(t.dir, 'backup', 'tenants', 'T1.db'));
  try {
    expect((await store.entries.allOf('U1BEN')).map((e) => e.minutes)).toEqual([30]);
  } finally {
    await store.close();
  }
  const onLive = await cli(['backup', path.join(t.dir, 'ballast-copy.db')]);
  expect(onLive.code).toBe(1);
  expect(onLive.err).toContain('would be the live one');
  expect(fs.existsSync(path.join(t.dir, 'ballast-copy.db'))).toBe(false);
});
