// The effective-dated budget history against a real SQLite file: every change holds from the week current
// in the person's own zone, and any week's budget is the one in effect then, by both read paths (one
// person's week, and the aggregate one digests and the admin report use).
import { setBudget, setHours } from '../../src/services/budget';
import { changeSetting } from '../../src/services/admin';
import { budgetsOf, loadWeek } from '../../src/services/week';
import { weekBudgets } from '../../src/services/weekBudgets';
import { logEngagement } from '../../src/services/entries';
import { effectiveWeek, FROM_THE_START } from '../../src/core/budgetHistory';
import { startJobsHarness, type JobsHarness } from '../support/jobs';
import { StorageError } from '../../src/services/store';

const ADMIN = 'U9ADMIN';
let h: JobsHarness;
beforeEach(async () => {
  h = await startJobsHarness({ now: '2026-10-01T10:00:00Z' });
  await h.addPerson({ id: ADMIN, tz: 'UTC' });
  await h.store.people.setRole(ADMIN, 'admin');
});
afterEach(() => h.close());

type Change = { at: string; budget?: number; hours?: number; percent?: number };

async function apply(personId: string, c: Change): Promise<void> {
  h.clock.set(c.at);
  const admin = await h.person(ADMIN);
  if (c.budget !== undefined) expect((await setBudget(h.deps, admin, personId, c.budget)).ok).toBe(true);
  if (c.hours !== undefined) expect((await setHours(h.deps, await h.person(personId), c.hours)).ok).toBe(true);
  if (c.percent !== undefined) expect((await changeSetting(h.deps, admin, 'budget_percent', String(c.percent))).ok).toBe(true);
}

/** The budget of each week by both read paths; they must agree. */
async function budgetsIn(personId: string, weeks: string[]): Promise<number[]> {
  const person = await h.person(personId);
  const one = await budgetsOf(h.deps, person);
  const single = weeks.map((w) => one(w).minutes);
  const [slim] = (await h.store.reporting.digestPeople()).filter((p) => p.id === personId);
  const many = await weekBudgets(h.deps, [slim], new Map([[personId, 0]]), weeks, await h.store.settings.get());
  // The current week (and later) is always today's values; the aggregate path is only asked about the past.
  const current = effectiveWeek(h.clock.now(), person.tz);
  const past = weeks.filter((w) => w < current);
  expect(Array.from(many).slice(0, past.length)).toEqual(single.slice(0, past.length));
  return single;
}

