// The daily check-in DM: the question with its buttons, and what it turns into once answered.
import type { Entry } from '../../core/model';
import type { WeekModel } from '../../core/week';
import type { IsoDate } from '../../core/types';
import type { ModalView } from '@slack/types';
import { ACTIONS, BLOCKS, LOG_MODAL, VIEWS } from '../ids';
import { logModal } from './logModal';
import { actions, button, context, section, type KnownBlock } from './kit';
import { dayLabel, fmt } from './format';
import { budgetLine, entryLine, levelAdvice } from './week';
import type { OutgoingMessage } from '../../services/ports';

/** The quick-answer buttons and the minutes each logs. */
export const CHECKIN_MINUTES: Record<string, number> = {
  [ACTIONS.checkin15]: 15,
  [ACTIONS.checkin30]: 30,
  [ACTIONS.checkin60]: 60,
};

export function checkinQuestion(date: IsoDate, note?: string): OutgoingMessage {
  const blocks: KnownBlock[] = [
    section(`*Any social engagement today?* (${dayLabel(date)})\nReplies, comments, shares, posts, reading the feed: it all counts.`),
    actions(
      [
        button('Nothing today', ACTIONS.checkinNothing, date),
        button('15m', ACTIONS.checkin15, date),
        button('30m', ACTIONS.checkin30, date),
        button('1h', ACTIONS.checkin60, date),
        button('Other…', ACTIONS.checkinOther, date),
      ],
      BLOCKS.checkinButtons,
    ),
  ];
  if (note) blocks.push(context(note));
  blocks.push(context('`/ballast checkin 16:30 mon-fri` changes when this arrives; `/ballast pause` stops it.'));
  return { text: `Any social engagement today (${dayLabel(date)})?`, blocks };
}

export function checkinLogged(entry: Entry, week: WeekModel): OutgoingMessage {
  const advice = levelAdvice(week);
  const blocks: KnownBlock[] = [
    section(`:white_check_mark: Logged ${entryLine(entry)} from your check-in.`, {
      accessory: button('Undo', ACTIONS.checkinUndo, String(entry.id)),
    }),
    section(budgetLine(week)),
  ];
  if (advice) blocks.push(context(advice));
  return { text: `Logged ${fmt(entry.minutes)} for ${dayLabel(entry.date)}. Your week: ${fmt(week.total)} of ${fmt(week.budget.minutes)}.`, blocks };
}

export function checkinNothing(date: IsoDate): OutgoingMessage {
  const text = `Nothing logged for ${dayLabel(date)}. Thanks for answering.`;
  return { text, blocks: [section(`:zzz: ${text}`), context('Did some after all? `/ballast log 20m reply` records it.')] };
}

export interface CheckinOtherContext {
  date: IsoDate;
  channel: string;
  ts: string;
}

/** The log modal answering one check-in: the date is fixed to that day, the rest as usual. */
export function checkinOtherModal(c: CheckinOtherContext): ModalView {
  const base = logModal({ today: c.date, metadata: JSON.stringify(c) });
  return {
    ...base,
    callback_id: VIEWS.checkinOther,
    blocks: base.blocks.filter((b) => b.block_id !== LOG_MODAL.dateBlock),
  };
}

export function readCheckinContext(metadata: string): CheckinOtherContext | null {
  try {
    const c = JSON.parse(metadata) as Partial<CheckinOtherContext>;
    if (typeof c.date === 'string' && typeof c.channel === 'string' && typeof c.ts === 'string') {
      return { date: c.date, channel: c.channel, ts: c.ts };
    }
  } catch {
    // Not ours, or tampered with: refuse below.
  }
  return null;
}
