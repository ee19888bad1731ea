// Every scheduled pass run by three real Ballast processes (test/support/replicaProcess.ts) on one
// PostgreSQL database and one fake Slack, all three at the same instant: over one fortnight of a
// 500-person organisation, each due person gets each message exactly once: Thursday's check-in,
// Friday's pulse, Monday's manager digest, each step of an assignment in the reminders pass (the offer
// held overnight, the reminder, the lead told at due and at expiry), the inactivity nudge and the
// crowding alerts the nudges pass delivers once a manager's sending hours come round. Nobody is
// missed, nobody else is sent one, the reports add up to the people due, each claim was sent once on
// its first attempt, and the tick a minute later sends nothing.
// replicaProcesses.test.ts has the check-ins under a SIGKILL; postgresReplicas.test.ts the same passes
// as three in-process replicas.
import { Writable } from 'node:stream';
import { composeDeps, composeLogger } from '../../src/composition';
import { CHECKIN_JOB } from '../../src/services/checkins';
import { logEngagement } from '../../src/services/entries';
import { MANAGER_ALERT_JOB } from '../../src/services/warnings';
import { PULSE_JOB } from '../../src/jobs/pulse';
import { DIGEST_JOB } from '../../src/jobs/digests';
import { INACTIVITY_JOB } from '../../src/jobs/nudges';
import { weekKey } from '../../src/core/time';
import { openPostgresStore, type PostgresStore } from '../../src/store/postgres';
import { startFakeSlack, type FakeSlack } from '../support/fakeSlack';
import { freshDatabase, type TestDatabase } from '../support/postgres';
import { recordFigures } from '../support/figures';
import { allReady, seedPeople, spawnReplica, type Replica, type ReplicaReport, stopReplicaWorld } from '../support/replicas';

const PEOPLE = 500;
const MANAGERS = 50;
// 16:30 in Berlin (the default check-in time) on Thursday 2026-11-26, and the Friday pulse after it.
const THURSDAY = '2026-11-26T15:30:00Z';
const FRIDAY = '2026-11-27T15:30:00Z';
// Monday 09:00 in Berlin, the digest time: last full week is the one of Monday 2026-11-23.
const MONDAY = '2026-11-30T08:00:00Z';
const LAST_WEEK_MONDAY = '2026-11-23';
// Assignments offered Monday 23:00 in Berlin (held for sending hours), delivered Tuesday 08:30, due
// Tuesday 13:00: their reminders go out in the hour before, the lead is told at due, expiry a day after.
const OFFERED = '2026-11-30T22:00:00Z';
const DELIVER = '2026-12-01T07:30:00Z';
const REMIND = '2026-12-01T11:30:00Z';
const DUE = '2026-12-01T12:00:00Z';
const EXPIRE = '2026-12-02T12:00:00Z';
// At check-in time two weeks after everyone joined: the managers never logged, the others 17 days ago.
const TWO_WEEKS_ON = '2026-12-10T15:30:00Z';
// The Monday of that week, 22:00 in Berlin: outside the managers' sending hours.
const CROWDED = '2026-12-07T21:00:00Z';
const LINK = 'https://www.linkedin.com/feed/update/urn:li:activity:';

let db: TestDatabase;
let fake: FakeSlack;
let store: PostgresStore;
let replicas: Replica[];
const ids = Array.from({ length: PEOPLE }, (_, i) => `U${String(i + 1).padStart(4, '0')}Q`);
/** The first 50 people each manage nine of the others. */
const managerOf = (i: number) => ids[(i - MANAGERS) % MANAGERS];
/** Who offered the ith person their assignment: their manager; a manager's, the next manager. */
const leadOf = (i: number) => (i < MANAGERS ? ids[(i + 1) % MANAGERS] : managerOf(i));
/** Each person's assignment id. */
const assignmentOf = new Map<string, number>();
const figures: Record<string, unknown> = {};

/** 25 at a time, as seedPeople writes. */
async function inBatches<T>(items: readonly T[], write: (item: T, i: number) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += 25) await Promise.all(items.slice(i, i + 25).map((x, j) => write(x, i + j)));
}

beforeAll(async () => {
  db = await freshDatabase();
  fake = await startFakeSlack();
  ({ store } = await openPostgresStore(db.url));
  // The replicas start (and find the schema migrated) while the organisation is written.
  replicas = [0, 1, 2].map(() => spawnReplica({ url: db.url, apiUrl: fake.apiUrl, token: fake.token }));
  await seedPeople(store, fake, ids, Date.parse(THURSDAY) - 3_600_000);
  const reports = ids.slice(MANAGERS);
  await inBatches(reports, (id, i) => store.people.setManager(id, managerOf(i + MANAGERS)));
  // Each report logged half an hour last week, for the digests to show; it is a day of their own,
  // so Thursday's check-in is still due, and 17 days back by the nudge.
  await inBatches(reports, (id) => store.entries.add({
    personId: id, minutes: 30, kind: 'post', date: LAST_WEEK_MONDAY, weekKey: weekKey(LAST_WEEK_MONDAY), source: 'command',
  }, Date.parse(`${LAST_WEEK_MONDAY}T17:00:00Z`)));
  await allReady(replicas);
}, 120_000);

