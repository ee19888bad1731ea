import {
  addDays, daysBetween, instantAt, isValidZone, localClock, localDate, parseDays, parseHHMM, weekdayFromName, weekdayOf,
  weekDates, weekKey, weekStart,
} from '../../src/core/time';

const utc = (iso: string) => Date.parse(iso);

describe('the Sunday→Monday week boundary in each zone, including DST-change weekends', () => {
  // Each row: the UTC instant of local midnight starting Monday, and the Sunday/Monday either side.
  it.each([
    ['America/New_York', 'spring forward', '2026-03-09T04:00:00Z', '2026-03-08', '2026-W10', '2026-03-09', '2026-W11'],
    ['America/New_York', 'fall back', '2026-11-02T05:00:00Z', '2026-11-01', '2026-W44', '2026-11-02', '2026-W45'],
    ['Europe/Berlin', 'spring forward', '2026-03-29T22:00:00Z', '2026-03-29', '2026-W13', '2026-03-30', '2026-W14'],
    ['Europe/Berlin', 'fall back', '2026-10-25T23:00:00Z', '2026-10-25', '2026-W43', '2026-10-26', '2026-W44'],
    ['Australia/Sydney', 'DST end', '2026-04-05T14:00:00Z', '2026-04-05', '2026-W14', '2026-04-06', '2026-W15'],
    ['Australia/Sydney', 'DST start', '2026-10-04T13:00:00Z', '2026-10-04', '2026-W40', '2026-10-05', '2026-W41'],
    ['Asia/Kolkata', 'no DST, +05:30', '2026-11-29T18:30:00Z', '2026-11-29', '2026-W48', '2026-11-30', '2026-W49'],
  ])('in %s on the %s weekend, Monday starts at %s', (zone, _label, mondayUtc, sunday, sundayWeek, monday, mondayWeek) => {
    const ms = utc(mondayUtc);
    expect(localDate(ms - 1, zone)).toBe(sunday);
    expect(localDate(ms, zone)).toBe(monday);
    expect(weekKey(localDate(ms - 1, zone))).toBe(sundayWeek);
    expect(weekKey(localDate(ms, zone))).toBe(mondayWeek);
    expect(weekStart(sunday)).toBe(addDays(monday, -7));
    expect(weekStart(monday)).toBe(monday);
    expect(instantAt(monday, '00:00', zone)).toBe(ms);
  });

  it.each([
    ['America/New_York', '2026-03-08T06:59:59Z', '01:59'],
    ['America/New_York', '2026-03-08T07:00:00Z', '03:00'],
    ['Europe/Berlin', '2026-10-25T00:59:00Z', '02:59'],
    ['Europe/Berlin', '2026-10-25T01:00:00Z', '02:00'],
    ['Australia/Sydney', '2026-10-03T16:00:00Z', '03:00'],
    ['Asia/Kolkata', '2026-11-26T15:00:00Z', '20:30'],
  ])('in %s the clock at %s reads %s', (zone, instant, hhmm) => {
    expect(localClock(utc(instant), zone).hhmm).toBe(hhmm);
  });
});

describe('localClock', () => {
  it('gives date, time, ISO weekday and minute of day in the person’s zone', () => {
    expect(localClock(Date.UTC(2026, 10, 26, 15, 0), 'Europe/Berlin')).toEqual({
      date: '2026-11-26',
      hhmm: '16:00',
      weekday: 4,
      minuteOfDay: 960,
    });
  });

  it('puts the same instant on different dates in different zones', () => {
    const ms = utc('2026-11-29T20:00:00Z');
    expect(localDate(ms, 'America/New_York')).toBe('2026-11-29');
    expect(localDate(ms, 'Asia/Kolkata')).toBe('2026-11-30');
    expect(localClock(ms, 'Asia/Kolkata').weekday).toBe(1);
  });

  it('throws on an unknown zone rather than guessing', () => {
    expect(() => localDate(0, 'Mars/Olympus')).toThrow('Unknown time zone');
  });
});

describe('ISO weeks at the turn of the year', () => {
  it.each([
    ['2025-12-28', '2025-W52'],
    ['2025-12-29', '2026-W01'],
    ['2026-01-01', '2026-W01'],
    ['2026-11-26', '2026-W48'],
    ['2026-12-31', '2026-W53'],
    ['2027-01-03', '2026-W53'],
    ['2027-01-04', '2027-W01'],
    ['2024-12-30', '2025-W01'],
    ['2021-01-03', '2020-W53'],
    ['2022-01-01', '2021-W52'],
  ])('puts %s in %s', (date, key) => {
    expect(weekKey(date)).toBe(key);
  });

  it.each([
    ['2026-11-26', '2026-11-23'],
    ['2026-11-23', '2026-11-23'],
    ['2026-11-29', '2026-11-23'],
    ['2027-01-03', '2026-12-28'],
    ['2026-03-01', '2026-02-23'],
  ])('starts the week of %s on Monday %s', (date, monday) => {
    expect(weekStart(date)).toBe(monday);
  });

  it('lists the seven dates Monday to Sunday, across a month and year end', () => {
    expect(weekDates('2026-12-31')).toEqual([
      '2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03',
    ]);
  });
});

