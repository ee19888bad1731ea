import { budgetMinutesFrom, effectiveWeek, FROM_THE_START, percentIn, percentsFor, termsIn } from '../../src/core/budgetHistory';
import { mondayOfKey, weekOfKey } from '../../src/slack/blocks/format';

const terms = (weekKey: string, budgetMinutes: number | null, weeklyHours = 40) =>
  ({ weekKey, budgetMinutes, budgetSetBy: null, weeklyHours, changedBy: null, changedAt: 0 });

describe('termsIn: the latest change at or before the week', () => {
  const history = [terms(FROM_THE_START, null), terms('2026-W45', 180), terms('2026-W53', null, 20), terms('2027-W02', 300)];
  it.each([
    ['2020-W10', FROM_THE_START],
    ['2026-W44', FROM_THE_START],
    ['2026-W45', '2026-W45'],
    ['2026-W52', '2026-W45'],
    ['2026-W53', '2026-W53'],
    ['2027-W01', '2026-W53'],
    ['2027-W02', '2027-W02'],
    ['2030-W20', '2027-W02'],
  ])('in %s, the terms from %s hold', (week, from) => {
    expect(termsIn(history, week)?.weekKey).toBe(from);
  });
  it('says nothing for a person with no history', () => {
    expect(termsIn([], '2026-W48')).toBeUndefined();
  });
});

describe('percentIn: a change counts from the week holding its instant in the zone', () => {
  // Monday 30 Nov 2026 05:00 UTC: Monday in Berlin and Kiritimati, still Sunday in Pago Pago and Honolulu.
  const changes = [{ at: 0, percent: 10 }, { at: Date.parse('2026-11-30T05:00:00Z'), percent: 20 }];
  it.each([
    ['Europe/Berlin', '2026-W48', 10],
    ['Europe/Berlin', '2026-W49', 20],
    ['Pacific/Kiritimati', '2026-W48', 10],
    ['Pacific/Pago_Pago', '2026-W48', 20],
    ['Pacific/Honolulu', '2026-W48', 20],
    ['Pacific/Honolulu', '2026-W47', 10],
  ])('%s in %s: %i%%', (zone, week, percent) => {
    expect(percentIn(changes, zone, week, 99)).toBe(percent);
    expect(percentsFor(changes, zone, [week], 99)).toEqual([percent]);
  });
  it('falls back when nothing was recorded', () => {
    expect(percentIn([], 'UTC', '2026-W48', 10)).toBe(10);
  });
});

describe('effectiveWeek and budgets', () => {
  it.each([
    ['2026-12-31T12:00:00Z', 'UTC', '2026-W53'],
    ['2027-01-03T23:30:00Z', 'UTC', '2026-W53'],
    ['2027-01-03T23:30:00Z', 'Europe/Berlin', '2027-W01'],
    ['2026-03-29T00:30:00Z', 'Europe/London', '2026-W13'],
  ])('a change at %s in %s holds from %s', (at, zone, week) => {
    expect(effectiveWeek(Date.parse(at), zone)).toBe(week);
  });
  it.each([
    [null, 40, 10, 240],
    [null, 20, 10, 120],
    [null, 37.5, 12.5, 281],
    [180, 20, 50, 180],
  ])('explicit %s, %s hours at %s%%: %i minutes', (explicit, hours, percent, minutes) => {
    expect(budgetMinutesFrom(explicit, hours, percent)).toBe(minutes);
  });
});

describe('week labels', () => {
  it.each([
    ['2026-W48', 'Mon 23 Nov'],
    ['2026-W53', 'Mon 28 Dec'],
    ['2027-W01', 'Mon 4 Jan'],
    ['2026-W01', 'Mon 29 Dec'],
  ])('%s is the week of %s', (key, monday) => {
    expect(mondayOfKey(key)).toBe(monday);
    expect(weekOfKey(key)).toBe(`week of ${monday}`);
  });
});
