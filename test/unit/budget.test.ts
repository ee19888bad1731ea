import {
  capacityBand, capacityMinutes, defaultBudgetMinutes, LEVEL_ORDER, levelOf, levelRank, levelsCrossed, mixOf,
  needsMixNudge, usePercent,
} from '../../src/core/budget';
import type { Level } from '../../src/core/types';

describe('defaultBudgetMinutes', () => {
  it.each([
    [40, 10, 240],
    [20, 10, 120],
    [37.5, 10, 225],
    [40, 0, 0],
    [40, 15, 360],
    [1, 10, 6],
    [32.5, 7, 137],
  ])('gives %p contracted hours at %p%% a budget of %p minutes', (hours, percent, minutes) => {
    expect(defaultBudgetMinutes(hours, percent)).toBe(minutes);
  });
});

describe('levelOf', () => {
  const base = { budget: 240, previousWeekOver: false, strainBackWeeksOfLast3: 0 };
  it.each<[string, number, Partial<typeof base>, Level]>([
    ['nothing logged', 0, {}, 'ok'],
    ['79% of budget', 189, {}, 'ok'],
    ['just under 80%', 191, {}, 'ok'],
    ['exactly 80%', 192, {}, 'near'],
    ['99%', 238, {}, 'near'],
    ['one minute under budget', 239, {}, 'near'],
    ['exactly 100%', 240, {}, 'over'],
    ['149%', 358, {}, 'over'],
    ['one minute under 150%', 359, {}, 'over'],
    ['exactly 150%', 360, {}, 'crowding'],
    ['far over', 1000, {}, 'crowding'],
    ['over two weeks running', 240, { previousWeekOver: true }, 'crowding'],
    ['near after an over week', 200, { previousWeekOver: true }, 'near'],
    ['ok after an over week', 10, { previousWeekOver: true }, 'ok'],
    ['strain "pushed back" twice in three weeks, even with no minutes', 0, { strainBackWeeksOfLast3: 2 }, 'crowding'],
    ['strain "pushed back" three times', 100, { strainBackWeeksOfLast3: 3 }, 'crowding'],
    ['strain "pushed back" once', 100, { strainBackWeeksOfLast3: 1 }, 'ok'],
    ['a zero budget with nothing logged', 0, { budget: 0 }, 'ok'],
    ['a zero budget with one minute logged', 1, { budget: 0 }, 'crowding'],
    ['80% of a 120-minute budget', 96, { budget: 120 }, 'near'],
    ['79% of a 120-minute budget', 95, { budget: 120 }, 'ok'],
  ])('calls %s (%p minutes) %p', (_label, minutes, overrides, level) => {
    expect(levelOf({ ...base, ...overrides, minutes })).toBe(level);
  });
});

describe('usePercent', () => {
  it.each([
    [0, 240, 0],
    [120, 240, 50],
    [239, 240, 100],
    [1, 240, 0],
    [360, 240, 150],
    [0, 0, 0],
    [5, 0, 999],
  ])('puts %p of %p minutes at %p%%', (minutes, budget, percent) => {
    expect(usePercent(minutes, budget)).toBe(percent);
  });
});

describe('levels', () => {
  it('orders levels from ok to crowding', () => {
    expect(LEVEL_ORDER).toEqual(['ok', 'near', 'over', 'crowding']);
    expect(LEVEL_ORDER.map(levelRank)).toEqual([0, 1, 2, 3]);
  });

  it.each<[Level, Level, Level[]]>([
    ['ok', 'ok', []],
    ['ok', 'near', ['near']],
    ['ok', 'over', ['near', 'over']],
    ['ok', 'crowding', ['near', 'over', 'crowding']],
    ['near', 'over', ['over']],
    ['near', 'near', []],
    ['over', 'crowding', ['crowding']],
    ['over', 'near', []],
    ['crowding', 'ok', []],
  ])('going from %p to %p newly reaches %p', (before, after, crossed) => {
    expect(levelsCrossed(before, after)).toEqual(crossed);
  });
});

describe('mix', () => {
  it('sums relationship work from respond, comment and share', () => {
    expect(mixOf({ respond: 10, comment: 20, share: 5, post: 40, monitor: 15, other: 10 })).toEqual({
      total: 100,
      relationship: 35,
      post: 40,
      relationshipShare: 0.35,
      postShare: 0.4,
    });
  });

  it('gives zero shares for an empty week', () => {
    expect(mixOf({})).toEqual({ total: 0, relationship: 0, post: 0, relationshipShare: 0, postShare: 0 });
  });

  it.each<[string, Parameters<typeof mixOf>[0], boolean]>([
    ['an hour of posting only', { post: 60 }, true],
    ['59 minutes of posting only', { post: 59 }, false],
    ['exactly 60% posting and 25% relationship work', { post: 60, respond: 25, monitor: 15 }, true],
    ['just under 60% posting', { post: 59, respond: 25, monitor: 16 }, false],
    ['just over 25% relationship work', { post: 60, respond: 26, monitor: 14 }, false],
    ['mostly replying', { post: 20, respond: 80 }, false],
    ['nothing at all', {}, false],
  ])('nudges toward relationship work for %s: %p', (_label, minutes, nudge) => {
    expect(needsMixNudge(mixOf(minutes))).toBe(nudge);
  });
});

describe('capacity', () => {
  it.each([
    [240, 60, 30, 150],
    [240, 240, 0, 0],
    [240, 200, 60, -20],
    [120, 0, 0, 120],
  ])('leaves %p − %p logged − %p committed = %p minutes', (budget, logged, open, capacity) => {
    expect(capacityMinutes(budget, logged, open)).toBe(capacity);
  });

  it.each([
    [-20, 240, 'none'],
    [0, 240, 'none'],
    [14, 240, 'none'],
    [15, 240, 'some'],
    [119, 240, 'some'],
    [120, 240, 'plenty'],
    [240, 240, 'plenty'],
    [14, 20, 'none'],
    [15, 20, 'plenty'],
    [15, 0, 'some'],
  ])('shows leads %p free minutes of a %p budget as %p', (capacity, budget, band) => {
    expect(capacityBand(capacity, budget)).toBe(band);
  });
});
