// The real passes on PostgreSQL with three replicas (three deps, each with its own pool) running at once
// against one fake Slack: every person gets each message exactly once. The tests run in order, one
// week of a 500-person organisation: Thursday's check-ins, Friday's pulse, Monday's digests, and the
// inactivity nudge two weeks on.
import { Writable } from 'node:stream';
import { WebClient } from '@slack/web-api';
import { createLogger } from '../../src/logger';
import { slackPort, webClientOptions } from '../../src/slack/webApi';
import { warningsAfterLog } from '../../src/services/warnings';
import { runCheckins } from '../../src/jobs/checkins';
import { runPulse } from '../../src/jobs/pulse';
import { digests } from '../../src/jobs/digests';
import { runNudges } from '../../src/jobs/nudges';
import type { Deps } from '../../src/services/ports';
import type { Store } from '../../src/services/store';
import { createPostgresStore, openPostgresStore, type PostgresStore } from '../../src/store/postgres';
import { openPool } from '../../src/store/postgres/db';
import { startFakeSlack, type FakeSlack } from '../support/fakeSlack';
import { TestClock } from '../support/app';
import { freshDatabase, type TestDatabase } from '../support/postgres';

const PEOPLE = 500;
// Thursday 2026-11-26 at 16:30 in Berlin, the default check-in time; the pulse is the day after.
const THURSDAY = '2026-11-26T15:30:00Z';
const FRIDAY = '2026-11-27T15:30:00Z';
// Monday 09:00 in Berlin, the default digest time; and two weeks after everyone joined, at check-in time.
const MONDAY = '2026-11-30T08:00:00Z';
const TWO_WEEKS_ON = '2026-12-10T15:30:00Z';
const MANAGERS = 50;

let db: TestDatabase;
let fake: FakeSlack;
let stores: PostgresStore[];
let replicas: Deps[];
const clock = new TestClock(Date.parse(THURSDAY));
const ids = Array.from({ length: PEOPLE }, (_, i) => `U${String(i + 1).padStart(4, '0')}R`);

beforeAll(async () => {
  db = await freshDatabase();
  fake = await startFakeSlack();
  const { store: seed } = await openPostgresStore(db.url);
  for (const id of ids) {
    fake.addUser({ id, tz: 'Europe/Berlin' });
    await seed.people.upsertProfile({
      id, teamId: fake.teamId, name: id.toLowerCase(), realName: id, email: null, tz: 'Europe/Berlin', isBot: false,
      deleted: false, statusText: '', statusEmoji: '', statusExpiration: 0,
    }, clock.now());
  }
  // The first 50 people each manage nine of the others.
  for (let i = MANAGERS; i < PEOPLE; i += 1) await seed.people.setManager(ids[i], ids[(i - MANAGERS) % MANAGERS]);
  await seed.close();
  const quiet = new Writable({ write: (_c, _e, done) => done() });
  stores = [0, 1, 2].map(() => createPostgresStore(openPool(db.url, { max: 5 })));
  replicas = stores.map((store) => {
    const client = new WebClient(fake.token, webClientOptions(fake.apiUrl, {
      logger: { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel: () => 'error' as never, setName() {} },
    }));
    // The store port is not merged yet: the services' Store type is still the SQLite one. These passes
    // use none of what differs (the SQLite `db` and the synchronous export).
    return { store: store as unknown as Store, slack: slackPort(client), clock, log: createLogger({ level: 'warn', destination: quiet }),
      config: { admins: [] }, afterLog: [warningsAfterLog] };
  });
}, 120_000);

afterAll(async () => {
  for (const s of stores ?? []) await s.close();
  await fake?.close();
  await db?.drop();
});

const messagesTo = (id: string, start: string) => fake.messagesTo(id).filter((m) => (m.text ?? '').startsWith(start));

it(`sends ${PEOPLE} due check-ins once each when three replicas run the pass at the same moment`, async () => {
  clock.set(THURSDAY);
  const results = await Promise.all(replicas.map((deps) => runCheckins(deps, clock.now(), { dryRun: false })));
  expect(results.reduce((n, r) => n + r.sent, 0)).toBe(PEOPLE);
  const counts = ids.map((id) => messagesTo(id, 'Any social engagement').length);
  expect(counts.filter((n) => n !== 1)).toEqual([]);
  expect((await stores[0].claims.ofJob('checkin')).filter((c) => c.status === 'sent')).toHaveLength(PEOPLE);
  // And a fourth pass a minute later (the next tick) sends nothing.
  clock.advance(1);
  expect((await runCheckins(replicas[1], clock.now(), { dryRun: false })).sent).toBe(0);
}, 120_000);

it(`asks ${PEOPLE} people the Friday pulse once each when three replicas run it at the same moment`, async () => {
  clock.set(FRIDAY);
  const before = fake.calls.length;
  const results = await Promise.all(replicas.map((deps) => runPulse(deps, clock.now(), { dryRun: false })));
  expect(results.reduce((n, r) => n + r.sent, 0)).toBe(PEOPLE);
  const posts = postsSince(before);
  expect(posts).toHaveLength(PEOPLE);
  expect(new Set(posts).size).toBe(PEOPLE);
}, 120_000);

/** The DMs posted since `before`, by channel: each person's count of new messages. */
function postsSince(before: number): string[] {
  return fake.calls.slice(before).filter((c) => c.method === 'chat.postMessage' && c.ok).map((c) => String(c.args.channel));
}

it(`sends each of ${MANAGERS} managers one digest when three replicas run the pass at the same moment`, async () => {
  clock.set(MONDAY);
  const before = fake.calls.length;
  const results = await Promise.all(replicas.map((deps) => digests(deps, clock.now(), { dryRun: false })));
  expect(results.reduce((n, r) => n + r.sent, 0)).toBe(MANAGERS);
  const posts = postsSince(before);
  expect(posts).toHaveLength(MANAGERS);
  expect(new Set(posts).size).toBe(MANAGERS);
}, 120_000);

it(`nudges each of ${PEOPLE} people quiet for two weeks once when three replicas run the pass at the same moment`, async () => {
  clock.set(TWO_WEEKS_ON);
  const before = fake.calls.length;
  const results = await Promise.all(replicas.map((deps) => runNudges(deps, clock.now(), { dryRun: false })));
  expect(results.reduce((n, r) => n + r.sent, 0)).toBe(PEOPLE);
  const posts = postsSince(before);
  expect(posts).toHaveLength(PEOPLE);
  expect(new Set(posts).size).toBe(PEOPLE);
}, 120_000);