describe('calendar arithmetic', () => {
  it.each([
    ['2026-11-26', 1, '2026-11-27'],
    ['2026-11-26', -14, '2026-11-12'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-03-28', 2, '2026-03-30'],
  ])('adds to %s %p days giving %s', (date, n, result) => {
    expect(addDays(date, n)).toBe(result);
    expect(daysBetween(date, result)).toBe(n);
  });

  it.each([
    ['2026-11-23', 1],
    ['2026-11-26', 4],
    ['2026-11-29', 7],
  ])('knows %s is ISO weekday %p', (date, weekday) => {
    expect(weekdayOf(date)).toBe(weekday);
  });
});

describe('instantAt', () => {
  it.each([
    ['an ordinary afternoon', '2026-11-26', '16:30', 'Europe/Berlin', '2026-11-26T15:30:00Z'],
    ['a time inside the spring-forward gap, moved to the gap’s end', '2026-03-29', '02:30', 'Europe/Berlin', '2026-03-29T01:00:00Z'],
    ['the first minute after the gap', '2026-03-29', '03:00', 'Europe/Berlin', '2026-03-29T01:00:00Z'],
    ['the last minute before the gap', '2026-03-29', '01:59', 'Europe/Berlin', '2026-03-29T00:59:00Z'],
    ['a time in the fall-back overlap, taken the first time round', '2026-10-25', '02:30', 'Europe/Berlin', '2026-10-25T00:30:00Z'],
    ['a New York gap time', '2026-03-08', '02:30', 'America/New_York', '2026-03-08T07:00:00Z'],
    ['a New York overlap time', '2026-11-01', '01:30', 'America/New_York', '2026-11-01T05:30:00Z'],
    ['a Sydney gap time', '2026-10-04', '02:30', 'Australia/Sydney', '2026-10-03T16:00:00Z'],
    ['a Sydney overlap time', '2026-04-05', '02:30', 'Australia/Sydney', '2026-04-04T15:30:00Z'],
    ['a half-hour zone', '2026-11-26', '17:00', 'Asia/Kolkata', '2026-11-26T11:30:00Z'],
  ])('resolves %s (%s %s in %s) to %s', (_label, date, hhmm, zone, instant) => {
    expect(instantAt(date, hhmm, zone)).toBe(utc(instant));
  });
});

describe('zones and times', () => {
  it.each([
    ['Europe/Berlin', true],
    ['America/New_York', true],
    ['Asia/Kolkata', true],
    ['UTC', true],
    ['Mars/Olympus', false],
    ['', false],
    ['+05:30', false],
  ])('treats %p as a valid zone: %p', (zone, valid) => {
    expect(isValidZone(zone)).toBe(valid);
  });

  it.each([
    ['9:05', '09:05'],
    ['09:05', '09:05'],
    ['16:30', '16:30'],
    ['0:00', '00:00'],
    ['23:59', '23:59'],
    ['24:00', null],
    ['7', null],
    ['12:60', null],
    ['12:5', null],
    ['7pm', null],
    ['', null],
  ])('reads the time %p as %p', (text, hhmm) => {
    expect(parseHHMM(text)).toBe(hhmm);
  });
});

describe('parseDays', () => {
  it.each([
    ['mon-fri', [1, 2, 3, 4, 5]],
    ['mon,wed,fri', [1, 3, 5]],
    ['fri,mon,wed,mon', [1, 3, 5]],
    ['tue-thu', [2, 3, 4]],
    ['sat-sun', [6, 7]],
    ['weekdays', [1, 2, 3, 4, 5]],
    ['weekends', [6, 7]],
    ['daily', [1, 2, 3, 4, 5, 6, 7]],
    ['everyday', [1, 2, 3, 4, 5, 6, 7]],
    ['mon', [1]],
    ['Monday-Friday', [1, 2, 3, 4, 5]],
    ['MON-FRI', [1, 2, 3, 4, 5]],
    ['tuesday,thursday', [2, 4]],
    ['fri-mon', [1, 5, 6, 7]],
    ['sun-tue', [1, 2, 7]],
    ['mon, wed', [1, 3]],
    ['mon - wed', [1, 2, 3]],
  ])('reads %p as days %p', (text, days) => {
    expect(parseDays(text)).toEqual(days);
  });

  it.each(['', 'someday', 'mon-', '-fri', 'mon-fri-sat', 'mon,xyz', 'monfri'])('refuses %p', (text) => {
    expect(parseDays(text)).toBeNull();
  });

  it.each([
    ['thurs', 4],
    ['Sunday', 7],
    ['tue', 2],
    ['sund', null],
  ])('names %p as weekday %p', (name, day) => {
    expect(weekdayFromName(name)).toBe(day);
  });
});