describe('the budget of a week is the one in effect then', () => {
  it.each<{ what: string; tz: string; changes: Change[]; weeks: string[]; expected: number[] }>([
    {
      what: 'an explicit budget holds from the week it was set, not before',
      tz: 'Europe/Berlin', changes: [{ at: '2026-11-26T10:00:00Z', budget: 180 }],
      weeks: ['2026-W47', '2026-W48', '2026-W49'], expected: [240, 180, 180],
    },
    {
      what: 'contracted hours move a default budget from their week on',
      tz: 'Europe/Berlin', changes: [{ at: '2026-11-18T10:00:00Z', hours: 20 }],
      weeks: ['2026-W46', '2026-W47', '2026-W48'], expected: [240, 120, 120],
    },
    {
      what: 'hours under an explicit budget do not move it; the explicit budget set later holds from its own week',
      tz: 'Europe/Berlin', changes: [{ at: '2026-11-04T10:00:00Z', hours: 30 }, { at: '2026-11-18T10:00:00Z', budget: 300 }, { at: '2026-11-25T10:00:00Z', hours: 20 }],
      weeks: ['2026-W44', '2026-W45', '2026-W46', '2026-W47', '2026-W48'], expected: [240, 180, 180, 300, 300],
    },
    {
      what: 'two changes in one week: the later one is that week\'s',
      tz: 'Europe/Berlin', changes: [{ at: '2026-11-23T10:00:00Z', budget: 180 }, { at: '2026-11-27T10:00:00Z', budget: 360 }],
      weeks: ['2026-W47', '2026-W48'], expected: [240, 360],
    },
    {
      what: 'Berlin, the night clocks went back: 23:30 CET on Sunday is still the old week',
      tz: 'Europe/Berlin', changes: [{ at: '2026-10-25T22:30:00Z', budget: 180 }],
      weeks: ['2026-W43', '2026-W44'], expected: [180, 180],
    },
    {
      what: 'Berlin, an hour later: 00:30 CET on Monday starts the new week',
      tz: 'Europe/Berlin', changes: [{ at: '2026-10-25T23:30:00Z', budget: 180 }],
      weeks: ['2026-W43', '2026-W44'], expected: [240, 180],
    },
    {
      what: 'Berlin the week before, in summer time: 00:30 CEST on Monday is 22:30 UTC on Sunday',
      tz: 'Europe/Berlin', changes: [{ at: '2026-10-18T22:30:00Z', budget: 180 }],
      weeks: ['2026-W42', '2026-W43'], expected: [240, 180],
    },
    {
      what: 'New York after its clocks went back: 23:30 EST on Sunday 1 Nov is still W44',
      tz: 'America/New_York', changes: [{ at: '2026-11-02T04:30:00Z', hours: 20 }],
      weeks: ['2026-W43', '2026-W44', '2026-W45'], expected: [240, 120, 120],
    },
    {
      what: 'New York, an hour later: 00:30 EST on Monday starts W45',
      tz: 'America/New_York', changes: [{ at: '2026-11-02T05:30:00Z', hours: 20 }],
      weeks: ['2026-W44', '2026-W45'], expected: [240, 120],
    },
    {
      what: 'Kiritimati (UTC+14): Sunday 10:30 UTC is already Monday there, so the change starts the next week',
      tz: 'Pacific/Kiritimati', changes: [{ at: '2026-11-29T10:30:00Z', budget: 180 }],
      weeks: ['2026-W48', '2026-W49'], expected: [240, 180],
    },
    {
      what: 'Pago Pago (UTC-11): Monday 10:30 UTC is still Sunday there, so the change holds for the week ending',
      tz: 'Pacific/Pago_Pago', changes: [{ at: '2026-11-30T10:30:00Z', budget: 180 }],
      weeks: ['2026-W47', '2026-W48', '2026-W49'], expected: [240, 180, 180],
    },
    {
      what: 'budget_percent: Monday 05:00 UTC is Monday in Berlin, so Berlin\'s W48 keeps 10%',
      tz: 'Europe/Berlin', changes: [{ at: '2026-11-30T05:00:00Z', percent: 20 }],
      weeks: ['2026-W48', '2026-W49'], expected: [240, 480],
    },
    {
      what: 'budget_percent: the same instant is Sunday in Pago Pago, whose W48 takes 20%',
      tz: 'Pacific/Pago_Pago', changes: [{ at: '2026-11-30T05:00:00Z', percent: 20 }],
      weeks: ['2026-W47', '2026-W48', '2026-W49'], expected: [240, 480, 480],
    },
    {
      what: 'budget_percent then hours: each from its own week, both in the default budget',
      tz: 'Europe/Berlin', changes: [{ at: '2026-11-11T10:00:00Z', percent: 15 }, { at: '2026-11-25T10:00:00Z', hours: 20 }],
      weeks: ['2026-W45', '2026-W46', '2026-W47', '2026-W48'], expected: [240, 360, 360, 180],
    },
  ])('$what', async ({ tz, changes, weeks, expected }) => {
    await h.addPerson({ id: 'U1ADA', tz });
    for (const c of changes) await apply('U1ADA', c);
    h.clock.set('2026-12-20T12:00:00Z'); // every week asked about has ended everywhere
    expect(await budgetsIn('U1ADA', weeks)).toEqual(expected);
  });

  it('shows the current week with today\'s values, and a finished week with its own', async () => {
    await h.addPerson({ id: 'U1ADA', tz: 'Europe/Berlin' });
    await apply('U1ADA', { at: '2026-11-26T10:00:00Z', budget: 180 });
    const ada = await h.person('U1ADA');
    expect((await loadWeek(h.deps, ada)).budget.minutes).toBe(180);
    expect((await loadWeek(h.deps, ada)).finished).toBe(false);
    const last = await loadWeek(h.deps, ada, '2026-11-18');
    expect([last.budget.minutes, last.budget.source, last.finished]).toEqual([240, 'default', true]);
  });

  it('judges "over the week before" against that week\'s own budget', async () => {
    await h.addPerson({ id: 'U1ADA', tz: 'Europe/Berlin' });
    h.clock.set('2026-11-20T10:00:00Z');
    expect((await logEngagement(h.deps, await h.person('U1ADA'), { minutes: 250, kind: 'respond', source: 'command' })).ok).toBe(true);
    // Over W47's 4h; raised to 6h in W48, which does not make W47 any less over.
    await apply('U1ADA', { at: '2026-11-24T10:00:00Z', budget: 360 });
    expect((await logEngagement(h.deps, await h.person('U1ADA'), { minutes: 365, kind: 'respond', source: 'command' })).ok).toBe(true);
    const week = await loadWeek(h.deps, await h.person('U1ADA'));
    expect([week.previousWeekOver, week.level]).toEqual([true, 'crowding']);
  });
});

