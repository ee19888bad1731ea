// `npm run ballast -- jobs run …`: one pass as of an instant, one line per person; previews send nothing.
// On SQLite, and on PostgreSQL in the jest project "postgres" (the CLI gets the harness's database variables).
import { runCli, type CliIo } from '../../src/cli';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { JOBS } from '../../src/jobs';
import { startJobsHarness, type JobsHarness } from '../support/jobs';

let h: JobsHarness;
beforeEach(async () => {
  h = await startJobsHarness({ now: '2026-11-26T10:00:00Z' });
  await h.addPerson({ id: 'U1ADA', tz: 'Europe/Berlin' });
  await h.addPerson({ id: 'U2BEN', tz: 'America/New_York' });
  await h.store.people.setPause('U2BEN', true, null);
});
afterEach(() => h.close());

async function cli(args: string[], env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    // A variable given as undefined is left out, as an unset one is from process.env.
    env: Object.fromEntries(Object.entries({
      ...h.dbEnv, SLACK_API_URL: h.fake.apiUrl, SLACK_BOT_TOKEN: h.fake.token, LOG_LEVEL: 'warn', ...env,
    }).filter(([, v]) => v !== undefined)),
    clock: h.clock,
  };
  const code = await runCli(args, io);
  return { code, out, err };
}

it('previews a pass with --dry-run: one line per person, nothing sent or claimed', async () => {
  const r = await cli(['jobs', 'run', 'checkins', '--at', '2026-11-26T15:30:00Z', '--dry-run']);
  expect(r.code).toBe(0);
  expect(r.out).toEqual([
    'U1ADA  would send check-in for 2026-11-26',
    expect.stringMatching(/^U2BEN {2}check-in for 2026-11-26 due at 16:30 America\/New_York$/),
  ]);
  expect(r.err.join('\n')).toContain('dry run: nothing sent, nothing claimed');
  expect(h.fake.calls).toHaveLength(0);
  expect(await h.store.claims.ofJob('checkin')).toHaveLength(0);
});

it('runs a pass as of --at and prints what it sent', async () => {
  const r = await cli(['jobs', 'run', 'checkins', '--at', '2026-11-26T21:30:00Z']);
  expect(r.code).toBe(0);
  expect(r.out).toEqual([
    expect.stringContaining('U1ADA  check-in for 2026-11-26 missed: outside sending hours'),
    'U2BEN  check-in for 2026-11-26 skipped: paused',
  ]);
  const again = await cli(['jobs', 'run', 'checkins', '--at', '2026-11-26T15:30:00Z']);
  expect(again.out[0]).toBe('U1ADA  sent check-in for 2026-11-26');
  expect(h.checkinsTo('U1ADA')).toHaveLength(1);
  expect(again.err.join('\n')).toContain('1 sent, 1 skipped, 0 failed');
});

it('runs as of now without --at', async () => {
  h.clock.set('2026-11-26T15:45:00Z');
  const r = await cli(['jobs', 'run', 'checkins']);
  expect(r.out[0]).toBe('U1ADA  sent check-in for 2026-11-26');
});

it.each([
  [['jobs', 'run', 'gardening'], `Unknown job "gardening". Jobs: ${Object.keys(JOBS).join(', ')}.`],
  [['jobs', 'run'], `Say which job to run: one of ${Object.keys(JOBS).join(', ')}.`],
  [['jobs', 'run', 'checkins', '--at', 'tomorrow'], '--at needs an ISO instant with its zone, e.g. --at 2026-11-26T16:30:00Z (got tomorrow)'],
  [['jobs', 'run', 'checkins', '--at', '2026-11-26T16:30'], '--at needs an ISO instant with its zone'],
  [['jobs', 'run', 'checkins', '--loud'], 'unknown option --loud'],
  [['jobs', 'start', 'checkins'], 'usage: npm run ballast -- jobs run'],
])('refuses %j with a clear error', async (args, message) => {
  const r = await cli(args);
  expect(r.code).toBe(2);
  expect(r.err.join('\n')).toContain(message);
  expect(h.fake.calls).toHaveLength(0);
});

it('says when a job is known but not registered in this build', async () => {
  const saved = JOBS.pulse;
  delete JOBS.pulse;
  try {
    const r = await cli(['jobs', 'run', 'pulse']);
    expect(r.code).toBe(2);
    expect(r.err.join('\n')).toContain(`The "pulse" job is not part of this build yet. Jobs: ${Object.keys(JOBS).join(', ')}.`);
    expect(Object.keys(JOBS)).not.toContain('pulse');
  } finally {
    JOBS.pulse = saved;
  }
});

