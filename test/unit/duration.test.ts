import { formatMinutes, parseDuration } from '../../src/core/duration';

describe('parseDuration', () => {
  it.each([
    ['30m', 30],
    ['30min', 30],
    ['30mins', 30],
    ['30 mins', 30],
    ['45 min', 45],
    ['90 mins', 90],
    ['1 hour', 60],
    ['1.5 hours', 90],
    ['2 hrs', 120],
    ['1 hour 30 minutes', 90],
    ['1 hour and 30 minutes', 90],
    ['1 h 30 m', 90],
    ['1h 30', 90],
    ['2 Hours 5 Min', 125],
    ['0.1h', 6],
    ['30minutes', 30],
    ['1h', 60],
    ['1H', 60],
    ['2hr', 120],
    ['2hrs', 120],
    ['1hour', 60],
    ['1h30m', 90],
    ['1H30M', 90],
    ['1h30', 90],
    ['1h05m', 65],
    ['1h 30m', 90],
    ['1.5h', 90],
    ['.5h', 30],
    ['0.25h', 15],
    ['1:30', 90],
    ['0:45', 45],
    ['12:00', 720],
    ['45', 45],
    ['  45  ', 45],
    ['0', 0],
    ['0m', 0],
    ['0h', 0],
  ])('reads %p as %p minutes', (text, minutes) => {
    expect(parseDuration(text)).toBe(minutes);
  });

  it.each([
    [''],
    ['   '],
    ['abc'],
    ['h'],
    ['m'],
    ['NaN'],
    ['Infinity'],
    ['-5'],
    ['-1h'],
    ['1e3'],
    ['1:75'],
    ['1:5'],
    [':30'],
    ['1h75m'],
    ['1.5h30m'],
    ['30s'],
    ['1d'],
    ['1,5h'],
    ['30m1h'],
    ['1h30m15s'],
    // Not whole minutes: storing a rounded figure would be a guess.
    ['2.5m'],
    ['0.01h'],
    ['1.5'],
    ['1.33h'],
    // Minutes after hours go up to 59, after whole hours only.
    ['1 hour 75 minutes'],
    ['1.5 hours 30 minutes'],
    ['30 45'],
    ['1 hour reply'],
    ['1 huor'],
    ['30m 15m'],
  ])('refuses %p', (text) => {
    expect(parseDuration(text)).toBeNull();
  });
});

describe('formatMinutes', () => {
  it.each([
    [0, '0m'],
    [1, '1m'],
    [45, '45m'],
    [60, '1h'],
    [90, '1h 30m'],
    [125, '2h 5m'],
    [720, '12h'],
    [44.6, '45m'],
    [-90, '-1h 30m'],
  ])('shows %p minutes as %p', (minutes, text) => {
    expect(formatMinutes(minutes)).toBe(text);
  });

  it.each([1, 45, 60, 90, 719, 720, 2400])('prints %p minutes in a form parseDuration reads back', (minutes) => {
    expect(parseDuration(formatMinutes(minutes))).toBe(minutes);
  });
});
