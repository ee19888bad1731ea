// Your week: the ephemeral reply to `/ballast week` and `/ballast log`, and the top of App Home.
import type { Entry } from '../../core/model';
import type { BudgetInfo, WeekModel } from '../../core/week';
import { KINDS, type Strain } from '../../core/types';
import type { LevelInput } from '../../core/budget';
import { levelReason } from '../../core/levelReason';
import { quoteText } from '../../core/slackText';
import { button, context, divider, escape, fields, header, section, type KnownBlock } from './kit';
import { ACTIONS } from '../ids';
import { KIND_LABEL, LEVEL_LABEL, LEVEL_WORDS, dayLabel, fmt } from './format';
import { weeksChart, type WeekPoint } from './chart';

/** Minutes against budget in words: no text bar (Slack draws one in code as red monospace). */
export function budgetLine(week: WeekModel): string {
  return `*${fmt(week.total)}* of ${week.finished ? "that week's" : 'your'} *${fmt(week.budget.minutes)}* weekly budget (${week.percent}%)`;
}

/** What decided the week's level, for levelReason. */
export function levelInputOf(week: WeekModel): LevelInput {
  return {
    minutes: week.total,
    budget: week.budget.minutes,
    previousWeekOver: week.previousWeekOver,
    strainBackWeeksOfLast3: week.strainBackWeeksOfLast3,
  };
}

/** The level with its reason, so no level is ever shown without its cause. */
export function levelLine(week: WeekModel): string {
  return `${LEVEL_LABEL[week.level]}: ${levelReason(levelInputOf(week))}`;
}

/** `week of Mon 23 Nov`: how a week is named to people (never an ISO week code). */
export function weekLabel(week: Pick<WeekModel, 'start'>): string {
  return `week of ${dayLabel(week.start)}`;
}

/** How a finished week's budget was set then, so the reader knows why it may differ from today's. */
function pastBudgetNote(week: WeekModel): string {
  const b = week.budget;
  const by = b.setBy === 'roster' ? ' by a roster import' : b.setBy ? ` by <@${b.setBy}>` : '';
  const how = b.source === 'explicit' ? `set${by}` : `${b.budgetPercent}% of ${b.weeklyHours} contracted hours`;
  return `As it stood when it ended: a budget of ${fmt(b.minutes)} (${how}).`;
}

export function levelAdvice(week: WeekModel): string | null {
  // Advice is for a week still running; a finished week is only shown.
  if (week.finished) return null;
  const left = week.budget.minutes - week.total;
  switch (week.level) {
    case 'near':
      return `You have ${fmt(Math.max(left, 0))} left this week; pick the conversations that matter most.`;
    case 'over':
      return 'You are over budget: park new advocacy until Monday, or talk to your manager about a bigger budget.';
    case 'crowding':
      // The level line already says "crowding out your core work"; the advice says only what to do.
      return 'Stop for this week and raise it with your manager: `/ballast privacy` shows what they see.';
    default:
      return null;
  }
}

const STRAIN_WORDS: Record<Strain, string> = {
  none: 'did not affect your core work',
  bit: 'squeezed your core work a bit',
  back: 'pushed your core work back',
};

export function weekBlocks(
  week: WeekModel,
  opts: { title?: string; openAssignments?: string[]; history?: WeekPoint[] } = {},
): KnownBlock[] {
  const past = week.finished;
  const blocks: KnownBlock[] = [
    header(opts.title ?? (past ? `Your ${weekLabel(week)}` : `Your week (${dayLabel(week.start)} – ${dayLabel(week.end)})`)),
    section(`${budgetLine(week)}\n${levelLine(week)}`),
  ];
  const advice = levelAdvice(week);
  if (advice) blocks.push(context(advice));
  if (past) blocks.push(context(pastBudgetNote(week)));
  // A message only: App Home takes no data_visualization block (it gets a PNG, slack/homeChart.ts).
  if (opts.history?.length) blocks.push(...weeksChart(opts.history));
  const bold = (date: string) => !past && date === week.today;
  const days = week.days.map((d) => `${bold(d.date) ? '*' : ''}${dayLabel(d.date)}${bold(d.date) ? '*' : ''}: ${d.minutes ? fmt(d.minutes) : '–'}`);
  blocks.push(fields([days.slice(0, 4).join('\n'), days.slice(4).join('\n')]));
  const kinds = KINDS.filter((k) => week.byKind[k] > 0).map((k) => `${KIND_LABEL[k]} ${fmt(week.byKind[k])}`);
  const nothing = past ? 'Nothing was logged that week.' : 'Nothing logged this week yet. Try `/ballast log 20m reply`.';
  blocks.push(context(kinds.length ? `By kind: ${kinds.join(' · ')}` : nothing));
  if (week.strain) blocks.push(context(`Your pulse ${past ? 'that' : 'this'} week: advocacy ${STRAIN_WORDS[week.strain]}.`));
  if (opts.openAssignments?.length) {
    blocks.push(divider(), section(`*Open assignments*\n${opts.openAssignments.slice(0, 10).join('\n')}`));
  }
  return blocks;
}

export function weekText(week: WeekModel): string {
  const what = week.finished ? `Your ${weekLabel(week)}` : 'Your week';
  return `${what}: ${fmt(week.total)} of ${fmt(week.budget.minutes)} (${week.percent}%), ${LEVEL_WORDS[week.level]}. ${levelReason(levelInputOf(week))}`;
}

export function entryLine(e: Entry): string {
  const parts = [fmt(e.minutes), KIND_LABEL[e.kind].toLowerCase()];
  if (e.network) parts.push(`on ${e.network}`);
  parts.push(`for ${dayLabel(e.date)}`);
  let line = parts.join(' ');
  // A note the person began with `>` is a quote: drawn as one, on its own lines.
  if (e.note) line += e.note.startsWith('>') ? `\n${quoteText(e.note)}` : ` – “${escape(e.note)}”`;
  return line;
}

/** The Undo on every confirmation of a log: removes exactly this entry, for its owner only. */
export const undoButton = (entry: Entry) => button('Undo', ACTIONS.entryUndo, String(entry.id));

export function loggedBlocks(entry: Entry, week: WeekModel): KnownBlock[] {
  return [
    section(`:white_check_mark: Logged ${entryLine(entry)}.${entry.link ? `\n<${entry.link}>` : ''}`, { accessory: undoButton(entry) }),
    section(`${budgetLine(week)}\n${levelLine(week)}`),
    ...(levelAdvice(week) ? [context(levelAdvice(week)!)] : []),
    context('`/ballast entries` lists your last 14 days, to edit or delete.'),
  ];
}

export function budgetBlocks(b: BudgetInfo, whose: string): KnownBlock[] {
  const how =
    b.source === 'explicit'
      ? `set${b.setBy ? ` by <@${b.setBy}>` : ''}`
      : `the default: ${b.budgetPercent}% of ${b.weeklyHours} contracted hours a week`;
  return [
    section(`${whose} weekly advocacy budget is *${fmt(b.minutes)}* (${how}).`),
    context(
      b.source === 'explicit'
        ? 'A manager or admin can change it with `/ballast budget @person <duration>`.'
        : 'Change your contracted hours with `/ballast hours <n>`; a manager or admin can set an explicit budget.',
    ),
  ];
}
