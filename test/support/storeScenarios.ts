// The store scenarios: every method of every group of the store port, called with the ids and values
// that matter (dedupe keys, compare-and-set moves, orderings, the budget history's as-of rules), each
// writing a transcript of what the store answered. test/integration/storeContract.test.ts runs them on
// SQLite and PostgreSQL and compares; test/integration/tenantIsolation.test.ts runs them on two tenants
// with the same ids.
import type { SlackProfile, Entry } from '../../src/core/model';
import type { Store } from '../../src/services/store';

const profile = (id: string, extra: Partial<SlackProfile> = {}): SlackProfile => ({
  id, teamId: 'T1', name: id.toLowerCase(), realName: id, email: `${id.toLowerCase()}@example.com`, tz: 'Europe/Berlin',
  isBot: false, deleted: false, statusText: '', statusEmoji: '', statusExpiration: 0, ...extra,
});

/**
 * Ids differ between kinds where PostgreSQL spends a sequence value on an insert that conflicted, so
 * the transcript names entries and assignments by the order they were first seen.
 */
export function normaliser() {
  const entries = new Map<number, number>();
  const assignments = new Map<number, number>();
  const name = (m: Map<number, number>, id: unknown) => {
    if (typeof id !== 'number') return id;
    if (!m.has(id)) m.set(id, m.size + 1);
    return m.get(id);
  };
  const walk = (v: unknown): unknown => {
    if (v instanceof Map) return [...v.entries()].map(walk);
    if (Array.isArray(v)) return v.map(walk);
    if (v === null || typeof v !== 'object') return v;
    const o = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    const isAssignment = 'leadId' in o;
    const isEntry = 'source' in o && 'minutes' in o;
    for (const [k, x] of Object.entries(o)) {
      if (k === 'id' && isAssignment) out[k] = name(assignments, x);
      else if (k === 'id' && isEntry) out[k] = name(entries, x);
      else if (k === 'entryId') out[k] = name(entries, x);
      else if (k === 'assignmentId') out[k] = name(assignments, x);
      else out[k] = walk(x);
    }
    return out;
  };
  return walk;
}

export type Scenario = (s: Store, note: (label: string, value: unknown) => void) => Promise<void>;

const base = { personId: 'U1', minutes: 30, kind: 'respond' as const, date: '2026-11-26', weekKey: '2026-W48', source: 'command' as const };

