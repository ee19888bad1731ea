// The ops CLI's roster import/export and entry export, against a real database and the fake Slack: a
// SQLite file, or in the jest project "postgres" the folder's PostgreSQL database (test/support/testDb.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { runCli, type CliIo } from '../../src/cli';
import { parseCsv } from '../../src/core/csv';
import { weekKey } from '../../src/core/time';
import { startFakeSlack, type FakeSlack } from '../support/fakeSlack';
import * as db from '../support/db';
import { databaseFor, onPostgres, openTestStore } from '../support/testDb';

const NOW = Date.parse('2026-11-26T10:00:00Z');
let fake: FakeSlack;
let dir: string;
let dbPath: string;
/** The CLI's database variables, and where the test reads what it wrote. */
let dbEnv: Record<string, string>;
const source = (): db.DbSource => ({ ballast: { raw: dbEnv.DATABASE_URL ? null : { kind: 'sqlite', db: sqlite() } }, dbEnv });

async function cli(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    env: { ...dbEnv, SLACK_API_URL: fake.apiUrl, SLACK_BOT_TOKEN: fake.token },
    clock: { now: () => NOW },
  };
  const code = await runCli(argv, io);
  return { code, out, err };
}

function file(name: string, text: string): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
}

let reader: Database.Database | undefined;
/** A read-only connection to the SQLite file the CLI writes (opened once the file exists). */
function sqlite(): Database.Database {
  reader ??= new Database(dbPath, { readonly: true });
  return reader;
}

/** Everything the roster could change, for "nothing changed" checks. */
async function snapshot(): Promise<string> {
  return JSON.stringify(await db.rows(source(), 'SELECT * FROM people ORDER BY id'));
}

const HEADER = 'person,manager,weekly_hours,budget,role\n';

beforeEach(async () => {
  fake = await startFakeSlack();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ballast-roster-'));
  dbPath = path.join(dir, 'ballast.db');
  dbEnv = onPostgres() ? { DATABASE_URL: await databaseFor(dir) } : { DATABASE_PATH: dbPath };
  for (const [id, email] of [['U300A', 'a@example.com'], ['U300B', 'b@example.com'], ['U300C', 'c@example.com'], ['U300D', 'd@example.com']]) {
    fake.addUser({ id, name: id.toLowerCase(), email, tz: 'Europe/Berlin' });
  }
  fake.addUser({ id: 'U300GONE', name: 'gone', email: 'gone@example.com', deleted: true });
  // A starting org: A at the top, B under A, C under B.
  const base = await cli('roster', 'import', file('base.csv', `${HEADER}U300A,,40,,admin\nb@example.com,U300A,32,3h,\nU300C,b@example.com,20,,lead\n`));
  expect(base).toMatchObject({ code: 0, out: ['roster imported: 3 people updated (3 new to Ballast)'] });
});
afterEach(async () => {
  reader?.close();
  reader = undefined;
  await fake.close();
});

