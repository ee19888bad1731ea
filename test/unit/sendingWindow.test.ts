import { lastMinuteOf, outsideWindowReason, sendingWindowVerdict } from '../../src/core/sendingWindow';
import { dailySlot } from '../../src/core/schedule';

const WINDOW = { quietStart: '08:00', quietEnd: '19:00' };

describe('sendingWindowVerdict', () => {
  it.each([
    ['08:00', { kind: 'inside' }],
    ['16:30', { kind: 'inside' }],
    ['18:59', { kind: 'inside' }],
    ['07:59', { kind: 'moved', to: '08:00' }],
    ['00:00', { kind: 'moved', to: '08:00' }],
    ['19:00', { kind: 'skipped' }],
    ['23:59', { kind: 'skipped' }],
  ])('%s in 08:00-19:00 is %o', (time, verdict) => {
    expect(sendingWindowVerdict(time, WINDOW)).toEqual(verdict);
  });

  it.each(['06:00', '07:59', '08:00', '12:00', '18:59', '19:00', '22:00'])('agrees with what the scheduler does with a check-in at %s', (time) => {
    // Berlin on a Thursday: the first instant the slot is due, if ever, that day.
    const verdict = sendingWindowVerdict(time, WINDOW);
    const dueAt = ['00:00', '06:00', '07:59', '08:00', '12:00', '18:59', '19:00', '22:00']
      .find((hhmm) => dailySlot(Date.parse(`2026-11-26T${hhmm}:00+01:00`), 'Europe/Berlin', time, [4], WINDOW).due);
    if (verdict.kind === 'skipped') expect(dueAt).toBeUndefined();
    else if (verdict.kind === 'moved') expect(dueAt).toBe(verdict.to);
    else expect(dueAt).toBe(time);
  });
});

describe('outsideWindowReason', () => {
  it('is null inside the window', () => {
    expect(outsideWindowReason('16:30', WINDOW, 'your check-in')).toBeNull();
  });
  it('says a too-early time would be moved, and which times work', () => {
    expect(outsideWindowReason('07:00', WINDOW, 'the org check-in time')).toBe(
      "Ballast only sends DMs between 08:00 and 19:00 in each person's own time zone, so the org check-in time at 07:00 would arrive at 08:00 instead: pick a time from 08:00 to 18:59.",
    );
  });
  it('says a too-late time would never be sent', () => {
    expect(outsideWindowReason('19:30', WINDOW, 'your check-in')).toContain('your check-in at 19:30 would never be sent: pick a time from 08:00 to 18:59');
  });
  it.each([['19:00', '18:59'], ['08:30', '08:29'], ['00:01', '00:00']])('the last minute before %s is %s', (end, last) => {
    expect(lastMinuteOf({ quietStart: '00:00', quietEnd: end })).toBe(last);
  });
});
