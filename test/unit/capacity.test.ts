import { lastTwoPulseWeeks, needsLighterWeek, rankAdvocates, wouldExceed, type Candidate, type RecentWeeks } from '../../src/core/capacity';
import { FRIDAY } from '../../src/core/schedule';

const c = (id: string, o: Partial<Candidate> = {}): Candidate => ({
  id, budget: 240, logged: 0, openEstimates: 0, assignmentsThisWeek: 0, available: true, lighterWeek: false, ...o,
});

describe('rankAdvocates', () => {
  it.each<[string, Candidate[], { exclude?: string[]; limit?: number }, string[]]>([
    ['puts the most capacity first', [c('U1', { logged: 100 }), c('U2'), c('U3', { logged: 50 })], {}, ['U2', 'U3', 'U1']],
    ['counts open estimates as committed', [c('U1', { openEstimates: 60 }), c('U2', { logged: 30 })], {}, ['U2', 'U1']],
    ['breaks a capacity tie by fewer assignments this week', [c('U1', { assignmentsThisWeek: 2 }), c('U2', { assignmentsThisWeek: 1 })], {}, ['U2', 'U1']],
    ['breaks a full tie by id, whatever the input order', [c('U9'), c('U3'), c('U5')], {}, ['U3', 'U5', 'U9']],
    ['never suggests someone unavailable', [c('U1', { available: false }), c('U2', { logged: 200 })], {}, ['U2']],
    ['leaves out the excluded (the lead, earlier assignees)', [c('U1'), c('U2'), c('U3')], { exclude: ['U1', 'U3'] }, ['U2']],
    ['returns three by default', [c('U1'), c('U2'), c('U3'), c('U4')], {}, ['U1', 'U2', 'U3']],
    ['returns the limit asked for', [c('U1'), c('U2'), c('U3')], { limit: 1 }, ['U1']],
    ['still lists people over budget, last', [c('U1', { logged: 300 }), c('U2', { logged: 10 })], {}, ['U2', 'U1']],
    ['ranks a bigger budget with more room first', [c('U1', { budget: 120 }), c('U2', { budget: 480, logged: 300 })], {}, ['U2', 'U1']],
    ['returns nobody from nobody', [], {}, []],
    // DESIGN.md: someone who needs a lighter week ranks after everyone else with room.
    ['puts someone who needs a lighter week after everyone with room, however empty their week', [c('U1', { lighterWeek: true }), c('U2', { logged: 200 }), c('U3', { logged: 100 })], {}, ['U3', 'U2', 'U1']],
    ['still puts someone with no room after someone who needs a lighter week', [c('U1', { logged: 300 }), c('U2', { lighterWeek: true, logged: 100 })], {}, ['U2', 'U1']],
    ['ranks those who need a lighter week among themselves by room', [c('U1', { lighterWeek: true, logged: 60 }), c('U2', { lighterWeek: true })], {}, ['U2', 'U1']],
    ['leaves a lighter week out of the first pick on Monday at 00:00, when every week is empty', [c('U1', { lighterWeek: true }), c('U2'), c('U3')], { limit: 1 }, ['U2']],
  ])('%s', (_name, candidates, opts, expected) => {
    expect(rankAdvocates(candidates, opts).map((s) => s.id)).toEqual(expected);
  });

  it.each<[number, number, number, string]>([
    [240, 0, 0, 'plenty'],
    [240, 120, 0, 'plenty'],
    [240, 121, 0, 'some'],
    [240, 200, 25, 'some'],
    [240, 226, 0, 'none'],
    [240, 300, 0, 'none'],
    [0, 0, 0, 'none'],
  ])('with budget %i, %i logged and %i open, shows the band %s', (budget, logged, openEstimates, band) => {
    expect(rankAdvocates([c('U1', { budget, logged, openEstimates })])[0].band).toBe(band);
  });
});

describe('rankAdvocates marks', () => {
  it('someone who needs a lighter week as such, with their band and room kept apart from the mark', () => {
    const [first, second] = rankAdvocates([c('U1', { lighterWeek: true }), c('U2', { logged: 200 })]);
    expect(first).toEqual({ id: 'U2', capacity: 40, band: 'some', lighterWeek: false });
    expect(second).toEqual({ id: 'U1', capacity: 240, band: 'plenty', lighterWeek: true });
  });
});

describe('needsLighterWeek (the capacity rule in DESIGN.md)', () => {
  const r = (o: Partial<RecentWeeks> = {}): RecentWeeks => ({
    lastWeekMinutes: 0, lastWeekBudget: 240, strainBackEndingLastWeek: 0, lastTwoPulses: [undefined, undefined], ...o,
  });
  it.each<[string, Partial<RecentWeeks>, boolean]>([
    ['a quiet last week and no answers: no', {}, false],
    ['last week at 261% of budget (crowding): yes', { lastWeekMinutes: 626 }, true],
    ['last week exactly at budget (over): yes', { lastWeekMinutes: 240 }, true],
    ['last week one minute under budget (near): no', { lastWeekMinutes: 239 }, false],
    ["last week over its own budget, smaller than this week's: yes", { lastWeekMinutes: 130, lastWeekBudget: 120 }, true],
    ['any minute last week on a zero budget (crowding): yes', { lastWeekMinutes: 1, lastWeekBudget: 0 }, true],
    ['"pushed it back" in the latest pulse: yes', { lastTwoPulses: ['back', undefined] }, true],
    ['"pushed it back" in the pulse before: yes', { lastTwoPulses: ['none', 'back'] }, true],
    ['"squeezed it a bit" alone, last week under budget: no (the rule names "pushed it back")', { lastTwoPulses: ['bit', 'bit'], lastWeekMinutes: 100 }, false],
    ['"squeezed it a bit" after a 261% week: yes, for the week', { lastTwoPulses: ['bit', undefined], lastWeekMinutes: 626 }, true],
    ['two "pushed it back" in the three weeks to last week make last week crowding: yes', { strainBackEndingLastWeek: 2 }, true],
  ])('%s', (_name, o, expected) => {
    expect(needsLighterWeek(r(o))).toBe(expected);
  });
});

describe('lastTwoPulseWeeks', () => {
  it.each<[string, string, boolean, [string, string]]>([
    ['Monday 30 Nov: last week and the one before', '2026-11-30', false, ['2026-W48', '2026-W47']],
    ['Thursday 3 Dec: still last week and the one before', '2026-12-03', false, ['2026-W48', '2026-W47']],
    ["Friday 4 Dec, answered: this week's and last week's", '2026-12-04', true, ['2026-W49', '2026-W48']],
    ['Friday 4 Dec, not answered yet: last week and the one before', '2026-12-04', false, ['2026-W48', '2026-W47']],
    ["Saturday 5 Dec, not answered: this week's pulse was asked", '2026-12-05', false, ['2026-W49', '2026-W48']],
    ['Monday 4 Jan 2027, across the year end', '2027-01-04', false, ['2026-W53', '2026-W52']],
  ])('%s', (_name, today, answered, expected) => {
    expect(lastTwoPulseWeeks(today, FRIDAY, answered)).toEqual(expected);
  });
});

describe('wouldExceed', () => {
  it.each<[number, number, number, number, boolean]>([
    [240, 0, 0, 15, false],
    [240, 220, 0, 20, false],
    [240, 220, 0, 21, true],
    [240, 200, 30, 15, true],
    [240, 300, 0, 1, true],
  ])('budget %i, logged %i, open %i, estimate %i → %s', (b, l, o, e, expected) => {
    expect(wouldExceed(b, l, o, e)).toBe(expected);
  });
});
