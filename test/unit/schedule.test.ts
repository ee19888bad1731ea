// Due times in each person's own zone, out-of-office statuses and pauses.
import { commonSkip, dailySlot, isOutOfOffice, isPausedOn, insideSendingHours } from '../../src/core/schedule';
import type { Person } from '../../src/core/model';
import type { Weekday } from '../../src/core/types';

const WINDOW = { quietStart: '08:00', quietEnd: '19:00' };
const WEEKDAYS: Weekday[] = [1, 2, 3, 4, 5];

describe('dailySlot', () => {
  it.each([
    // instant (UTC), zone, time, expected
    ['2026-11-26T15:29:00Z', 'Europe/Berlin', '16:30', 'not-yet'],
    ['2026-11-26T15:30:00Z', 'Europe/Berlin', '16:30', 'due'],
    ['2026-11-26T17:59:00Z', 'Europe/Berlin', '16:30', 'due'],
    ['2026-11-26T18:00:00Z', 'Europe/Berlin', '16:30', 'missed'],
    ['2026-11-26T21:30:00Z', 'America/New_York', '16:30', 'due'],
    ['2026-11-26T11:00:00Z', 'Asia/Kolkata', '16:30', 'due'],
    ['2026-11-26T10:59:00Z', 'Asia/Kolkata', '16:30', 'not-yet'],
    ['2026-11-26T03:30:00Z', 'Pacific/Auckland', '16:30', 'due'],
    // Before the window opens, an early check-in waits for 08:00.
    ['2026-11-26T06:59:00Z', 'Europe/Berlin', '07:00', 'not-yet'],
    ['2026-11-26T07:00:00Z', 'Europe/Berlin', '07:00', 'due'],
    // A time at or after the window's end never falls due.
    ['2026-11-26T18:30:00Z', 'Europe/Berlin', '19:30', 'missed'],
  ])('at %s in %s with a %s check-in: %s', (at, zone, time, expected) => {
    const slot = dailySlot(Date.parse(at), zone, time, WEEKDAYS, WINDOW);
    expect(slot.due ? 'due' : slot.why).toBe(expected);
  });

  it.each([
    ['Saturday', '2026-11-28T15:30:00Z', 'Europe/Berlin'],
    ['Sunday, local, though Monday in UTC+13', '2026-11-29T03:30:00Z', 'Pacific/Auckland'],
  ])('is not due on a %s', (_name, at, zone) => {
    const slot = dailySlot(Date.parse(at), zone, '16:30', WEEKDAYS, WINDOW);
    expect(slot).toMatchObject({ due: false, why: 'not-a-day' });
  });

  it.each([
    ['US spring forward', '2026-03-08T20:30:00Z', 'America/New_York', '2026-03-08'],
    ['US autumn back', '2026-11-01T21:30:00Z', 'America/New_York', '2026-11-01'],
    ['EU spring forward', '2026-03-29T14:30:00Z', 'Europe/Berlin', '2026-03-29'],
    ['EU autumn back', '2026-10-25T15:30:00Z', 'Europe/Berlin', '2026-10-25'],
    ['NZ autumn back', '2026-04-05T04:30:00Z', 'Pacific/Auckland', '2026-04-05'],
    ['NZ spring forward', '2026-09-27T03:30:00Z', 'Pacific/Auckland', '2026-09-27'],
  ])('falls due at 16:30 local on the %s day', (_name, at, zone, date) => {
    const daily: Weekday[] = [1, 2, 3, 4, 5, 6, 7];
    expect(dailySlot(Date.parse(at), zone, '16:30', daily, WINDOW)).toMatchObject({ due: true, date });
    expect(dailySlot(Date.parse(at) - 60_000, zone, '16:30', daily, WINDOW)).toMatchObject({ due: false, why: 'not-yet' });
  });

  it('treats a slot inside a spring-forward gap as due once the clock jumps past it', () => {
    const window = { quietStart: '00:00', quietEnd: '23:59' };
    // Berlin jumps from 02:00 to 03:00 on 2026-03-29 (01:00 UTC).
    expect(dailySlot(Date.parse('2026-03-29T00:59:00Z'), 'Europe/Berlin', '02:30', [7], window).due).toBe(false);
    expect(dailySlot(Date.parse('2026-03-29T01:00:00Z'), 'Europe/Berlin', '02:30', [7], window).due).toBe(true);
  });
});

describe('isOutOfOffice', () => {
  const at = Date.parse('2026-11-26T10:00:00Z');
  it.each([
    ['Vacation', '', true],
    ['on vacation till Monday', '', true],
    ['Vacationing in Lisbon', '', true],
    ['OOO', '', true],
    ['Out of office', '', true],
    ['out of the office', '', true],
    ['Out-of-office', '', true],
    ['sick', '', true],
    ['', ':palm_tree:', true],
    ['', ':face_with_thermometer:', true],
    ['In a meeting', ':calendar:', false],
    ['Booking holidays for the team', '', false],
    ['Zoom', '', false],
    ['', '', false],
  ])('%j %j → %s', (statusText, statusEmoji, expected) => {
    expect(isOutOfOffice({ statusText, statusEmoji, statusExpiration: 0 }, at)).toBe(expected);
  });

  it('ignores a status that has expired', () => {
    expect(isOutOfOffice({ statusText: 'OOO', statusEmoji: '', statusExpiration: at / 1000 - 1 }, at)).toBe(false);
    expect(isOutOfOffice({ statusText: 'OOO', statusEmoji: '', statusExpiration: at / 1000 + 60 }, at)).toBe(true);
  });
});

describe('pauses and sending hours', () => {
  it.each([
    [false, null, '2026-11-26', false],
    [true, null, '2026-11-26', true],
    [true, '2026-11-26', '2026-11-26', true],
    [true, '2026-11-25', '2026-11-26', false],
  ])('paused=%s until %s is paused on %s: %s', (paused, until, date, expected) => {
    expect(isPausedOn({ paused, pausedUntil: until }, date)).toBe(expected);
  });

  it.each([
    ['07:59', false], ['08:00', true], ['16:30', true], ['18:59', true], ['19:00', false],
  ])('%s is inside sending hours: %s', (hhmm, expected) => {
    expect(insideSendingHours(hhmm, WINDOW)).toBe(expected);
  });

  it('checks inactive first, then holidays, pauses and out of office', () => {
    const base = { active: true, deleted: false, isBot: false, paused: true, pausedUntil: null, statusText: 'OOO', statusEmoji: '', statusExpiration: 0 } as unknown as Person;
    const at = Date.parse('2026-11-26T10:00:00Z');
    expect(commonSkip({ ...base, active: false }, '2026-11-26', at, new Set(['2026-11-26']))).toBe('inactive');
    expect(commonSkip(base, '2026-11-26', at, new Set(['2026-11-26']))).toBe('holiday');
    expect(commonSkip(base, '2026-11-26', at, new Set())).toBe('paused');
    expect(commonSkip({ ...base, paused: false }, '2026-11-26', at, new Set())).toBe('out of office');
    expect(commonSkip({ ...base, paused: false, statusText: '' }, '2026-11-26', at, new Set())).toBeNull();
  });
});
