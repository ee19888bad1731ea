// Three real Ballast processes (test/support/replicaProcess.ts) on one PostgreSQL database and one fake
// Slack, 500 people due: each gets each check-in exactly once; then one replica is SIGKILLed in the
// middle of a pass on a slow Slack. The two survivors finish the pass, a pass after the claim lease
// takes over what the dead one held, and the only duplicates are the ones RELIABILITY.md §9 "Claim
// leases" allows: a person whose claim was taken over and whose message the dead replica had already
// handed to Slack. Nobody is missed.
import { CHECKIN_JOB } from '../../src/services/checkins';
import { CLAIM_LEASE_MS } from '../../src/services/sendOnce';
import { PASS_CONCURRENCY } from '../../src/jobs/pass';
import { openPostgresStore, type PostgresStore } from '../../src/store/postgres';
import { startFakeSlack, type FakeSlack } from '../support/fakeSlack';
import { freshDatabase, type TestDatabase } from '../support/postgres';
import { recordFigures } from '../support/figures';
import { allReady, seedPeople, spawnReplica, type Replica, stopReplicaWorld } from '../support/replicas';

const PEOPLE = 500;
// 16:30 in Berlin, the default check-in time, on a Thursday and the Friday after.
const THURSDAY = '2026-11-26T15:30:00Z';
const FRIDAY = '2026-11-27T15:30:00Z';
/** The first tick after the dead replica's leases ran out (16:51 in Berlin, inside sending hours). */
const AFTER_LEASE = new Date(Date.parse(FRIDAY) + CLAIM_LEASE_MS + 60_000).toISOString();
/** SIGKILL one replica once this many check-ins of Friday's pass have reached Slack. */
const KILL_AFTER = 150;

let db: TestDatabase;
let fake: FakeSlack;
let store: PostgresStore;
let replicas: Replica[];
const ids = Array.from({ length: PEOPLE }, (_, i) => `U${String(i + 1).padStart(4, '0')}P`);

beforeAll(async () => {
  db = await freshDatabase();
  fake = await startFakeSlack();
  ({ store } = await openPostgresStore(db.url));
  // The replicas start (and find the schema migrated) while the people are written. Their profiles are
  // an hour old on Thursday (no users.info then) and a day old by Friday's pass, which refreshes them.
  replicas = [0, 1, 2].map(() => spawnReplica({ url: db.url, apiUrl: fake.apiUrl, token: fake.token }));
  await seedPeople(store, fake, ids, Date.parse(THURSDAY) - 3_600_000);
  await allReady(replicas);
}, 120_000);

afterAll(async () => {
  await stopReplicaWorld({ replicas, store, fake, db });
});

/** Check-ins posted to each person (chat.postMessage calls Slack received) from `from` on in fake.calls. */
function postsPerPerson(from: number, to = fake.calls.length): Map<string, number> {
  const n = new Map<string, number>();
  for (const c of fake.calls.slice(from, to)) {
    if (c.method === 'chat.postMessage' && String(c.args.text ?? '').startsWith('Any social engagement')) {
      n.set(String(c.args.channel), (n.get(String(c.args.channel)) ?? 0) + 1);
    }
  }
  return n;
}

it(`sends ${PEOPLE} due check-ins once each when three separate processes run the pass at the same moment`, async () => {
  const before = fake.calls.length;
  const started = performance.now();
  const reports = await Promise.all(replicas.map((r) => r.run('checkins', THURSDAY)));
  const passMs = performance.now() - started;
  expect(reports.map((r) => r.error)).toEqual([undefined, undefined, undefined]);
  expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(PEOPLE);
  // Each process did part of the work: the claims, not one process running alone, kept it to one each.
  expect(reports.filter((r) => r.sent > 0).length).toBeGreaterThanOrEqual(2);
  const posts = postsPerPerson(before);
  expect(ids.filter((id) => posts.get(id) !== 1)).toEqual([]);
  const claims = (await store.claims.ofJob(CHECKIN_JOB)).filter((c) => c.period === '2026-11-26');
  expect(claims.filter((c) => c.status === 'sent' && c.attempts === 1)).toHaveLength(PEOPLE);
  recordFigures('replicaProcessesPass', {
    processes: 3, people: PEOPLE, sentPerProcess: reports.map((r) => r.sent), duplicates: 0, missed: 0, passMs: Math.round(passMs),
  });
}, 120_000);

