import { rankAdvocates, wouldExceed, type Candidate } from '../../src/core/capacity';

const c = (id: string, o: Partial<Candidate> = {}): Candidate => ({
  id, budget: 240, logged: 0, openEstimates: 0, assignmentsThisWeek: 0, available: true, ...o,
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
