// Load warnings: to the person when their week first reaches a level, and to their manager on crowding.
import type { WeekModel } from '../../core/week';
import type { Level } from '../../core/types';
import { levelReason } from '../../core/levelReason';
import { context, section, type KnownBlock } from './kit';
import { LEVEL_LABEL, dayLabel, fmt } from './format';
import { budgetLine, levelAdvice, levelInputOf } from './week';
import { weeksChart, type WeekPoint } from './chart';
import type { OutgoingMessage } from '../../services/ports';

/** Each sentence once: the headline names the level, the reason says why, the advice what to do. */
const HEADLINE: Record<Exclude<Level, 'ok'>, string> = {
  near: 'Your advocacy time is nearing this week’s budget',
  over: 'You are over this week’s advocacy budget',
  crowding: 'Advocacy is crowding out your core work',
};

export function warningMessage(level: Exclude<Level, 'ok'>, week: WeekModel, history: WeekPoint[] = []): OutgoingMessage {
  const shown = { ...week, level };
  const advice = levelAdvice(shown) ?? '';
  const reason = levelReason(levelInputOf(week));
  const text = `Heads up: ${HEADLINE[level].toLowerCase()} (${fmt(week.total)} of ${fmt(week.budget.minutes)}, ${week.percent}%). ${reason}`;
  const emoji = LEVEL_LABEL[level].split(' ')[0];
  const blocks: KnownBlock[] = [
    section(`${emoji} *${HEADLINE[level]}* this week (week of ${dayLabel(week.start)}).\n${budgetLine(week)}`),
    section(`${reason}${advice ? ` ${advice}` : ''}`),
    ...weeksChart(history),
    context('You get this once per level per week. `/ballast week` shows the detail.'),
  ];
  return { text, blocks };
}

/** What a manager may see (DESIGN.md privacy): minutes against budget and the level; no notes, no strain. */
export function managerCrowdingAlert(personId: string, week: WeekModel, opts: { seesStrain?: boolean } = {}): OutgoingMessage {
  const who = `<@${personId}>`;
  const reason = levelReason(levelInputOf(week), { subject: who, seesStrain: opts.seesStrain ?? false });
  const text = `${who}'s advocacy is crowding out their core work this week (${fmt(week.total)} of ${fmt(week.budget.minutes)}, ${week.percent}%).`;
  return {
    text: `${text} ${reason}`,
    blocks: [
      section(`:rotating_light: ${text}\n${reason}`),
      context('Consider taking something off their plate, or moving advocacy work to someone with room. You get this alert once per person per week.'),
    ],
  };
}