afterAll(async () => {
  await stopReplicaWorld({ replicas, store, fake, db });
  recordFigures('replicaPasses', { processes: 3, people: PEOPLE, managers: MANAGERS, ...figures });
});

afterEach(() => {
  expect(fake.rejections).toEqual([]);
});

/** All three replicas run one pass at the same instant; their reports and how long the slowest took. */
async function atOnce(job: string, at: string): Promise<{ reports: ReplicaReport[]; ms: number }> {
  const started = performance.now();
  const reports = await Promise.all(replicas.map((r) => r.run(job, at)));
  return { reports, ms: Math.round(performance.now() - started) };
}

/** How many messages starting with `prefix` each person's DM got from the `from`th message on. */
function receivedSince(from: number, prefix: string): Map<string, number> {
  const n = new Map<string, number>();
  for (const m of fake.messages.slice(from)) {
    if (!m.deleted && m.dmUser && (m.text ?? '').startsWith(prefix)) n.set(m.dmUser, (n.get(m.dmUser) ?? 0) + 1);
  }
  return n;
}

/** One kind of message a pass sends: who it is due to, who got how many, and its claims. */
interface Sends {
  due: readonly string[];
  got: Map<string, number>;
  claims: { subject: string; status: string; attempts: number }[];
  /** The claims' subjects when they are not the people due (an assignment's id). */
  subjects?: readonly string[];
}

/**
 * The pass's whole account: for each kind it sends, every due person got exactly one (nobody missed,
 * nobody twice), nobody else got one, and the claims show each sent once on its first attempt; the
 * reports' sent add up to all that was due, none failed, more than one process did some, and the next
 * tick sends nothing.
 */
async function expectExactlyOnce(name: string, run: { reports: ReplicaReport[]; ms: number }, kinds: Sends[]): Promise<void> {
  expect(run.reports.map((r) => r.error)).toEqual([undefined, undefined, undefined]);
  for (const { due, got, claims, subjects = due } of kinds) {
    expect(due.filter((id) => got.get(id) !== 1)).toEqual([]);
    expect([...got.keys()].filter((id) => !due.includes(id))).toEqual([]);
    expect(claims.map((c) => c.subject).sort()).toEqual([...subjects].sort());
    expect(claims.filter((c) => c.status !== 'sent' || c.attempts !== 1)).toEqual([]);
  }
  const due = kinds.reduce((n, k) => n + k.due.length, 0);
  expect(run.reports.reduce((n, r) => n + r.sent, 0)).toBe(due);
  expect(run.reports.map((r) => r.failed)).toEqual([0, 0, 0]);
  // With hundreds due, each process does part of the work: the claims, not one process running alone,
  // kept it to one each. Fifty digests may all go to whichever process starts first.
  if (due > MANAGERS) expect(run.reports.filter((r) => r.sent > 0).length).toBeGreaterThanOrEqual(2);
  // The next tick, a minute on, on all three at once: still due, already sent, so nothing goes out.
  const messages = fake.messages.length;
  const next = await atOnce(run.reports[0].job, new Date(Date.parse(run.reports[0].at) + 60_000).toISOString());
  expect(next.reports.map((r) => [r.error, r.sent, r.failed])).toEqual([[undefined, 0, 0], [undefined, 0, 0], [undefined, 0, 0]]);
  expect(fake.messages.length).toBe(messages);
  figures[name] = {
    due: kinds.map((k) => k.due.length), sentPerProcess: run.reports.map((r) => r.sent), passMs: run.ms, nextTickMs: next.ms,
    duplicates: 0, missed: 0,
  };
}

it(`sends ${PEOPLE} due check-ins once each when three processes run the pass at the same instant`, async () => {
  const from = fake.messages.length;
  const run = await atOnce('checkins', THURSDAY);
  const claims = (await store.claims.ofJob(CHECKIN_JOB)).filter((c) => c.period === '2026-11-26');
  await expectExactlyOnce('checkins', run, [{ due: ids, got: receivedSince(from, 'Any social engagement'), claims }]);
}, 120_000);

it(`asks ${PEOPLE} people the Friday pulse once each when three processes run it at the same instant`, async () => {
  const from = fake.messages.length;
  const run = await atOnce('pulse', FRIDAY);
  const claims = (await store.claims.ofJob(PULSE_JOB)).filter((c) => c.period === weekKey('2026-11-27'));
  await expectExactlyOnce('pulse', run, [{ due: ids, got: receivedSince(from, 'Weekly pulse:'), claims }]);
}, 120_000);

