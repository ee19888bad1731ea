// The hand-written calendar arithmetic agrees with the platform's own, day by day, over four centuries.
import { addDays, daysBetween, weekdayOf } from '../../src/core/time';

it('agrees with Date.UTC on every day from 1900 to 2300', () => {
  const start = Date.UTC(1900, 0, 1);
  let mismatches = 0;
  for (let i = 0; i < 146_097; i += 1) {
    const d = new Date(start + i * 86_400_000);
    const iso = d.toISOString().slice(0, 10);
    if (addDays('1900-01-01', i) !== iso) mismatches++;
    if (daysBetween('1900-01-01', iso) !== i) mismatches++;
    if (weekdayOf(iso) !== (((d.getUTCDay() + 6) % 7) + 1)) mismatches++;
  }
  expect(mismatches).toBe(0);
});

it.each(['2026-02-29', '2026-13-01', '2026-04-31', '2026-00-10', '1900-02-29', '26-01-01'])('refuses the impossible date %s', (date) => {
  expect(() => addDays(date, 1)).toThrow(/Not a date/);
});

it('accepts 29 February in a leap year, including 2000', () => {
  expect(addDays('2000-02-28', 1)).toBe('2000-02-29');
  expect(addDays('2028-02-29', 1)).toBe('2028-03-01');
});