describe('roster import', () => {
  it('sets managers, hours, budgets and roles, resolving emails through users.lookupByEmail', async () => {
    const rows = await db.rows(source(), 'SELECT id, email, manager_id, weekly_hours, budget_minutes, budget_set_by, role FROM people ORDER BY id');
    expect(rows).toEqual([
      { id: 'U300A', email: 'a@example.com', manager_id: null, weekly_hours: 40, budget_minutes: null, budget_set_by: null, role: 'admin' },
      { id: 'U300B', email: 'b@example.com', manager_id: 'U300A', weekly_hours: 32, budget_minutes: 180, budget_set_by: 'roster', role: 'none' },
      { id: 'U300C', email: 'c@example.com', manager_id: 'U300B', weekly_hours: 20, budget_minutes: null, budget_set_by: null, role: 'lead' },
    ]);
    expect(fake.callsTo('users.lookupByEmail').map((c) => c.args.email)).toEqual(['b@example.com']);
  });

  it('exports the roster in the same format, and the export imports back to the same state', async () => {
    const exported = await cli('roster', 'export');
    expect(exported.code).toBe(0);
    expect(exported.out.join('\n')).toBe(
      'person,manager,weekly_hours,budget,role\r\nU300A,,40,,admin\r\nU300B,U300A,32,180,none\r\nU300C,U300B,20,,lead',
    );
    const before = await snapshot();
    expect((await cli('roster', 'import', file('again.csv', `${exported.out.join('\n')}\n`))).code).toBe(0);
    expect((await snapshot()).replace(/"refreshed_at":\d+|"budget_set_at":\d+/g, '')).toBe(before.replace(/"refreshed_at":\d+|"budget_set_at":\d+/g, ''));
  });

  it('tells each person whose budget the import changed: who, the new value and from which week; earlier weeks keep theirs', async () => {
    // B's explicit budget moves, C's hours move their default budget, A stays as they were.
    const r = await cli('roster', 'import', file('change.csv', `${HEADER}U300A,,40,,admin\nU300B,U300A,32,4h,\nU300C,U300B,30,,lead\n`));
    expect(r).toMatchObject({ code: 0, out: ['roster imported: 3 people updated (0 new to Ballast)', 'told 2 of 2 people whose budget changed'] });
    expect(fake.messagesTo('U300B').map((m) => m.text)).toEqual([
      'A roster import set your weekly advocacy budget to 4h, from the week of Mon 23 Nov.',
    ]);
    expect(fake.messagesTo('U300C').map((m) => m.text)).toEqual([
      'A roster import set your weekly advocacy budget to the default, 3h (10% of your 30 contracted hours), from the week of Mon 23 Nov.',
    ]);
    expect(fake.messagesTo('U300A')).toEqual([]);
    const history = await db.rows(source(), "SELECT person_id, week_key, budget_minutes, weekly_hours, changed_by FROM budget_history WHERE person_id IN ('U300B', 'U300C') ORDER BY person_id, week_key");
    // The first import made them known from the beginning; this one holds from the current week.
    expect(history).toEqual([
      { person_id: 'U300B', week_key: '0000-W00', budget_minutes: 180, weekly_hours: 32, changed_by: 'roster' },
      { person_id: 'U300B', week_key: '2026-W48', budget_minutes: 240, weekly_hours: 32, changed_by: 'roster' },
      { person_id: 'U300C', week_key: '0000-W00', budget_minutes: null, weekly_hours: 20, changed_by: 'roster' },
      { person_id: 'U300C', week_key: '2026-W48', budget_minutes: null, weekly_hours: 30, changed_by: 'roster' },
    ]);
    // The same file again changes nothing, so nobody is told twice.
    const again = await cli('roster', 'import', file('change.csv', `${HEADER}U300A,,40,,admin\nU300B,U300A,32,4h,\nU300C,U300B,30,,lead\n`));
    expect(again.out).toEqual(['roster imported: 3 people updated (0 new to Ballast)']);
    expect(fake.messagesTo('U300B')).toHaveLength(1);
  });

  it.each<[string, string, string]>([
    ['an unknown email', 'nobody@example.com,U300A,40,,', 'line 3: person: no Slack user has the email nobody@example.com'],
    ['an unknown manager email', 'U300D,boss@example.com,40,,', 'line 3: manager: no Slack user has the email boss@example.com'],
    ['an unknown Slack id', 'U999NOPE,,40,,', 'line 3: person: Slack has no user U999NOPE'],
    ['a deactivated account', 'gone@example.com,,40,,', 'line 3: person: gone@example.com is a deactivated Slack account'],
    ['a bot', 'U0BALLAST,,40,,', 'line 3: person: U0BALLAST is a bot, not a person'],
    ['a cycle through people already in Ballast', 'U300A,U300C,40,,', 'line 3: a loop of managers: U300A → U300C → U300B → U300A'],
    ['a self-manager', 'U300D,U300D,40,,', 'line 3: U300D cannot be their own manager'],
    ['a self-manager named once by id and once by email', 'U300D,d@example.com,40,,', 'line 3: U300D cannot be their own manager'],
    ['hours under 1', 'U300D,,0,,', 'line 3: weekly hours "0" must be a number from 1 to 80'],
    ['hours over 80', 'U300D,,81,,', 'line 3: weekly hours "81" must be a number from 1 to 80'],
    ['a budget out of range', 'U300D,,40,5m,', 'line 3: budget "5m" must be a duration from 15m to 40h'],
    ['an unknown role', 'U300D,,40,,owner', 'line 3: role "owner" must be lead, admin, none or empty'],
    ['a line with too few columns', 'U300D,U300A,40', 'line 3: expected 5 columns (person, manager, weekly_hours, budget, role), found 3'],
    ['a malformed quoted field', 'U300D,"U300A,40,,', 'line 3: a quoted field is never closed'],
    ['a person listed twice', 'c@example.com,,40,,', 'line 3: U300C already appears on line 2; list each person once'],
  ])('rejects %s, says which line and why, and changes nothing', async (_name, badLine, message) => {
    const before = await snapshot();
    // A good line first: it must not be applied either.
    const r = await cli('roster', 'import', file('bad.csv', `${HEADER}U300C,U300B,10,,none\n${badLine}\nU300B,U300A,12,,lead\n`));
    expect(r.code).toBe(1);
    expect(r.err.filter((l) => l.startsWith(message))).toHaveLength(1);
    expect(r.err[r.err.length - 1]).toMatch(/roster not imported: \d+ problems?, nothing was changed/);
    expect(r.out).toEqual([]);
    expect(await snapshot()).toBe(before);
  });

  it('rejects a loop that only the file itself closes, at every line in it', async () => {
    const before = await snapshot();
    const r = await cli('roster', 'import', file('loop.csv', `${HEADER}U300D,U300A,40,,\nU300A,U300D,40,,\n`));
    expect(r.err).toEqual([
      'line 2: a loop of managers: U300D → U300A → U300D',
      'line 3: a loop of managers: U300A → U300D → U300A',
      'roster not imported: 2 problems, nothing was changed',
    ]);
    expect(await snapshot()).toBe(before);
  });

  it('reports every problem in one pass, in line order', async () => {
    const r = await cli('roster', 'import', file('many.csv', `${HEADER}U300D,,99,,\nnobody@example.com,,40,,\nU300B,,40,,chief\n`));
    expect(r.err.slice(0, 3)).toEqual([
      'line 2: weekly hours "99" must be a number from 1 to 80',
      'line 3: person: no Slack user has the email nobody@example.com',
      'line 4: role "chief" must be lead, admin, none or empty',
    ]);
  });

  it('refuses an empty file and a missing one', async () => {
    expect((await cli('roster', 'import', file('empty.csv', HEADER))).err[0]).toMatch(/line 1: the file has no people/);
    expect((await cli('roster', 'import', path.join(dir, 'missing.csv'))).err[0]).toMatch(/cannot read .*missing\.csv: ENOENT/);
    expect((await cli('roster')).code).toBe(2);
  });

  it('prints a progress line while it looks up a large file', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 250; i++) {
      const id = `U4${String(i).padStart(4, '0')}`;
      fake.addUser({ id, name: id, email: `p${i}@example.com` });
      lines.push(`p${i}@example.com,U300A,40,,`);
    }
    const r = await cli('roster', 'import', file('big.csv', HEADER + lines.join('\n')));
    expect(r.code).toBe(0);
    expect(r.err).toEqual(['looked up 100 of 251 people', 'looked up 200 of 251 people', 'looked up 251 of 251 people']);
    expect(r.out).toEqual(['roster imported: 250 people updated (250 new to Ballast)']);
  });
});

