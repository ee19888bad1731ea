import { isAvailable, isPausedOn, rankAdvocates, wouldExceed, type AvailabilityInput, type Candidate } from '../../src/core/capacity';

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

describe('availability', () => {
  const base: AvailabilityInput = {
    active: true, deleted: false, isBot: false, paused: false, pausedUntil: null, statusText: '', statusEmoji: '', statusExpiration: 0,
  };
  const now = Date.parse('2026-11-26T10:00:00Z');
  it.each<[string, Partial<AvailabilityInput>, boolean]>([
    ['someone active and not paused is available', {}, true],
    ['paused with no end date is not', { paused: true }, false],
    ['paused until a later date is not', { paused: true, pausedUntil: '2026-11-30' }, false],
    ['paused until today is not, today being the last paused day', { paused: true, pausedUntil: '2026-11-26' }, false],
    ['paused until yesterday is available again', { paused: true, pausedUntil: '2026-11-25' }, true],
    ['inactive is not', { active: false }, false],
    ['deleted is not', { deleted: true }, false],
    ['a bot is not', { isBot: true }, false],
    ['an out-of-office status is not', { statusText: 'OOO until Monday' }, false],
    ['a vacation status is not', { statusText: 'On vacation' }, false],
    ['the palm tree emoji is not', { statusEmoji: ':palm_tree:' }, false],
    ['the thermometer face is not', { statusEmoji: ':face_with_thermometer:' }, false],
    ['an expired away status no longer counts', { statusEmoji: ':palm_tree:', statusExpiration: now / 1000 - 60 }, true],
    ['an ordinary status is fine', { statusText: 'In a meeting', statusEmoji: ':calendar:' }, true],
  ])('%s', (_name, patch, expected) => {
    expect(isAvailable({ ...base, ...patch }, '2026-11-26', now)).toBe(expected);
  });

  it('counts a paused person as paused on their last day and not the day after', () => {
    const p = { ...base, paused: true, pausedUntil: '2026-11-26' };
    expect(isPausedOn(p, '2026-11-26', now)).toBe(true);
    expect(isPausedOn(p, '2026-11-27', now)).toBe(false);
  });
});
