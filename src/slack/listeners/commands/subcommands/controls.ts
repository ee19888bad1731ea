// pause, resume, checkin, nudges: what a person controls about Ballast's DMs.
import { errorReply, textReply } from '../../../blocks/replies';
import { dayLabel } from '../../../blocks/format';
import { addDays } from '../../../../core/time';
import { checkinTimeOf } from '../../../../core/schedule';
import type { Weekday } from '../../../../core/types';
import { checkinOff, pause, resume, setCheckin, setNudges } from '../../../../services/controls';
import type { HandlerTable } from './types';

const DAY = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export function daysLabel(days: Weekday[]): string {
  const s = [...days].sort((a, b) => a - b);
  if (s.join() === '1,2,3,4,5') return 'Monday to Friday';
  if (s.join() === '1,2,3,4,5,6,7') return 'every day';
  const contiguous = s.every((d, i) => i === 0 || d === s[i - 1] + 1);
  if (contiguous && s.length > 2) return `${DAY[s[0]]} to ${DAY[s[s.length - 1]]}`;
  return s.map((d) => DAY[d]).join(', ');
}

export const controls: HandlerTable = {
  async pause({ deps, person }, c) {
    const r = await pause(deps, person, c.until ?? null);
    if (!r.ok) return errorReply(r.error);
    const reply = c.until
      ? textReply(
          `:double_vertical_bar: Paused through ${dayLabel(c.until)}: no check-ins, pulses, nudges or assignments until then.`,
          `They start again on ${dayLabel(addDays(c.until, 1))}. \`/ballast resume\` restarts them sooner.`,
        )
      : textReply(
          ':double_vertical_bar: Paused: no check-ins, pulses, nudges or assignments until you resume.',
          '`/ballast resume` restarts them.',
        );
    return { ...reply, after: r.value.followUps };
  },
  async resume({ deps, person }) {
    const r = await resume(deps, person);
    if (!r.ok) return errorReply(r.error);
    return textReply(
      r.value.wasPaused ? ':arrow_forward: Welcome back. Check-ins, pulses and nudges are on again.' : "You weren't paused; nothing changed.",
    );
  },
  async checkin({ deps, person }, c) {
    const r = await setCheckin(deps, person, c.time, c.days);
    if (!r.ok) return errorReply(r.error);
    const p = r.value.person;
    return textReply(
      `:alarm_clock: Your check-in comes at ${checkinTimeOf(p, r.value.settings)} (${p.tz}), ${daysLabel(p.checkinDays)}.`,
      '`/ballast checkin off` stops it.',
    );
  },
  async 'checkin-off'({ deps, person }) {
    const r = await checkinOff(deps, person);
    if (!r.ok) return errorReply(r.error);
    return textReply(':no_bell: Daily check-ins are off.', 'Turn them back on with `/ballast checkin 16:30 mon-fri`.');
  },
  async nudges({ deps, person }, c) {
    const r = await setNudges(deps, person, c.on);
    if (!r.ok) return errorReply(r.error);
    return c.on
      ? textReply(':bell: Nudges are on: a word after 14 quiet days, and tips on your mix of work in the weekly pulse.')
      : textReply(':no_bell: Nudges are off. Warnings about your budget still arrive.', '`/ballast nudges on` turns them back on.');
  },
};
