import { buildDigest, digestWindow, type ReportInput } from '../../src/core/digest';
import type { Strain } from '../../src/core/types';

const window = digestWindow('2026-11-30'); // Monday: the last full week is 2026-W48

function report(over: Partial<ReportInput> & { minutes?: number[] } = {}): ReportInput {
  const minutes = over.minutes ?? [0, 0, 0, 0, 0, 100];
  return {
    id: 'U1', name: 'Ada', budget: 240, shareStrain: false, paused: false,
    minutes, relationship: Math.floor(minutes[minutes.length - 1] / 2),
    strain: [], assignmentsDone: 0, assignmentsOpen: 0,
    ...over,
  };
}

describe('digestWindow', () => {
  it.each<[string, string, string[]]>([
    ['a Monday', '2026-11-30', ['2026-W43', '2026-W44', '2026-W45', '2026-W46', '2026-W47', '2026-W48']],
    ['a Sunday (its own week is not over)', '2026-11-29', ['2026-W42', '2026-W43', '2026-W44', '2026-W45', '2026-W46', '2026-W47']],
    ['the first Monday of an ISO year', '2026-01-05', ['2025-W48', '2025-W49', '2025-W50', '2025-W51', '2025-W52', '2026-W01']],
  ])('on %s covers the six weeks ending with the last full one', (_n, today, keys) => {
    expect(digestWindow(today).weekKeys).toEqual(keys);
  });

  it('names the last full week Monday to Sunday', () => {
    expect(window).toMatchObject({ start: '2026-11-23', end: '2026-11-29' });
  });
});

describe('buildDigest', () => {
  const build = (reports: ReportInput[], minGroupSize = 5) => buildDigest({ window, reports, minGroupSize });

  it('gives each report their minutes against budget, level, trend, relationship share and assignments', () => {
    const m = build([report({ minutes: [10, 20, 30, 40, 50, 200], assignmentsDone: 2, assignmentsOpen: 1 })]);
    expect(m.rows[0]).toEqual({
      id: 'U1', name: 'Ada', minutes: 200, budget: 240, percent: 83, level: 'near',
      levelInput: { minutes: 200, budget: 240, previousWeekOver: false, strainBackWeeksOfLast3: 0 }, shareStrain: false,
      trend: [10, 20, 30, 40, 50, 200], relationshipShare: 0.5, assignmentsDone: 2, assignmentsOpen: 1, flags: [],
    });
    expect(m.weekKey).toBe('2026-W48');
  });

  it.each<[string, number[], boolean, string[]]>([
    ['150% of budget is crowding', [0, 0, 0, 0, 100, 360], false, ['crowding']],
    ['over two weeks running', [0, 0, 0, 0, 240, 240], false, ['crowding', 'over-two-weeks']],
    ['over last week only', [0, 0, 0, 0, 100, 240], false, []],
    ['over the week before only', [0, 0, 0, 0, 240, 100], false, []],
    ['nothing for two full weeks is 14 days silent', [100, 0, 0, 0, 0, 0], false, ['silent']],
    ['nothing last week but something the week before', [0, 0, 0, 0, 10, 0], false, []],
    ['silent but paused', [0, 0, 0, 0, 0, 0], true, []],
  ])('flags %s', (_n, minutes, paused, flags) => {
    expect(build([report({ minutes, paused })]).rows[0].flags).toEqual(flags);
  });

  it('totals the team and turns it into FTE (minutes ÷ 2,400)', () => {
    const m = build([report({ minutes: [0, 0, 0, 0, 0, 600] }), report({ id: 'U2', minutes: [0, 0, 0, 0, 0, 600] })]);
    expect(m.team).toEqual({ people: 2, minutes: 1200, budget: 480, percent: 250, fte: 0.5, relationshipShare: 0.5 });
  });

  it.each<[string, number[], boolean]>([
    ['exactly 0.5 FTE four weeks running', [0, 0, 1200, 1200, 1200, 1200], true],
    ['a minute under in one of the four', [0, 0, 1200, 1199, 1200, 1200], false],
    ['three weeks only', [0, 0, 0, 1200, 1200, 1200], false],
  ])('suggests a dedicated role for %s: %p', (_n, minutes, expected) => {
    const m = build([report({ minutes })]);
    expect(m.recommendation !== null).toBe(expected);
  });

  describe('strain and privacy', () => {
    const answers = (answer: Strain): (Strain | undefined)[] => [undefined, undefined, undefined, undefined, undefined, answer];

    it('shows a strain answer by name only for a report who opted in', () => {
      const m = build([
        report({ id: 'U1', shareStrain: true, strain: answers('back') }),
        report({ id: 'U2', shareStrain: false, strain: answers('back') }),
        report({ id: 'U3', shareStrain: true }),
      ]);
      expect(m.rows.map((r) => r.strain)).toEqual(['back', undefined, 'unanswered']);
    });

    it('gives no team figure when fewer than the minimum group answered', () => {
      const reports = [1, 2, 3, 4].map((i) => report({ id: `U${i}`, strain: answers('bit') }));
      expect(build(reports, 5).strainSummary).toBeNull();
    });

    it('gives a team figure once the minimum group answered', () => {
      const reports = (['none', 'bit', 'bit', 'back', 'none'] as Strain[]).map((a, i) => report({ id: `U${i}`, strain: answers(a) }));
      expect(build(reports, 5).strainSummary).toEqual({ answered: 5, none: 2, bit: 2, back: 1 });
    });

    it('leaves opted-in answers out of the team figure, so subtracting cannot reveal anyone', () => {
      const reports = (['back', 'bit', 'bit', 'none', 'none'] as Strain[]).map((a, i) =>
        report({ id: `U${i}`, strain: answers(a), shareStrain: i === 0 }));
      expect(build(reports, 5).strainSummary).toBeNull();
      expect(build(reports, 4).strainSummary).toEqual({ answered: 4, none: 2, bit: 2, back: 0 });
    });

    it('does not let a private strain answer raise the level a manager sees', () => {
      const strain: (Strain | undefined)[] = [undefined, undefined, undefined, undefined, 'back', 'back'];
      expect(build([report({ strain, shareStrain: false })]).rows[0].level).toBe('ok');
      expect(build([report({ strain, shareStrain: true })]).rows[0].level).toBe('crowding');
    });
  });
});