export const scenarios: Record<string, Scenario> = {
  /** Forged or broken ids from payloads (NaN, 1.5, beyond 2^53): "not found" on both, never a storage error. */
  async idsThatNameNoRow(s, note) {
    await s.people.upsertProfile(profile('U1'), 1);
    const { entry } = await s.entries.add({ ...base, dedupeKey: 'k1' }, 1);
    for (const bad of [Number.NaN, 1.5, 2 ** 60, -1]) {
      note(`entry ${bad}`, [
        await s.entries.get(bad),
        await s.entries.remove(bad, 'U1'),
        await s.entries.updateOwned(bad, 'U1', { minutes: 5, kind: 'post', network: null, link: null, note: null, date: base.date, weekKey: base.weekKey }),
      ]);
      note(`assignment ${bad}`, [await s.assignments.get(bad), await s.assignments.transition(bad, 'offered', 'accepted', 2)]);
    }
    note('the real entry is untouched', await s.entries.get(entry.id));
  },
  async people(s, note) {
    note('missing', await s.people.get('U1'));
    note('upsert', await s.people.upsertProfile(profile('U1'), 1));
    for (const id of ['U3', 'U2', 'U10', 'Ua', 'UB']) await s.people.upsertProfile(profile(id, { realName: id === 'U3' ? 'Ann' : id }), 2);
    await s.people.upsertProfile(profile('U4', { deleted: true }), 2);
    await s.people.upsertProfile(profile('UBOT', { isBot: true }), 2);
    await s.people.setHours('U1', 20, { fromWeek: '2026-W48', by: 'U1', now: 5 });
    await s.people.setBudget('U1', 90, { fromWeek: '2026-W48', by: 'U9', now: 6 });
    note('refresh keeps settings', await s.people.upsertProfile(profile('U1', { tz: 'Asia/Kolkata', realName: 'New', email: 'Mixed@Example.com' }), 10));
    note('by email, any case', await s.people.getByEmail('mixed@EXAMPLE.com'));
    note('no email', await s.people.getByEmail('nobody@example.com'));
    await s.people.upsertProfile(profile('UE', { email: 'Émile@Example.com' }), 2);
    note('email folds ASCII only', [(await s.people.getByEmail('Émile@example.com'))?.id, (await s.people.getByEmail('émile@example.com'))?.id]);
    await s.people.markInactive('UB');
    await s.people.setRole('U2', 'lead');
    await s.people.setRole('U3', 'admin');
    await s.people.setManager('U2', 'U1');
    await s.people.setManager('U3', 'U1');
    await s.people.setManager('U10', 'U1');
    await s.people.setManager('Ua', 'U2');
    await s.people.setCheckin('U2', '09:15', [1, 3, 5], true);
    await s.people.setCheckin('U3', null, [], false);
    await s.people.setNudges('U2', false);
    await s.people.setPause('U2', true, '2026-12-24');
    await s.people.setPause('U3', false, '2026-12-24');
    await s.people.setShareStrain('U10', true);
    note('reportsOf (by real name, name, id)', (await s.people.reportsOf('U1')).map((p) => p.id));
    note('managers', (await s.people.managers()).map((p) => p.id));
    note('leads', await s.people.withRole('lead'));
    note('admins', (await s.people.withRole('admin')).map((p) => p.id));
    note('active', (await s.people.listActive()).map((p) => p.id));
    note('all', await s.people.listAll());
    await s.people.setBudget('U1', null, { fromWeek: '2026-W49', by: 'U9', now: 7 });
    note('budget back to default', await s.people.get('U1'));
    note('history', await s.budgetHistory.ofPerson('U1'));
    note('no history', await s.budgetHistory.ofPerson('U2'));
  },

  async entries(s, note) {
    await s.people.upsertProfile(profile('U1'), 1);
    await s.people.upsertProfile(profile('U2'), 1);
    const a = await s.entries.add({ ...base, note: 'a & <b>', network: 'linkedin', link: 'https://e.com/1', dedupeKey: 'k1' }, 5);
    note('first', a);
    note('same key again', await s.entries.add({ ...base, minutes: 45, dedupeKey: 'k1' }, 6));
    note('no key twice (1)', await s.entries.add({ ...base, date: '2026-11-25' }, 7));
    note('no key twice (2)', await s.entries.add({ ...base, date: '2026-11-25' }, 7));
    await s.entries.add({ ...base, kind: 'post', minutes: 60, date: '2026-11-20', weekKey: '2026-W47' }, 3);
    await s.entries.add({ ...base, personId: 'U2', minutes: 15, date: '2026-11-24' }, 8);
    await s.entries.add({ ...base, date: '2026-11-11', weekKey: '2026-W46' }, 9);
    note('get', await s.entries.get(a.entry.id));
    note('get missing', await s.entries.get(9999));
    note('latest', await s.entries.latestOf('U1'));
    note('latest of nobody', await s.entries.latestOf('U9'));
    note('recent, newest first', await s.entries.recentOf('U1', '2026-11-12', '2026-11-26'));
    note('between, oldest first', await s.entries.between('U1', '2026-11-12', '2026-11-26'));
    note('totals', (await s.entries.totalsBetween('U1', '2026-11-01', '2026-11-30')).sort((x, y) => `${x.date}${x.kind}`.localeCompare(`${y.date}${y.kind}`)));
    note('minutes', await s.entries.minutesBetween('U1', '2026-11-23', '2026-11-29'));
    note('minutes of none', await s.entries.minutesBetween('U9', '2026-11-23', '2026-11-29'));
    note('has on', [await s.entries.hasEntryOn('U1', '2026-11-25'), await s.entries.hasEntryOn('U1', '2026-11-24')]);
    note('last date', [await s.entries.lastDateOf('U1'), await s.entries.lastDateOf('U9')]);
    note('all between', await s.entries.allBetween('2026-11-20', '2026-11-26'));
    note('all of', await s.entries.allOf('U1'));
    const patch = { minutes: 50, kind: 'share' as const, network: 'x' as const, link: null, note: 'new', date: '2026-11-19', weekKey: '2026-W47' };
    note('update not owner', await s.entries.updateOwned(a.entry.id, 'U2', patch));
    note('update owner', await s.entries.updateOwned(a.entry.id, 'U1', patch));
    note('update missing', await s.entries.updateOwned(9999, 'U1', patch));
    note('remove not owner', await s.entries.remove(a.entry.id, 'U2'));
    note('remove owner', await s.entries.remove(a.entry.id, 'U1'));
    note('remove again', await s.entries.remove(a.entry.id, 'U1'));
    const out: Entry[] = [];
    for await (const e of s.reporting.iterateEntries('2026-11-01', '2026-11-30')) out.push(e);
    note('export', out);
  },

  async claimsEventsStrainSettings(s, note) {
    const k = { job: 'checkin', subject: 'U1', period: '2026-11-26' };
    note('claim', [await s.claims.claim(k, 1), await s.claims.claim(k, 2)]);
    note('claimed', await s.claims.get(k));
    await s.claims.finish(k, 'sent', 3, { channel: 'D1', ts: '1.1' });
    note('finished', await s.claims.get(k));
    await s.claims.release(k);
    note('a sent claim is not released', await s.claims.get(k));
    const k2 = { job: 'checkin', subject: 'U2', period: '2026-11-26' };
    await s.claims.claim(k2, 5);
    await s.claims.release(k2);
    note('released', [await s.claims.get(k2), await s.claims.claim(k2, 6)]);
    await s.claims.claim({ job: 'checkin', subject: 'U1', period: '2026-11-27' }, 8);
    await s.claims.claim({ job: 'pulse', subject: 'U1', period: '2026-W48' }, 4);
    await s.claims.finish({ job: 'pulse', subject: 'U1', period: '2026-W48' }, 'skipped', 9, { detail: 'paused' });
    note('of job', await s.claims.ofJob('checkin'));
    note('since', await s.claims.ofJobSince('checkin', 6));
    note('latest', [await s.claims.latest('checkin', 'U1'), await s.claims.latest('checkin', 'U9')]);
    note('missing', await s.claims.get({ job: 'x', subject: 'y', period: 'z' }));
    // Leases: a claim inside its lease is not taken, one past it is taken once, and only its holder
    // may finish it.
    const k3 = { job: 'digest', subject: 'M1', period: '2026-W48' };
    note('leased claim', [await s.claims.claim(k3, 100, { holder: 'a#1', until: 200 }), await s.claims.get(k3)]);
    note('inside the lease', await s.claims.claim(k3, 199, { holder: 'b#1', until: 299 }));
    note('without a lease', await s.claims.claim(k3, 250));
    note('past the lease', [await s.claims.claim(k3, 200, { holder: 'b#1', until: 300 }), await s.claims.claim(k3, 201, { holder: 'c#1', until: 301 })]);
    note('taken over', await s.claims.get(k3));
    note('stale holder finishes', [await s.claims.finish(k3, 'failed', 210, { detail: 'late' }, 'a#1'), await s.claims.finish(k3, 'sent', 210)]);
    note('taker finishes', [await s.claims.finish(k3, 'sent', 220, { channel: 'D2', ts: '2.2' }, 'b#1'), await s.claims.finish(k3, 'failed', 230, {}, 'b#1')]);
    note('finished once', await s.claims.get(k3));
    note('a finished claim is never taken', await s.claims.claim(k3, 10_000, { holder: 'd#1', until: 10_100 }));

    note('events', [await s.events.firstSighting('Ev1', 10), await s.events.firstSighting('Ev1', 11), await s.events.firstSighting('Ev2', 20)]);
    await s.events.prune(15);
    note('pruned, seen anew', [await s.events.firstSighting('Ev1', 30), await s.events.firstSighting('Ev2', 31)]);

    await s.people.upsertProfile(profile('U1'), 1);
    await s.strain.record('U1', '2026-W47', 'bit', 1);
    await s.strain.record('U1', '2026-W48', 'none', 2);
    await s.strain.record('U1', '2026-W48', 'back', 3);
    note('strain', [await s.strain.get('U1', '2026-W48'), await s.strain.get('U1', '2026-W40'), await s.strain.ofPerson('U1')]);

    note('defaults', await s.settings.get());
    await s.settings.set('hourlyCost', 80);
    await s.settings.set('checkinTime', '17:00');
    await s.settings.set('managerAlerts', false);
    note('percent history before', await s.budgetHistory.percentChanges());
    await s.settings.setBudgetPercent(15, 'U9', 5);
    await s.settings.setBudgetPercent(12.5, null, 8);
    note('set', await s.settings.get());
    note('percent history', await s.budgetHistory.percentChanges());
    note('holidays', [await s.settings.addHoliday('2026-12-25', 'U9'), await s.settings.addHoliday('2026-12-25', 'U8'),
      await s.settings.addHoliday('2026-12-24', null), await s.settings.holidays(), await s.settings.isHoliday('2026-12-25'),
      await s.settings.isHoliday('2026-12-26'), await s.settings.removeHoliday('2026-12-25'), await s.settings.removeHoliday('2026-12-25'),
      await s.settings.holidays()]);
  },

  async assignments(s, note) {
    for (const id of ['L1', 'U1', 'U2']) await s.people.upsertProfile(profile(id), 1);
    const offer = { leadId: 'L1', assigneeId: 'U1', link: 'https://x.com/t/1', brief: 'reply kindly', estimateMinutes: 15, dueAt: 1000 };
    const a = await s.assignments.create(offer, 10);
    note('offered', a);
    note('offered again, while open', await s.assignments.create({ ...offer, brief: 'twice' }, 11));
    note('other link', await s.assignments.create({ ...offer, link: 'https://x.com/t/2', estimateMinutes: 30, dueAt: 500 }, 12));
    note('other person', await s.assignments.create({ ...offer, assigneeId: 'U2', dueAt: 2000 }, 13));
    note('cas from wrong state', await s.assignments.transition(a.assignment.id, 'accepted', 'done', 20));
    note('accept', await s.assignments.transition(a.assignment.id, 'offered', 'accepted', 21));
    note('accept twice', await s.assignments.transition(a.assignment.id, 'offered', 'accepted', 22));
    note('open estimates', [await s.assignments.openEstimateMinutes('U1'), await s.assignments.openEstimateMinutes('L1'),
      await s.assignments.openEstimatesByPerson()]);
    note('open due by', await s.assignments.openDueBy(1000));
    await s.entries.add({ ...base, minutes: 20, source: 'assignment', assignmentId: a.assignment.id, link: offer.link, dedupeKey: `assignment:${a.assignment.id}` }, 30);
    const entry = (await s.entries.latestOf('U1'))!;
    note('done', await s.assignments.transition(a.assignment.id, 'accepted', 'done', 31, { doneMinutes: 20, entryId: entry.id }));
    note('after done', await s.assignments.get(a.assignment.id));
    note('offered anew once done', await s.assignments.create({ ...offer, brief: 'again' }, 40));
    const second = (await s.assignments.ofLead('L1'))[1];
    note('decline', await s.assignments.transition(second.id, 'offered', 'declined', 41, { declineReason: 'no_capacity' }));
    note('expire', await s.assignments.transition((await s.assignments.ofAssignee('U2'))[0].id, 'offered', 'expired', 42));
    note('message once', [await s.assignments.setAssigneeMessage(a.assignment.id, 'D1', '1.1'), await s.assignments.setAssigneeMessage(a.assignment.id, 'D2', '2.2')]);
    note('thread once', [await s.assignments.setLeadThread(a.assignment.id, 'C1', '3.3'), await s.assignments.setLeadThread(a.assignment.id, 'C2', '4.4')]);
    note('missing', await s.assignments.get(9999));
    note('of assignee', await s.assignments.ofAssignee('U1'));
    note('of lead', await s.assignments.ofLead('L1'));
    note('logged', await s.assignments.loggedByPersonBetween('2026-11-23', '2026-11-29'));
    note('counts since', [await s.assignments.countsSince(12), await s.assignments.countsSince(100)]);
    note('expired since', [await s.assignments.expiredDueSince(2000), await s.assignments.expiredDueSince(2001)]);
    note('assignees of link', [await s.assignments.assigneesOfLink('L1', offer.link), await s.assignments.assigneesOfLink('U1', offer.link)]);
    note('assignment counts', await s.reporting.assignmentCounts('2026-W48'));
  },

  async installations(s, note) {
    const team = { tenantId: 'T1', teamId: 'T1', enterpriseId: null, isEnterpriseInstall: false, installerUserId: 'U1', botUserId: 'UB1', installation: '{"bot":"a"}' };
    note('saved', await s.installations.save(team, 10));
    note('org', await s.installations.save({ ...team, tenantId: 'E1', teamId: null, enterpriseId: 'E1', isEnterpriseInstall: true, installerUserId: 'U2' }, 11));
    note('installed', (await s.installations.installed()).map((i) => i.tenantId));
    note('uninstall twice', [await s.installations.uninstall('T1', 20), await s.installations.uninstall('T1', 21), await s.installations.uninstall('T404', 22)]);
    note('after uninstall', [await s.installations.get('T1'), (await s.installations.installed()).map((i) => i.tenantId)]);
    note('reinstalled', await s.installations.save({ ...team, installation: '{"bot":"b"}' }, 30));
    note('refresh', [
      await s.installations.refresh('T1', '{"bot":"c"}', 30), await s.installations.refresh('T1', '{"bot":"stale"}', 10),
      await s.installations.refresh('T9', '{"bot":"x"}', 30), await s.installations.get('T1'),
    ]);
    note('never installed', await s.installations.get('T9'));
    // An uninstall sent before the latest install (made at 30) leaves it standing; one sent after takes it.
    note('stale uninstall', [await s.installations.uninstall('T1', 40, 30), (await s.installations.get('T1'))?.uninstalledAt]);
    note('uninstall', [await s.installations.uninstall('T1', 41, 31), (await s.installations.uninstalled()).map((i) => [i.tenantId, i.uninstalledAt])]);
    note('forget', [
      await s.installations.forget('T1', 40), await s.installations.forget('T1', 41), await s.installations.get('T1'),
      (await s.installations.uninstalled()).map((i) => i.tenantId),
    ]);
    // The refresh lock: one holder at a time per tenant, another tenant not held up.
    const order: string[] = [];
    const hold = (tenant: string, tag: string, ms: number) => s.installations.whileRefreshing(tenant, async () => {
      order.push(`${tag} in`);
      await new Promise((r) => setTimeout(r, ms));
      order.push(`${tag} out`);
      return tag;
    });
    const a = hold('E1', 'a', 60);
    await new Promise((r) => setTimeout(r, 20));
    note('refresh lock', [await Promise.all([a, hold('E1', 'b', 1), hold('T7', 'c', 1)]), order]);
    note('refresh lock after a throw', [
      await s.installations.whileRefreshing('E1', async () => { throw new Error('refresh failed'); }).catch((e: Error) => e.message),
      await s.installations.whileRefreshing('E1', async () => 'free again'),
    ]);
  },
  async reportingAndBudgetHistory(s, note) {
    const ids = ['M1', 'U1', 'U2', 'U3', 'U4'];
    for (const id of ids) await s.people.upsertProfile(profile(id, { realName: id === 'U2' ? '' : `Name ${id}`, name: id === 'U4' ? '' : id.toLowerCase() }), 1);
    await s.people.upsertProfile(profile('UGONE', { deleted: true }), 1);
    await s.people.setPause('U3', true, null);
    await s.people.setShareStrain('U1', true);
    const changed = await s.reporting.applyRoster(
      [profile('U5', { realName: 'Five' })],
      [
        { personId: 'U1', managerId: 'M1', weeklyHours: 20, budgetMinutes: null, role: 'none', fromWeek: '2026-W48' },
        { personId: 'U2', managerId: 'M1', weeklyHours: 40, budgetMinutes: 200, role: 'lead', fromWeek: '2026-W48' },
        { personId: 'U3', managerId: 'M1', weeklyHours: 40, budgetMinutes: null, role: 'none', fromWeek: '2026-W48' },
        { personId: 'U5', managerId: 'U1', weeklyHours: 40, budgetMinutes: null, role: 'none', fromWeek: '2026-W48' },
      ],
      'roster', 50);
    note('roster changed', changed);
    note('roster result', await s.people.listAll());
    await expect(s.reporting.applyRoster([profile('U6')], [
      { personId: 'U1', managerId: 'NOBODY', weeklyHours: 30, budgetMinutes: null, role: 'none', fromWeek: '2026-W49' },
    ], 'roster', 60)).rejects.toThrow();
    note('a failed roster writes nothing', [await s.people.get('U6'), (await s.people.get('U1'))!.weeklyHours]);
    await s.people.setHours('U1', 30, { fromWeek: '2026-W50', by: 'U1', now: 70 });
    await s.people.setHours('U1', 32, { fromWeek: '2026-W50', by: 'U1', now: 71 });
    note('history of U1', await s.budgetHistory.ofPerson('U1'));
    const upTo = (week: string, only?: string[]) => {
      const seen: unknown[] = [];
      return s.budgetHistory.eachUpTo(week, only, (...r) => seen.push(r)).then(() => seen);
    };
    note('up to W47', await upTo('2026-W47'));
    note('up to W49', await upTo('2026-W49'));
    note('up to W50 for U1', await upTo('2026-W50', ['U1']));
    note('up to for nobody', await upTo('2026-W50', []));

    const e = (personId: string, minutes: number, kind: 'respond' | 'post' | 'comment', weekKey: string, date: string) =>
      s.entries.add({ personId, minutes, kind, weekKey, date, source: 'command' }, 80);
    await e('U1', 30, 'respond', '2026-W48', '2026-11-24');
    await e('U1', 60, 'post', '2026-W48', '2026-11-25');
    await e('U2', 45, 'comment', '2026-W48', '2026-11-24');
    await e('U2', 15, 'post', '2026-W47', '2026-11-17');
    await e('U3', 20, 'respond', '2026-W46', '2026-11-10');
    const sums = async (weeks: string[], only?: string[]) => {
      const seen: unknown[] = [];
      await s.reporting.eachWeekSum(weeks, only, (...r) => seen.push(r));
      return seen;
    };
    note('week sums', await sums(['2026-W47', '2026-W48']));
    note('week sums for U2', await sums(['2026-W47', '2026-W48'], ['U2']));
    note('week sums none', await sums([]));
    const rel = async (week: string, only?: string[]) => {
      const seen: unknown[] = [];
      await s.reporting.eachRelationshipSum(week, only, (...r) => seen.push(r));
      return seen;
    };
    note('relationship', [await rel('2026-W48'), await rel('2026-W48', ['U1'])]);
    await s.strain.record('U1', '2026-W48', 'back', 1);
    await s.strain.record('U2', '2026-W48', 'bit', 1);
    await s.strain.record('U2', '2026-W46', 'none', 1);
    const strain: unknown[] = [];
    await s.reporting.eachStrain(['2026-W48', '2026-W47'], (...r) => strain.push(r));
    note('strain', strain);
    // SQLite reads everyone in its table's order (no ORDER BY), PostgreSQL by id: compared by id.
    note('digest people', (await s.reporting.digestPeople()).sort((x, y) => (x.id < y.id ? -1 : 1)));
    note('digest reports', [await s.reporting.digestReportsOf('M1'), await s.reporting.digestReportsOf('U9')]);
    note('lines', [...(await s.reporting.reportingLines())].sort());
  },
};