it(`sends each of ${MANAGERS} managers one digest of their nine reports when three processes run it at the same instant`, async () => {
  const from = fake.messages.length;
  const run = await atOnce('digests', MONDAY);
  const managers = ids.slice(0, MANAGERS);
  const claims = (await store.claims.ofJob(DIGEST_JOB)).filter((c) => c.period === weekKey(LAST_WEEK_MONDAY));
  await expectExactlyOnce('digests', run, [{ due: managers, got: receivedSince(from, 'Team advocacy for the week of'), claims }]);
  // Each is the digest of that manager's own team: nine people, 4h 30m between them.
  for (const m of fake.messages.slice(from)) expect(m.text).toMatch(/: 4h 30m of .* across 9 people/);
}, 120_000);

// The reminders pass, over one assignment each: offered, reminded, due, expired.
const assignmentIds = () => ids.map((id) => String(assignmentOf.get(id)));
const claimsOf = async (job: string) => (await store.claims.ofJob(job)).filter((c) => c.period === 'once');
const current = async () => new Map(await Promise.all(ids.map(async (id) => [id, (await store.assignments.get(assignmentOf.get(id)!))!] as const)));

it(`delivers ${PEOPLE} offers held overnight once each at 08:30 when three processes run the pass at the same instant`, async () => {
  // Offered at 23:00 in Berlin, outside sending hours: held, nothing sent yet.
  await inBatches(ids, async (id, i) => {
    const { assignment } = await store.assignments.create({
      leadId: leadOf(i), assigneeId: id, link: `${LINK}${i + 1}`, brief: null, estimateMinutes: 15, dueAt: Date.parse(DUE),
    }, Date.parse(OFFERED));
    assignmentOf.set(id, assignment.id);
  });
  const from = fake.messages.length;
  const run = await atOnce('reminders', DELIVER);
  await expectExactlyOnce('offers', run, [{
    due: ids, got: receivedSince(from, 'New conversation for you: '), claims: await claimsOf('assign-offer'), subjects: assignmentIds(),
  }]);
  // Each is that person's own offer, and the assignment points at the message Slack took.
  const byId = await current();
  expect(ids.filter((id, i) => {
    const [m] = fake.messagesTo(id).filter((x) => x.text?.startsWith('New conversation for you: '));
    return m.text !== `New conversation for you: ${LINK}${i + 1}` || byId.get(id)!.assigneeTs !== m.ts;
  })).toEqual([]);
  // Half of them accept before it is due.
  await inBatches(ids.filter((_, i) => i % 2 === 0), (id) => store.assignments.transition(assignmentOf.get(id)!, 'offered', 'accepted', Date.parse(DELIVER) + 60_000));
}, 120_000);

it(`reminds each of ${PEOPLE} assignees once an hour before due when three processes run the pass at the same instant`, async () => {
  const from = fake.messages.length;
  const run = await atOnce('reminders', REMIND);
  await expectExactlyOnce('reminders', run, [{
    due: ids, got: receivedSince(from, 'Reminder: the conversation'), claims: await claimsOf('assign-remind'), subjects: assignmentIds(),
  }]);
  // Each names the assignee's own lead.
  expect(ids.filter((id, i) => !fake.messagesTo(id).some((m) => m.text?.startsWith(`Reminder: the conversation <@${leadOf(i)}> gave you`))))
    .toEqual([]);
}, 120_000);

/** How many lead notices about each assignee, starting `prefix`, reached their lead in that assignment's thread since `from`. */
async function leadNoticesSince(from: number, prefix: string): Promise<Map<string, number>> {
  const byId = await current();
  const got = new Map<string, number>();
  for (const m of fake.messages.slice(from)) {
    if (!(m.text ?? '').startsWith(prefix)) continue;
    const about = /<@(\w+)>/.exec(m.text ?? '')?.[1];
    const a = about ? byId.get(about) : undefined;
    if (a && m.dmUser === a.leadId && m.threadTs !== undefined && m.threadTs === a.leadTs) got.set(about!, (got.get(about!) ?? 0) + 1);
  }
  return got;
}

it(`tells each assignment's lead once at due, in its own thread, when three processes run the pass at the same instant`, async () => {
  const from = fake.messages.length;
  const run = await atOnce('reminders', DUE);
  // Each lead has ten assignments: the pass opens each one's thread with the lead and replies in it.
  // Counted by assignee: the due notices about them that reached their lead, in that assignment's thread.
  const got = await leadNoticesSince(from, ':alarm_clock: It is due now and');
  await expectExactlyOnce('dueToLeads', run, [{ due: ids, got, claims: await claimsOf('assign-due'), subjects: assignmentIds() }]);
  // One thread per assignment, no more.
  const parents = fake.messages.slice(from).filter((m) => m.threadTs === undefined);
  expect(parents.map((m) => m.text?.match(/^You offered a conversation to <@(\w+)>/)?.[1]).sort()).toEqual([...ids].sort());
  expect(ids.filter((id, i) => parents.find((m) => m.text?.includes(`<@${id}>`))?.dmUser !== leadOf(i))).toEqual([]);
}, 120_000);

