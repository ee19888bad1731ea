import { atOrAboveRecommendation, costOf, dedicatedRole, fteOf, FULL_TIME_MINUTES } from '../../src/core/cost';
import { buildOrgReport } from '../../src/core/orgReport';

describe('fteOf', () => {
  it.each<[number, number, number]>([
    [0, 1, 0],
    [2400, 1, 1],
    [1200, 1, 0.5],
    [1199, 1, 0.5], // displays rounded; the threshold test below is exact
    [240, 1, 0.1],
    [4800, 1, 2],
    [9600, 4, 1],
    [4800, 4, 0.5],
    [100, 0, 0],
  ])('%p minutes over %p weeks is %p FTE (1 FTE = 40h = 2,400 minutes a week)', (minutes, weeks, fte) => {
    expect(fteOf(minutes, weeks)).toBe(fte);
  });

  it('defines one FTE as a 40-hour week', () => {
    expect(FULL_TIME_MINUTES).toBe(2400);
  });
});

describe('the 0.5 FTE threshold', () => {
  it.each<[number, boolean]>([
    [1199, false],
    [1200, true],
    [1201, true],
    [0, false],
  ])('%p minutes in a week is at or above 0.5 FTE: %p', (minutes, expected) => {
    expect(atOrAboveRecommendation(minutes)).toBe(expected);
  });
});

describe('dedicatedRole', () => {
  const weeks = (...minutes: number[]) => minutes.map((m, i) => ({ weekKey: `2026-W${40 + i}`, minutes: m }));

  it.each<[string, number[], boolean]>([
    ['four weeks exactly at 0.5 FTE', [1200, 1200, 1200, 1200], true],
    ['four weeks well above', [2000, 3000, 2500, 1300], true],
    ['one week a minute short', [1200, 1199, 1200, 1200], false],
    ['the oldest of four a minute short', [1199, 1200, 1200, 1200], false],
    ['the latest of four a minute short', [1200, 1200, 1200, 1199], false],
    ['only three weeks of history', [5000, 5000, 5000], false],
    ['six weeks where only the last four count', [0, 0, 1200, 1300, 1400, 1500], true],
    ['six weeks with a dip inside the last four', [5000, 5000, 1200, 0, 1400, 1500], false],
  ])('%s: recommends %p', (_name, minutes, expected) => {
    expect(dedicatedRole(weeks(...minutes)) !== null).toBe(expected);
  });

  it('shows the arithmetic week by week', () => {
    const r = dedicatedRole(weeks(1200, 1500, 1800, 2400))!;
    expect(r.arithmetic).toBe(
      '20h ÷ 40h = 0.50 FTE; 25h ÷ 40h = 0.63 FTE; 30h ÷ 40h = 0.75 FTE; 40h ÷ 40h = 1.00 FTE. ' +
        'Every one of the last 4 weeks was at or above 0.5 FTE (20h a week); on average 0.72 FTE.',
    );
    expect(r.averageFte).toBe(0.72);
    expect(r.weeks.map((w) => w.fte)).toEqual([0.5, 0.63, 0.75, 1]);
  });
});

describe('costOf', () => {
  it.each<[number, number, number]>([
    [60, 50, 50],
    [90, 50, 75],
    [1, 55.5, 0.93],
    [0, 100, 0],
  ])('%p minutes at %p an hour costs %p', (minutes, rate, cost) => {
    expect(costOf(minutes, rate)).toBe(cost);
  });
});

describe('buildOrgReport', () => {
  const keys = ['2026-W45', '2026-W46', '2026-W47', '2026-W48'];
  const people = [
    { id: 'U1', name: 'Ada', managerId: 'M1', budget: 240, weeks: [300, 300, 300, 300] },
    { id: 'U2', name: 'Bo', managerId: 'M1', budget: 240, weeks: [900, 900, 900, 900] },
    { id: 'U3', name: 'Cy', managerId: 'M2', budget: 240, weeks: [60, 0, 60, 239] },
    { id: 'U4', name: 'Di', managerId: null, budget: 120, weeks: [0, 0, 0, 120] },
  ];

  it('totals hours, average FTE and money over four weeks', () => {
    const r = buildOrgReport({ weekKeys: keys, people, hourlyCost: 60, currency: 'EUR' });
    const minutes = 4 * 300 + 4 * 900 + 359 + 120;
    expect(r.minutes).toBe(minutes);
    expect(r.hours).toBe(Math.round((minutes / 60) * 10) / 10);
    expect(r.fte).toBe(Math.round((minutes * 100) / (2400 * 4)) / 100);
    expect(r.money).toBe(minutes);
    expect(r.weeks.map((w) => w.minutes)).toEqual([1260, 1200, 1260, 1559]);
  });

  it('groups by team, largest first, and marks teams at 0.5 FTE four weeks running', () => {
    const r = buildOrgReport({ weekKeys: keys, people, hourlyCost: null, currency: 'USD' });
    expect(r.teams.map((t) => [t.managerId, t.people, t.minutes, t.recommended, t.money])).toEqual([
      ['M1', 2, 4800, true, null],
      ['M2', 1, 359, false, null],
      [null, 1, 120, false, null],
    ]);
    expect(r.money).toBeNull();
  });

  it('lists people at or over budget in the latest week only', () => {
    const r = buildOrgReport({ weekKeys: keys, people, hourlyCost: null, currency: 'USD' });
    expect(r.overBudget.map((p) => p.id)).toEqual(['U2', 'U1', 'U4']);
  });

  it('recommends a dedicated role only when the organisation stayed at or above 0.5 FTE each week', () => {
    expect(buildOrgReport({ weekKeys: keys, people, hourlyCost: null, currency: 'USD' }).recommendation).not.toBeNull();
    const fewer = people.map((p) => (p.id === 'U2' ? { ...p, weeks: [900, 839, 900, 900] } : p));
    // Week two: 300 + 839 + 0 + 0 = 1,139 minutes, under 1,200.
    expect(buildOrgReport({ weekKeys: keys, people: fewer, hourlyCost: null, currency: 'USD' }).recommendation).toBeNull();
  });
});