describe('export entries', () => {
  async function seedEntries(): Promise<void> {
    const { store } = await openTestStore(dir);
    const add = (personId: string, date: string, minutes: number, note: string | null, link: string | null = null) =>
      store.entries.add({ personId, minutes, kind: 'respond', network: 'linkedin', date, weekKey: weekKey(date), source: 'command', note, link }, NOW);
    await add('U300A', '2026-11-20', 30, 'plain note');
    await add('U300B', '2026-11-21', 45, 'thanked Jo, then Sam', 'https://example.com/a?x=1,2');
    await add('U300C', '2026-11-22', 15, 'she said "great post"');
    await add('U300A', '2026-11-23', 60, 'first line\nsecond line, with comma\r\nthird "quoted"');
    await add('U300B', '2026-11-24', 20, null);
    await store.close();
  }

  it('writes every entry as RFC 4180 CSV with a header, quoting commas, quotes and line breaks in notes', async () => {
    await seedEntries();
    const r = await cli('export', 'entries');
    expect(r.code).toBe(0);
    const text = `${r.out.join('\n')}\n`;
    expect(text.startsWith('person,date,week,minutes,kind,network,link,note,source,logged_at\r\n')).toBe(true);
    expect(text).toContain('U300B,2026-11-21,2026-W47,45,respond,linkedin,"https://example.com/a?x=1,2","thanked Jo, then Sam",command,2026-11-26T10:00:00Z\r\n');
    expect(text).toContain('"she said ""great post"""');
    expect(text).toContain('"first line\nsecond line, with comma\r\nthird ""quoted"""');
    const parsed = parseCsv(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.records.map((x) => x.fields[7])).toEqual([
      'note', 'plain note', 'thanked Jo, then Sam', 'she said "great post"', 'first line\nsecond line, with comma\r\nthird "quoted"', '',
    ]);
    expect(parsed.records.every((x) => x.fields.length === 10)).toBe(true);
  });

  it('limits the export to --from and --to, inclusive', async () => {
    await seedEntries();
    const r = await cli('export', 'entries', '--from', '2026-11-21', '--to', '2026-11-22');
    const parsed = parseCsv(`${r.out.join('\n')}\n`);
    expect(parsed.ok && parsed.records.map((x) => x.fields[1])).toEqual(['date', '2026-11-21', '2026-11-22']);
  });

  it.each([
    [['export', 'entries', '--from', 'yesterday']],
    [['export', 'entries', '--since', '2026-11-01']],
    [['export', 'entries', '--from', '2026-11-30', '--to', '2026-11-01']],
    [['export', 'people']],
  ])('refuses %j with usage', async (argv) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.out).toEqual([]);
    expect(r.err.join('\n')).toMatch(/--from|usage/);
  });
});