describe('the history store', () => {
  it('keeps a person\'s values before their first recorded change as "from the beginning"', async () => {
    await h.addPerson({ id: 'U1ADA', tz: 'Europe/Berlin' });
    expect(await h.store.budgetHistory.ofPerson('U1ADA')).toEqual([]);
    await h.store.people.setHours('U1ADA', 30, { fromWeek: '2026-W48', by: 'U1ADA', now: 5 });
    await h.store.people.setBudget('U1ADA', 200, { fromWeek: '2026-W50', by: ADMIN, now: 9 });
    await h.store.people.setBudget('U1ADA', 210, { fromWeek: '2026-W50', by: ADMIN, now: 11 });
    expect(await h.store.budgetHistory.ofPerson('U1ADA')).toEqual([
      { weekKey: FROM_THE_START, budgetMinutes: null, budgetSetBy: null, weeklyHours: 40, changedBy: null, changedAt: 0 },
      { weekKey: '2026-W48', budgetMinutes: null, budgetSetBy: null, weeklyHours: 30, changedBy: 'U1ADA', changedAt: 5 },
      { weekKey: '2026-W50', budgetMinutes: 210, budgetSetBy: ADMIN, weeklyHours: 30, changedBy: ADMIN, changedAt: 11 },
    ]);
    expect(await h.person('U1ADA')).toMatchObject({ weeklyHours: 30, budgetMinutes: 210, budgetSetBy: ADMIN });
  });

  it('records each budget_percent change at its instant, after the value it replaced', async () => {
    expect(await h.store.budgetHistory.percentChanges()).toEqual([{ at: 0, percent: 10 }]);
    await h.store.settings.setBudgetPercent(15, ADMIN, 1000);
    await h.store.settings.setBudgetPercent(12.5, ADMIN, 2000);
    expect(await h.store.budgetHistory.percentChanges()).toEqual([{ at: 0, percent: 10 }, { at: 1000, percent: 15 }, { at: 2000, percent: 12.5 }]);
    expect((await h.store.settings.get()).budgetPercent).toBe(12.5);
  });

  it('refuses hours out of range without recording anything', async () => {
    await h.addPerson({ id: 'U1ADA', tz: 'Europe/Berlin' });
    const refused = await h.store.people.setHours('U1ADA', 90, { fromWeek: '2026-W48', by: 'U1ADA', now: 5 }).then(() => null, (e: unknown) => e);
    // The table's CHECK refuses it, on either database: a broken rule, not an outage.
    expect(refused).toBeInstanceOf(StorageError);
    expect(refused).toMatchObject({ kind: 'constraint' });
    expect((await h.person('U1ADA')).weeklyHours).toBe(40);
    expect(await h.store.budgetHistory.ofPerson('U1ADA')).toEqual([]);
  });
});