/** Facts each transcript must hold, whatever the kind (the SQLite tests pin the rest). */
export const pinned: Record<string, (t: Record<string, unknown>) => void> = {
  idsThatNameNoRow(t) {
    expect(t['entry 1.5']).toEqual([undefined, false, undefined]);
    expect(t['assignment NaN']).toEqual([undefined, false]);
    expect(t['the real entry is untouched']).toMatchObject({ minutes: 30, kind: 'respond' });
  },
  people(t) {
    expect(t['refresh keeps settings']).toMatchObject({ tz: 'Asia/Kolkata', weeklyHours: 20, budgetMinutes: 90, budgetSetBy: 'U9' });
    expect(t['reportsOf (by real name, name, id)']).toEqual(['U3', 'U10', 'U2']);
    expect(t.active).toEqual(['U1', 'U10', 'U2', 'U3', 'UE', 'Ua']);
    expect(t['email folds ASCII only']).toEqual(['UE', undefined]);
  },
  entries(t) {
    expect(t['same key again']).toEqual({ entry: (t.first as { entry: unknown }).entry, created: false });
    expect(t.minutes).toBe(90);
    expect(t['remove owner']).toBe(true);
  },
  claimsEventsStrainSettings(t) {
    expect(t.claim).toEqual([true, false]);
    expect(t['inside the lease']).toBe(false);
    expect(t['without a lease']).toBe(false);
    expect(t['past the lease']).toEqual([true, false]);
    expect(t['taken over']).toMatchObject({ status: 'claimed', holder: 'b#1', leaseUntil: 300, attempts: 2, claimedAt: 100 });
    expect(t['stale holder finishes']).toEqual([false, false]);
    expect(t['taker finishes']).toEqual([true, false]);
    expect(t['finished once']).toMatchObject({ status: 'sent', channel: 'D2', ts: '2.2', doneAt: 220, holder: 'b#1' });
    expect(t['a finished claim is never taken']).toBe(false);
    expect(t.events).toEqual([true, false, true]);
    expect(t['pruned, seen anew']).toEqual([true, false]);
    expect(t['percent history']).toEqual([{ at: 0, percent: 10 }, { at: 5, percent: 15 }, { at: 8, percent: 12.5 }]);
  },
  installations(t) {
    expect(t['uninstall twice']).toEqual([true, false, false]);
    expect(t['after uninstall']).toEqual([expect.objectContaining({ installation: null, uninstalledAt: 20, installedAt: 10 }), ['E1']]);
    expect(t.reinstalled).toMatchObject({ installation: '{"bot":"b"}', installedAt: 30, uninstalledAt: null });
    expect(t['never installed']).toBeUndefined();
    expect(t.refresh).toEqual([true, false, false, expect.objectContaining({ installation: '{"bot":"c"}', installedAt: 30 })]);
  },
  assignments(t) {
    expect((t['offered again, while open'] as { created: boolean }).created).toBe(false);
    expect((t['offered anew once done'] as { created: boolean }).created).toBe(true);
    expect([t.accept, t['accept twice']]).toEqual([true, false]);
  },
  reportingAndBudgetHistory(t) {
    expect(t['a failed roster writes nothing']).toEqual([undefined, 20]);
    expect((t['history of U1'] as { weekKey: string; weeklyHours: number }[]).map((r) => [r.weekKey, r.weeklyHours]))
      .toEqual([['0000-W00', 40], ['2026-W48', 20], ['2026-W50', 32]]);
  },
};
