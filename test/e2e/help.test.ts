// `/ballast help` through the real app: your own commands first, by the roles you have; `help all`;
// `help <topic>`; a mistyped topic gets the nearest one.
import { startTestApp, type TestApp } from '../support/app';
import { seedPerson } from '../support/org';

const ADA = 'U100ADA';
const MGR = 'U300MGR';
const SOL = 'U500SOL';
const ROOT = 'U400ADM';
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ now: '2026-11-26T10:00:00Z', env: { BALLAST_ADMINS: ROOT } });
  await seedPerson(t, { id: MGR });
  await seedPerson(t, { id: ADA, managerId: MGR });
  await seedPerson(t, { id: SOL, role: 'lead' });
  await seedPerson(t, { id: ROOT });
});
afterAll(() => t.close());
afterEach(() => expect(t.fake.rejections).toEqual([]));

interface Ack {
  text: string;
  blocks: { type: string; text?: { text: string }; elements?: { text: string }[] }[];
}
async function help(user: string, text = 'help'): Promise<string> {
  const r = await t.slack.command(user, text);
  expect(r.ackProblems).toEqual([]);
  const a = r.body as Ack;
  return [a.text, ...a.blocks.flatMap((b) => [b.text?.text ?? '', ...(b.elements ?? []).map((e) => e.text)])].join('\n');
}

it("shows an employee their own commands, each with an example, and no one else's", async () => {
  const v = await help(ADA);
  expect(v).toContain('*Your commands*');
  for (const example of ['/ballast log 30m reply linkedin', '/ballast week', '/ballast checkin 16:30 mon-fri', '/ballast pause until monday', '/ballast privacy']) {
    expect(v).toContain(`\`${example}\``);
  }
  expect(v).not.toContain('As a manager');
  expect(v).not.toContain('As a social lead');
  expect(v).not.toContain('As an admin');
  expect(v).not.toContain('/ballast team');
  expect(v).not.toContain('/ballast admin');
  expect(v).toContain('`/ballast help all`');
});

it('adds the manager commands for someone with direct reports, after their own', async () => {
  const v = await help(MGR);
  expect(v).toContain('*As a manager*');
  expect(v).toContain('`/ballast team`');
  expect(v).toContain('`/ballast budget @dana 3h`');
  expect(v.indexOf('*Your commands*')).toBeLessThan(v.indexOf('*As a manager*'));
  expect(v).not.toContain('As a social lead');
});

it('adds the lead commands for a social lead', async () => {
  const v = await help(SOL);
  expect(v).toContain('*As a social lead*');
  expect(v).toContain('`/ballast assign @dana https://x.com/acme/status/1 est 20m`');
  expect(v).not.toContain('As an admin');
});

it('adds the lead and admin commands for an admin, in that order', async () => {
  const v = await help(ROOT);
  expect(v.indexOf('*As a social lead*')).toBeGreaterThan(0);
  expect(v.indexOf('*As an admin*')).toBeGreaterThan(v.indexOf('*As a social lead*'));
  expect(v).toContain('`/ballast admin role @dana lead`');
});

it('lists every command with "help all", whoever asks', async () => {
  const v = await help(ADA, 'help all');
  for (const c of ['/ballast team', '/ballast assign', '/ballast admin manager', '/ballast admin settings', '/ballast export', '/ballast help']) {
    expect(v).toContain(c);
  }
});

it.each([
  ['help log', '/ballast log 30m reply linkedin yesterday great thread'],
  ['help durations', '`1h30m`'],
  ['help dates', 'up to 14 days back'],
  ['help kinds', 'relationship work'],
  ['help networks', '`mastodon`'],
  ['help admin', '`/ballast admin manager @dana @sam`'],
  ['help admin settings', '/ballast admin settings budget_percent 10'],
])('explains one topic: %s', async (text, expected) => {
  expect(await help(ADA, text)).toContain(expected);
});

it.each([
  ['help lgo', '`/ballast help log`'],
  ['help duration', '`1h30m`'],
  ['help asign', '`/ballast help assign`'],
  ['help privcy', '`/ballast help privacy`'],
])('suggests the nearest topic for a near miss: %s', async (text, expected) => {
  expect(await help(ADA, text)).toContain(expected);
});

it('lists the topics when nothing is near', async () => {
  const v = await help(ADA, 'help zebra');
  expect(v).toContain("There's no help on `zebra`.");
  expect(v).not.toContain('Did you mean');
  expect(v).toContain('`durations`');
});