it('needs a bot token to send, but not to preview', async () => {
  const r = await cli(['jobs', 'run', 'checkins'], { SLACK_BOT_TOKEN: undefined });
  expect(r.code).toBe(1);
  expect(r.err.join('\n')).toContain('set SLACK_BOT_TOKEN');
  expect((await cli(['jobs', 'run', 'checkins', '--dry-run'], { SLACK_BOT_TOKEN: undefined })).code).toBe(0);
});

describe('exit codes', () => {
  it('exits 0 when someone has left the company: the summary names them and they are marked inactive', async () => {
    await h.addPerson({ id: 'U3CAL', tz: 'Europe/Berlin' });
    h.fake.fail('chat.postMessage', 'account_inactive', { forUser: 'U3CAL' });
    const r = await cli(['jobs', 'run', 'checkins', '--at', '2026-11-26T15:30:00Z']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('U3CAL  check-in for 2026-11-26 not sent: Slack says the account is gone (account_inactive); marked inactive');
    expect(r.out).toContain('U1ADA  sent check-in for 2026-11-26');
    expect(r.err.join('\n')).toContain('1 sent, 1 skipped, 0 failed; 1 marked inactive (Slack says they are gone): U3CAL');
    expect((await h.person('U3CAL')).active).toBe(false);
    // From then on they are not in the pass at all.
    const next = await cli(['jobs', 'run', 'checkins', '--at', '2026-11-27T15:30:00Z']);
    expect(next.code).toBe(0);
    expect(next.out.some((l) => l.startsWith('U3CAL'))).toBe(false);
  });

  it('exits 0 when the profile refresh is what finds the account gone', async () => {
    await h.addPerson({ id: 'U3CAL', tz: 'Europe/Berlin' });
    h.clock.set('2026-11-27T15:30:00Z'); // a day later: profiles are due for a refresh
    h.fake.fail('users.info', 'user_not_found', { forUser: 'U3CAL' });
    const r = await cli(['jobs', 'run', 'checkins']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('U3CAL  check-in for 2026-11-27 skipped: Slack says the account is gone; marked inactive');
    expect(r.err.join('\n')).toContain('marked inactive (Slack says they are gone): U3CAL');
    expect((await h.person('U3CAL')).active).toBe(false);
  });

  it('exits 1 when Slack keeps failing after the retries, and says so', async () => {
    h.fake.fail('chat.postMessage', 'internal_error', { forUser: 'U1ADA' });
    const r = await cli(['jobs', 'run', 'checkins', '--at', '2026-11-26T15:30:00Z']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('U1ADA  check-in for 2026-11-26 not sent: internal_error');
    expect(r.err.join('\n')).toContain('0 sent, 1 skipped, 1 failed');
  });

  /** Writes refused while `during` runs: SQLite locked by another connection, PostgreSQL read-only (a standby). */
  async function refusingWrites(during: () => Promise<void>): Promise<void> {
    if (!h.dbEnv.DATABASE_URL) {
      const raw = new Database(h.dbPath);
      raw.exec('BEGIN EXCLUSIVE');
      try {
        await during();
      } finally {
        raw.exec('ROLLBACK');
        raw.close();
      }
      return;
    }
    const c = new Client({ connectionString: h.dbEnv.DATABASE_URL });
    await c.connect();
    const name = new URL(h.dbEnv.DATABASE_URL).pathname.slice(1);
    try {
      // New sessions (the CLI's) start read-only.
      await c.query(`ALTER DATABASE "${name}" SET default_transaction_read_only = on`);
      await during();
    } finally {
      await c.query(`ALTER DATABASE "${name}" RESET default_transaction_read_only`);
      await c.end();
    }
  }

  it('exits 1 on a storage failure', async () => {
    await refusingWrites(async () => {
      const r = await cli(['jobs', 'run', 'checkins', '--at', '2026-11-26T15:30:00Z']);
      expect(r.code).toBe(1);
      expect(r.out).toContainEqual(expect.stringMatching(h.dbEnv.DATABASE_URL
        ? /^U1ADA {2}error: cannot execute INSERT in a read-only transaction$/ : /^U1ADA {2}error: database is locked$/));
      expect(r.err.join('\n')).toContain('0 sent, 1 skipped, 1 failed');
      expect(h.checkinsTo('U1ADA')).toHaveLength(0);
    });
  });
});
