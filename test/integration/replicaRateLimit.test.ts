// One Slack rate-limit budget for all replicas, with real processes: a check-in fan-out under the fake
// Slack's workspace-wide chat.postMessage limit (fixed windows, 429 with Retry-After beyond it), run by
// one replica, by three sharing holds (slack_holds, migration 0005), and by three that do not share
// them (REPLICA_SHARED_HOLDS=off). Everyone gets exactly one check-in each time; the three sharing
// holds earn fewer 429s than the three that do not.
import { CHECKIN_JOB } from '../../src/services/checkins';
import { openPostgresStore, type PostgresStore } from '../../src/store/postgres';
import { startFakeSlack, type FakeSlack } from '../support/fakeSlack';
import { freshDatabase, type TestDatabase } from '../support/postgres';
import { allReady, seedPeople, spawnReplica, type Replica } from '../support/replicas';
import { recordFigures } from '../support/figures';

const PEOPLE = 400;
/** chat.postMessage calls the fake takes per window, across the workspace. */
const LIMIT = 40;
const WINDOW_MS = 1000;
// 16:30 in Berlin (the default check-in time) on three weekdays: one fan-out each.
const DAYS = { one: '2026-11-26T15:30:00Z', shared: '2026-11-27T15:30:00Z', unshared: '2026-11-30T15:30:00Z' };

let db: TestDatabase;
let fake: FakeSlack;
let store: PostgresStore;
const ids = Array.from({ length: PEOPLE }, (_, i) => `U${String(i + 1).padStart(4, '0')}L`);
const counts: Record<string, number> = {};

beforeAll(async () => {
  db = await freshDatabase();
  fake = await startFakeSlack();
  ({ store } = await openPostgresStore(db.url));
}, 120_000);

afterAll(async () => {
  await store?.close();
  await fake?.close();
  await db?.drop();
});

async function fanOut(name: keyof typeof DAYS, replicas: number, sharedHolds: boolean): Promise<number> {
  const at = DAYS[name];
  // Profiles an hour old: the pass calls no users.info, so chat.postMessage alone meets the limit.
  await seedPeople(store, fake, ids, Date.parse(at) - 3_600_000);
  const procs: Replica[] = Array.from({ length: replicas }, () => spawnReplica({ url: db.url, apiUrl: fake.apiUrl, token: fake.token }, { sharedHolds }));
  try {
    await allReady(procs);
    fake.reset();
    fake.enforceWindow({ method: 'chat.postMessage', limit: LIMIT, windowMs: WINDOW_MS });
    const started = performance.now();
    const reports = await Promise.all(procs.map((r) => r.run('checkins', at)));
    const ms = performance.now() - started;
    expect(reports.map((r) => r.error)).toEqual(reports.map(() => undefined));
    expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(PEOPLE);
    expect(reports.reduce((n, r) => n + r.failed, 0)).toBe(0);
    // Each person exactly one check-in: nobody missed, nobody twice, however many 429s were waited out.
    const per = new Map<string, number>();
    for (const m of fake.messages) if (m.dmUser && (m.text ?? '').startsWith('Any social engagement')) per.set(m.dmUser, (per.get(m.dmUser) ?? 0) + 1);
    expect(ids.filter((id) => per.get(id) !== 1)).toEqual([]);
    const claims = (await store.claims.ofJob(CHECKIN_JOB)).filter((c) => c.period === at.slice(0, 10));
    expect(claims.filter((c) => c.status === 'sent')).toHaveLength(PEOPLE);
    const limited = fake.calls.filter((c) => c.status === 429).length;
    counts[name] = limited;
    counts[`${name}Ms`] = Math.round(ms);
    process.stderr.write(`${name}: ${limited} 429s, ${Math.round(ms)} ms\n`);
    return limited;
  } finally {
    fake.clearFaults();
    await Promise.all(procs.map((r) => r.stop()));
  }
}

it(`counts the 429s of a ${PEOPLE}-person check-in fan-out under a limit of ${LIMIT} posts a second: 1 replica`, async () => {
  expect(await fanOut('one', 1, true)).toBeGreaterThan(0);
}, 180_000);

it('3 replicas sharing holds', async () => {
  expect(await fanOut('shared', 3, true)).toBeGreaterThan(0);
}, 180_000);

it('3 replicas without shared holds earn more 429s than 3 sharing them', async () => {
  const unshared = await fanOut('unshared', 3, false);
  expect(counts.shared).toBeLessThan(unshared);
  recordFigures('replicaRateLimit', { people: PEOPLE, limitPerWindow: LIMIT, windowMs: WINDOW_MS, ...counts });
}, 180_000);
