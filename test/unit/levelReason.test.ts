import { levelCause, levelReason } from '../../src/core/levelReason';

const base = { minutes: 0, budget: 240, previousWeekOver: false, strainBackWeeksOfLast3: 0 };

describe('levelReason', () => {
  test.each([
    [{ minutes: 100 }, 'under', /inside/],
    [{ minutes: 200 }, 'near', /80%/],
    [{ minutes: 250 }, 'over', /past this week/],
    [{ minutes: 254, previousWeekOver: true }, 'over-twice', /second week running/],
    [{ minutes: 360 }, 'far-over', /150%|half as much/],
    [{ minutes: 10, strainBackWeeksOfLast3: 2 }, 'strain', /pulse said/],
    [{ minutes: 5, budget: 0 }, 'zero-budget', /budget is zero/],
  ] as const)('%o → %s', (over, cause, words) => {
    const input = { ...base, ...over };
    expect(levelCause(input)).toBe(cause);
    expect(levelReason(input)).toMatch(words);
  });

  test('106% over two weeks explains itself (the issue’s case)', () => {
    const input = { ...base, minutes: 254, previousWeekOver: true };
    expect(levelReason(input)).toBe('Over budget for a second week running (you were over last week too).');
    expect(levelReason(input, { subject: 'Ana', seesStrain: true })).toBe('Over budget for a second week running (Ana was over last week too).');
  });

  test('a manager’s copy names the person, never “you”', () => {
    const input = { ...base, minutes: 10, strainBackWeeksOfLast3: 2 };
    expect(levelReason(input, { subject: 'Ana', seesStrain: true })).toMatch(/^Ana’s pulse said .* their core work/);
    expect(levelReason(input, { subject: 'Ana', seesStrain: true })).not.toMatch(/\byou/i);
  });

  test('a manager who may not see strain is not told that strain is the cause (privacy)', () => {
    const reason = levelReason({ ...base, minutes: 10, strainBackWeeksOfLast3: 2 }, { subject: 'Ana', seesStrain: false });
    expect(reason).not.toMatch(/pulse|strain|pushed/i);
    expect(reason).toMatch(/crowding/);
  });
});