it(`expires the ${PEOPLE / 2} assignments still open a day after due and tells each lead once when three processes run the pass at the same instant`, async () => {
  // The half never accepted were declined after due (recorded as the Decline button does); the
  // accepted half stays open and expires.
  const declined = ids.filter((_, i) => i % 2 === 1);
  const open = ids.filter((_, i) => i % 2 === 0);
  await inBatches(declined, (id) => store.assignments.transition(assignmentOf.get(id)!, 'offered', 'declined', Date.parse(DUE) + 3_600_000, {
    declineReason: 'no_capacity',
  }));
  const from = fake.messages.length;
  const run = await atOnce('reminders', EXPIRE);
  const got = await leadNoticesSince(from, ':hourglass: It expired a day after it was due');
  await expectExactlyOnce('expiryToLeads', run, [{
    due: open, got, claims: await claimsOf('assign-expire'), subjects: open.map((id) => String(assignmentOf.get(id))),
  }]);
  // Each expired once: the compare-and-set let one process move it, and only that one redrew the
  // assignee's message (posted once, updated once, now saying it expired). The declined stay as they were.
  const byId = await current();
  expect(ids.filter((id, i) => byId.get(id)!.state !== (i % 2 === 0 ? 'expired' : 'declined'))).toEqual([]);
  const offerOf = (id: string) => fake.messagesTo(id).find((m) => m.ts === byId.get(id)!.assigneeTs)!;
  expect(open.filter((id) => offerOf(id).history.length !== 2 || !offerOf(id).text?.startsWith('Assignment expired: '))).toEqual([]);
  expect(declined.filter((id) => offerOf(id).history.length !== 1)).toEqual([]);
}, 120_000);

it(`nudges everyone quiet for two weeks once, and delivers each held crowding alert once, when three processes run the pass at the same instant`, async () => {
  // Monday 22:00 in Berlin, 100 reports (two per manager) log six hours, 150% of their budget: each is
  // warned at once, and the alert to their manager waits for the manager's sending hours.
  const crowded = ids.slice(MANAGERS, MANAGERS + 100);
  const logAt = Date.parse(CROWDED);
  const config = { botToken: fake.token, apiUrl: fake.apiUrl, admins: [], logLevel: 'warn' as const };
  const log = composeLogger(config, { destination: new Writable({ write: (_c, _e, done) => done() }) });
  const deps = composeDeps({ config, store, clock: { now: () => logAt }, log });
  const warned = fake.messages.length;
  await inBatches(crowded, async (id) => {
    const logged = await logEngagement(deps, (await store.people.get(id))!, { minutes: 360, kind: 'post', source: 'command' });
    expect(logged.ok).toBe(true);
  });
  expect(receivedSince(warned, '').size).toBe(crowded.length);
  expect(await store.claims.ofJob(MANAGER_ALERT_JOB)).toEqual([]);

  const from = fake.messages.length;
  const run = await atOnce('nudges', TWO_WEEKS_ON);
  // The nudge: to everyone but the 100 who logged three days ago. The managers never logged; the
  // others, 17 days before.
  const quiet = ids.filter((id) => !crowded.includes(id));
  const nudged = new Map<string, number>();
  for (const prefix of ['You haven’t logged any advocacy yet', 'It has been 17 days since you last logged advocacy']) {
    for (const [id, n] of receivedSince(from, prefix)) nudged.set(id, (nudged.get(id) ?? 0) + n);
  }
  // The alerts, counted by report: each manager gets one about each of their two.
  const alerted = new Map<string, number>();
  for (const m of fake.messages.slice(from)) {
    const about = /^<@(\w+)>'s advocacy is crowding out their core work this week/.exec(m.text ?? '')?.[1];
    if (about && m.dmUser === managerOf(ids.indexOf(about))) alerted.set(about, (alerted.get(about) ?? 0) + 1);
  }
  await expectExactlyOnce('nudges', run, [
    { due: quiet, got: nudged, claims: (await store.claims.ofJob(INACTIVITY_JOB)).filter((c) => c.period === '2026-12-10') },
    { due: crowded, got: alerted, claims: (await store.claims.ofJob(MANAGER_ALERT_JOB)).filter((c) => c.period === weekKey('2026-12-07')) },
  ]);
  expect(receivedSince(from, 'You haven’t').size).toBe(MANAGERS);
}, 120_000);
