// The assignments store on a real database (SQLite, and PostgreSQL in the jest project "postgres"):
// offers insert once, state changes are compare-and-set.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Store } from '../../src/services/store';
import { openTestStore } from '../support/testDb';

const NOW = Date.parse('2026-11-26T10:00:00Z');
let dir: string;
let store: Store;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ballast-assign-'));
  ({ store } = await openTestStore(dir));
  for (const id of ['U1LEAD', 'U2ADA', 'U3BEN']) {
    await store.people.upsertProfile({
      id, teamId: 'T1', name: id, realName: id, email: null, tz: 'UTC', isBot: false, deleted: false, statusText: '', statusEmoji: '', statusExpiration: 0,
    }, NOW);
  }
});
afterEach(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const offer = (assigneeId = 'U2ADA', link = 'https://x.com/1', estimateMinutes = 20) =>
  store.assignments.create({ leadId: 'U1LEAD', assigneeId, link, brief: null, estimateMinutes, dueAt: NOW + 3_600_000 }, NOW);

it('inserts an offer once while the same person has the same link open, and again once it is closed', async () => {
  const first = await offer();
  const again = await offer();
  expect(first.created).toBe(true);
  expect(again).toEqual({ assignment: first.assignment, created: false });
  expect((await offer('U3BEN')).created).toBe(true);
  await store.assignments.transition(first.assignment.id, 'offered', 'declined', NOW, { declineReason: 'other' });
  expect((await offer()).created).toBe(true);
  expect(await store.assignments.assigneesOfLink('U1LEAD', 'https://x.com/1')).toEqual(['U2ADA', 'U3BEN']);
});

it('moves state only from the expected state, so the second of two racing clicks changes nothing', async () => {
  const { assignment: a } = await offer();
  const results = await Promise.all([
    store.assignments.transition(a.id, 'offered', 'accepted', NOW + 1),
    store.assignments.transition(a.id, 'offered', 'declined', NOW + 2, { declineReason: 'no_capacity' }),
  ]);
  expect(results).toEqual([true, false]);
  expect(await store.assignments.get(a.id)).toMatchObject({ state: 'accepted', declineReason: null, updatedAt: NOW + 1 });
  expect(await store.assignments.transition(a.id, 'accepted', 'done', NOW + 3, { doneMinutes: 25 })).toBe(true);
  expect(await store.assignments.transition(a.id, 'accepted', 'done', NOW + 4, { doneMinutes: 99 })).toBe(false);
  expect(await store.assignments.get(a.id)).toMatchObject({ state: 'done', doneMinutes: 25 });
});

it('records the assignee message and the lead thread once each', async () => {
  const { assignment: a } = await offer();
  expect(await store.assignments.setAssigneeMessage(a.id, 'D1', '1.1')).toBe(true);
  expect(await store.assignments.setAssigneeMessage(a.id, 'D1', '2.2')).toBe(false);
  expect(await store.assignments.setLeadThread(a.id, 'D2', '3.3')).toBe(true);
  expect(await store.assignments.setLeadThread(a.id, 'D2', '4.4')).toBe(false);
  expect(await store.assignments.get(a.id)).toMatchObject({ assigneeTs: '1.1', leadTs: '3.3' });
});

it('sums open estimates and logged minutes per person, and counts offers since an instant', async () => {
  await offer('U2ADA', 'https://x.com/1', 20);
  await offer('U2ADA', 'https://x.com/2', 30);
  const { assignment: done } = await offer('U3BEN', 'https://x.com/3', 45);
  await store.assignments.transition(done.id, 'offered', 'done', NOW);
  expect(await store.assignments.openEstimateMinutes('U2ADA')).toBe(50);
  expect(await store.assignments.openEstimateMinutes('U3BEN')).toBe(0);
  expect(Object.fromEntries(await store.assignments.openEstimatesByPerson())).toEqual({ U2ADA: 50 });
  expect(Object.fromEntries(await store.assignments.countsSince(NOW))).toEqual({ U2ADA: 2, U3BEN: 1 });
  expect((await store.assignments.countsSince(NOW + 1)).size).toBe(0);
  await store.entries.add({ personId: 'U2ADA', minutes: 40, kind: 'post', date: '2026-11-23', weekKey: '2026-W48', source: 'command' }, NOW);
  await store.entries.add({ personId: 'U2ADA', minutes: 15, kind: 'post', date: '2026-11-22', weekKey: '2026-W47', source: 'command' }, NOW);
  expect(Object.fromEntries(await store.assignments.loggedByPersonBetween('2026-11-23', '2026-11-29'))).toEqual({ U2ADA: 40 });
});

it('lists open assignments due by an instant, and expired ones due since one', async () => {
  const { assignment: a } = await offer('U2ADA', 'https://x.com/1');
  const { assignment: b } = await offer('U3BEN', 'https://x.com/2');
  await store.assignments.transition(b.id, 'offered', 'expired', NOW);
  expect((await store.assignments.openDueBy(NOW + 3_600_000)).map((x) => x.id)).toEqual([a.id]);
  expect(await store.assignments.openDueBy(NOW)).toEqual([]);
  expect((await store.assignments.expiredDueSince(NOW)).map((x) => x.id)).toEqual([b.id]);
});
