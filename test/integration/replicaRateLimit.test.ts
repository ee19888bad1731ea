// One Slack rate-limit budget for all replicas, with real processes: a check-in fan-out under the fake
// Slack's workspace-wide chat.postMessage limit (fixed windows, 429 with Retry-After beyond it), run by
// one replica, by three sharing holds (slack_holds, migration 0005), and by three that do not share
// them (REPLICA_SHARED_HOLDS=off). Everyone gets exactly one check-in each time; the counts are figures
// (they vary from run to run with how the three processes interleave, so no test orders them). What the
// sharing does is tested exactly: a 429 one replica saw holds another replica's posts back until its
// Retry-After ends, and without sharing that other replica posts straight into it.
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

it('3 replicas without shared holds', async () => {
  expect(await fanOut('unshared', 3, false)).toBeGreaterThan(0);
  recordFigures('replicaRateLimit', { people: PEOPLE, limitPerWindow: LIMIT, windowMs: WINDOW_MS, ...counts });
}, 180_000);

/** Wall-clock ms, the clock the fake stamps calls with and the replicas write holds in. */
const wallNow = (): number => performance.timeOrigin + performance.now();

/** Retry-After of the two 429s replica A is given (secondReplicaDuringA429). */
const RETRY_AFTER_S = 4;

async function until<T>(what: string, probe: () => Promise<T | null> | T | null): Promise<T> {
  for (const deadline = wallNow() + 20_000; wallNow() < deadline;) {
    const v = await probe();
    if (v !== null) return v;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * Replica A's first two check-ins are answered 429 with Retry-After 4 s (two channels: the whole method
 * is held). Once A has seen them, replica B starts the same pass. Returns the chat.postMessage calls that
 * reached Slack while the 429s' Retry-After still ran, from when B was sending (it held a check-in
 * claim it had not finished), and at least 200 ms after A saw the 429s (what was in flight), to 200 ms
 * before the end (two processes' clocks): so "nothing was posted" cannot mean B had not started. A B
 * that starts too late to leave half a second of window fails the test as such. Everyone still gets
 * exactly one check-in.
 */
async function secondReplicaDuringA429(day: string, sharedHolds: boolean): Promise<{ posted: number; bSending: boolean }> {
  await seedPeople(store, fake, ids, Date.parse(day) - 3_600_000);
  const [a, b] = [0, 1].map(() => spawnReplica({ url: db.url, apiUrl: fake.apiUrl, token: fake.token }, { sharedHolds }));
  try {
    await allReady([a, b]);
    fake.reset();
    fake.rateLimit('chat.postMessage', RETRY_AFTER_S, 2);
    const passA = a.run('checkins', day);
    const seenAt = await until('A to see two 429s', () => (fake.calls.filter((c) => c.status === 429).length >= 2 ? wallNow() : null));
    const first429 = Math.min(...fake.calls.filter((c) => c.status === 429).map((c) => c.at));
    if (sharedHolds) {
      // A wrote the hold for the whole method (two channels held at once) before its client saw the 429.
      const heldUntil = await until('the method-wide hold', () => store.slackHolds.heldUntil('chat.postMessage', '', wallNow()));
      expect(heldUntil).toBeGreaterThan(first429 + 2000);
    }
    const passB = b.run('checkins', day);
    const to = first429 + RETRY_AFTER_S * 1000 - 200;
    // The window opens once B holds a check-in claim it has not finished (it is sending) and A's
    // in-flight calls have settled; it closes 200 ms before the Retry-After ends (two processes' clocks).
    const bHolds = async () => (await store.claims.ofJob(CHECKIN_JOB))
      .some((c) => c.status === 'claimed' && c.holder?.split(':')[1] === String(b.child.pid));
    const bSendingAt = await until('B to hold a check-in claim', async () => ((await bHolds()) ? wallNow() : null));
    const from = Math.max(seenAt + 200, bSendingAt);
    const bSending = from < to - 500;
    if (!bSending) throw new Error(`replica B began sending ${Math.round(bSendingAt - first429)} ms after the first 429, too late to show anything about the hold`);
    const [ra, rb] = await Promise.all([passA, passB]);
    expect([ra.error, rb.error]).toEqual([undefined, undefined]);
    expect(ra.sent + rb.sent).toBe(PEOPLE);
    const per = new Map<string, number>();
    for (const m of fake.messages) if (m.dmUser && (m.text ?? '').startsWith('Any social engagement')) per.set(m.dmUser, (per.get(m.dmUser) ?? 0) + 1);
    expect(ids.filter((id) => per.get(id) !== 1)).toEqual([]);
    return { posted: fake.callsTo('chat.postMessage').filter((c) => c.at >= from && c.at <= to).length, bSending };
  } finally {
    fake.clearFaults();
    await Promise.all([a, b].map((r) => r.stop()));
  }
}

it('a 429 one replica saw holds another replica process back for that method until its Retry-After ends', async () => {
  expect(await secondReplicaDuringA429('2026-12-01T15:30:00Z', true)).toEqual({ posted: 0, bSending: true });
}, 120_000);

it('without shared holds the other replica process posts while the first is still told to wait (the control)', async () => {
  const control = await secondReplicaDuringA429('2026-12-02T15:30:00Z', false);
  expect(control.posted).toBeGreaterThan(0);
}, 120_000);