it('finishes a pass whose replica was SIGKILLed mid-send: survivors at once, its held claims after the lease, no loss', async () => {
  // Slack answers each post 300 ms late, so each replica has a full set of sends in flight when one dies.
  fake.delay('chat.postMessage', 300);
  const before = fake.calls.length;
  const [a, b, victim] = replicas;
  const started = performance.now();
  const survivors = [a.run('checkins', FRIDAY), b.run('checkins', FRIDAY)];
  // Its run ends in the SIGKILL below; that it exits so is asserted there.
  const victimRun = victim.run('checkins', FRIDAY).catch((e: Error) => e);
  await fake.waitFor(() => [...postsPerPerson(before).values()].reduce((x, y) => x + y, 0) >= KILL_AFTER, 60_000);
  // Kill it while it really holds sends in flight (on a busy machine it may start its pass late).
  const victimHolds = async () => (await store.claims.ofJob(CHECKIN_JOB))
    .filter((c) => c.status === 'claimed' && c.holder?.split(':')[1] === String(victim.child.pid)).length;
  for (const deadline = performance.now() + 30_000; (await victimHolds()) === 0;) {
    if (performance.now() > deadline) throw new Error('the replica to kill never held a claim in flight');
  }
  victim.child.kill('SIGKILL');
  expect(await victim.exited).toBe('SIGKILL');
  expect(String(await victimRun)).toMatch(/replica exited \(SIGKILL\) during checkins/);
  const reports = await Promise.all(survivors);
  expect(reports.map((r) => r.error)).toEqual([undefined, undefined]);
  // Every post Slack received is answered (the dead replica's too: Slack took them), so nothing is in flight.
  await fake.waitFor((f) => f.calls.every((c) => c.status !== undefined), 30_000);
  const survivedMs = performance.now() - started;

  // What the dead replica held: claimed, never finished. Each one is a send it had in flight.
  const friday = async () => (await store.claims.ofJob(CHECKIN_JOB)).filter((c) => c.period === '2026-11-27');
  const held = (await friday()).filter((c) => c.status === 'claimed');
  expect(held.length).toBeGreaterThan(0);
  // All of them are the dead replica's (the holder names its pid): the survivors finished all of theirs.
  expect(held.filter((c) => c.holder?.split(':')[1] !== String(victim.child.pid))).toEqual([]);
  expect(held.length).toBeLessThanOrEqual(PASS_CONCURRENCY);
  const heldIds = new Set(held.map((c) => c.subject));
  // Which of those the dead replica had already handed to Slack before it died (the duplicate window).
  const beforeTakeover = fake.calls.length;
  const handedOver = postsPerPerson(before, beforeTakeover);
  const survivorsSent = reports.reduce((n, r) => n + r.sent, 0);
  expect(survivorsSent + held.length).toBeLessThanOrEqual(PEOPLE);

  // The next tick after the lease, on both survivors at once: each held claim is taken over exactly once.
  fake.reset();
  const after = await Promise.all([a.run('checkins', AFTER_LEASE), b.run('checkins', AFTER_LEASE)]);
  expect(after.reduce((n, r) => n + r.sent, 0)).toBe(held.length);
  const takeover = postsPerPerson(0);
  expect([...takeover.keys()].sort()).toEqual([...heldIds].sort());
  expect([...takeover.values()].every((n) => n === 1)).toBe(true);

  // No loss: everyone has Friday's check-in, every claim is sent, and each was taken over at most once.
  const claims = await friday();
  expect(claims).toHaveLength(PEOPLE);
  expect(claims.filter((c) => c.status !== 'sent')).toEqual([]);
  expect(claims.filter((c) => c.attempts === 2).map((c) => c.subject).sort()).toEqual([...heldIds].sort());
  expect(claims.filter((c) => c.attempts > 2)).toEqual([]);
  // Exactly the documented duplicates: only a taken-over person whose message the dead replica had
  // already handed to Slack got a second one; everyone else got exactly one.
  const total = (id: string) => (handedOver.get(id) ?? 0) + (takeover.get(id) ?? 0);
  const duplicated = ids.filter((id) => total(id) > 1);
  expect(ids.filter((id) => total(id) === 0)).toEqual([]);
  expect(ids.filter((id) => total(id) > 2)).toEqual([]);
  expect(duplicated.every((id) => heldIds.has(id) && handedOver.get(id) === 1)).toBe(true);
  expect(ids.filter((id) => !heldIds.has(id) && total(id) !== 1)).toEqual([]);
  recordFigures('replicaSigkill', {
    processes: 3, people: PEOPLE, killedAfterPosts: KILL_AFTER, slackDelayMs: 300, survivorsSent, heldByDeadReplica: held.length,
    takenOverAfterLease: after.reduce((n, r) => n + r.sent, 0), duplicates: duplicated.length, missed: 0,
    survivorsFinishedMs: Math.round(survivedMs), leaseMinutes: CLAIM_LEASE_MS / 60_000,
  });
}, 180_000);
