// Load warnings: to the person when their week first reaches a level, and to their manager on crowding.
import type { WeekModel } from '../../core/week';
import type { Level } from '../../core/types';
import { context, section } from './kit';
import { LEVEL_LABEL, dayLabel, fmt } from './format';
import { budgetLine, levelAdvice } from './week';
import type { OutgoingMessage } from '../../services/ports';

const HEADLINE: Record<Exclude<Level, 'ok'>, string> = {
  near: 'your advocacy time is nearing this week’s budget',
  over: 'you are over this week’s advocacy budget',
  crowding: 'advocacy is crowding out your core work',
};

export function warningMessage(level: Exclude<Level, 'ok'>, week: WeekModel): OutgoingMessage {
  const advice = levelAdvice({ ...week, level }) ?? '';
  const why = level === 'crowding' && week.percent < 150
    ? (week.total >= week.budget.minutes
        ? 'You were over budget last week too.'
        : 'Your pulse said advocacy pushed your core work back in two of the last three weeks.')
    : '';
  const text = `Heads up: ${HEADLINE[level]} (${fmt(week.total)} of ${fmt(week.budget.minutes)}, ${week.percent}%).`;
  return {
    text,
    blocks: [
      section(`${LEVEL_LABEL[level]}: *${HEADLINE[level]}* (week of ${dayLabel(week.start)}).\n${budgetLine(week)}`),
      section(`${why ? `${why} ` : ''}${advice}`),
      context('You get this once per level per week. `/ballast week` shows the detail.'),
    ],
  };
}

/** What a manager may see (DESIGN.md privacy): minutes against budget and the level; no notes, no strain. */
export function managerCrowdingAlert(personId: string, week: WeekModel): OutgoingMessage {
  const text = `<@${personId}>'s advocacy is crowding out their core work this week (${fmt(week.total)} of ${fmt(week.budget.minutes)}, ${week.percent}%).`;
  return {
    text,
    blocks: [
      section(`:rotating_light: ${text}`),
      context('Consider taking something off their plate, or moving advocacy work to someone with room. You get this alert once per person per week.'),
    ],
  };
}
