// `npm run ballast -- jobs run …`: one pass as of an instant, one line per person; previews send nothing.
import { runCli, type CliIo } from '../../src/cli';
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
      DATABASE_PATH: h.dbPath, SLACK_API_URL: h.fake.apiUrl, SLACK_BOT_TOKEN: h.fake.token, LOG_LEVEL: 'warn', ...env,
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