describe('jobs run digests', () => {
  it('previews with --dry-run, then sends each manager one digest for the week, once', async () => {
    // From the starting roster: A manages B, B manages C; both are in Europe/Berlin.
    const preview = await cli('jobs', 'run', 'digests', '--at', '2026-11-30T08:00:00Z', '--dry-run');
    expect(preview.code).toBe(0);
    expect(preview.out.sort()).toEqual([
      'U300A: digest for 2026-W48 (1 report) would be sent',
      'U300B: digest for 2026-W48 (1 report) would be sent',
    ]);
    expect(fake.callsTo('chat.postMessage')).toEqual([]);
    const sent = await cli('jobs', 'run', 'digests', '--at', '2026-11-30T08:00:00Z');
    expect(sent.out.sort()).toEqual([
      'U300A: digest for 2026-W48 (1 report) sent',
      'U300B: digest for 2026-W48 (1 report) sent',
    ]);
    const again = await cli('jobs', 'run', 'digests', '--at', '2026-11-30T09:00:00Z');
    expect(again.out.sort()).toEqual(['U300A: digest for 2026-W48 already sent', 'U300B: digest for 2026-W48 already sent']);
    expect(fake.messagesTo('U300A')).toHaveLength(1);
    expect(fake.messagesTo('U300B')).toHaveLength(1);
    expect(fake.rejections).toEqual([]);
  });
});
