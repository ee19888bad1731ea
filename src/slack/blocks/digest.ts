// The manager digest (DM, `/ballast team`, App Home) and the admin's cost report, as Block Kit.
import type { DigestModel, DigestRow, Flag } from '../../core/digest';
import type { OrgReport } from '../../core/orgReport';
import type { Recommendation } from '../../core/cost';
import { FULL_TIME_HOURS } from '../../core/cost';
import type { Level, Strain } from '../../core/types';
import { levelReason } from '../../core/levelReason';
import { addDays } from '../../core/time';
import { actions, button, context, divider, escape, header, section, type KnownBlock } from './kit';
import { ACTIONS, BLOCKS } from '../ids';
import { RELATIONSHIP_WORK, dayLabel, fmt, mondayOfKey, shortDayLabel, weekOfKey } from './format';
import { teamChart } from './chart';
import type { Reply } from './replies';

const STRAIN_LABEL: Record<Strain | 'unanswered', string> = {
  none: 'core work not affected',
  bit: 'core work squeezed a bit',
  back: 'core work pushed back',
  unanswered: 'no strain answer this week',
};

const FLAG_LABEL: Record<Flag, string> = {
  crowding: ':rotating_light: Crowding out core work',
  'over-two-weeks': ':red_circle: Over budget two weeks running',
  silent: ':zzz: Nothing logged for 14 days',
};

/** Levels as a manager reads them: about the report's core work, not "yours". */
export const LEVEL: Record<Level, string> = {
  ok: ':large_green_circle: within budget',
  near: ':large_yellow_circle: nearing budget',
  over: ':red_circle: over budget',
  crowding: ':rotating_light: crowding out their core work',
};

const pct = (share: number) => `${Math.round(share * 100)}%`;

/** The trend in words: the earlier weeks' minutes, oldest first ("–" for nothing logged). */
function trendWords(r: DigestRow, start: string): string {
  const n = r.trend.length;
  return r.trend.slice(0, -1).map((m, i) => `${shortDayLabel(addDays(start, -7 * (n - 1 - i)))} ${m ? fmt(m) : '–'}`).join(', ');
}

function rowText(r: DigestRow, start: string): string {
  const who = `<@${r.id}>`;
  const parts = [
    `*${who}* ${LEVEL[r.level]}: ${levelReason(r.levelInput, { subject: who, seesStrain: r.shareStrain })}`,
    `${fmt(r.minutes)} of ${fmt(r.budget)} (${r.percent}%) · relationship work ${r.minutes > 0 ? pct(r.relationshipShare) : '—'}` +
      ` · assignments ${r.assignmentsDone} done, ${r.assignmentsOpen} open` +
      (r.strain ? ` · ${STRAIN_LABEL[r.strain]}` : ''),
  ];
  if (r.trend.length > 1) parts.push(`Weeks before: ${trendWords(r, start)}`);
  return parts.join('\n');
}

/** Rows packed into sections under Slack's 3,000-character limit, so big teams stay within 50 blocks. */
function packed(texts: string[], max = 2800, separator = '\n\n'): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  let current = '';
  for (const t of texts) {
    if (current && current.length + t.length + separator.length > max) {
      blocks.push(section(current));
      current = '';
    }
    current = current ? `${current}${separator}${t}` : t;
  }
  if (current) blocks.push(section(current));
  return blocks;
}

export function recommendationText(r: Recommendation, who: string): string {
  return (
    `:bulb: *${who} advocacy has stayed at or above half a full-time job for four weeks.* ` +
    `A dedicated paid role would take this work off people's day jobs instead of spreading it thin.\n` +
    `${r.arithmetic} (1 FTE, one full-time equivalent, = ${FULL_TIME_HOURS}h a week.)`
  );
}

/** FTE said in words where it first appears: what share of one full-time job the hours make. */
export function fteWords(fte: number): string {
  return `*${fte.toFixed(2)} FTE* (full-time equivalent: the hours as a share of one ${FULL_TIME_HOURS}-hour working week)`;
}

export function digestBlocks(m: DigestModel, opts: { title?: string; chart?: boolean } = {}): KnownBlock[] {
  const blocks: KnownBlock[] = [
    header(opts.title ?? `Your team's advocacy, week of ${dayLabel(m.start)}`),
    section(
      `*Team:* ${m.team.people} ${m.team.people === 1 ? 'person' : 'people'}, ${fmt(m.team.minutes)} of ${fmt(m.team.budget)} ` +
        `budgeted (${m.team.percent}%) = ${fteWords(m.team.fte)}` +
        ` · ${RELATIONSHIP_WORK} ${m.team.minutes > 0 ? pct(m.team.relationshipShare) : '—'} of the time`,
    ),
    context(`${dayLabel(m.start)} to ${dayLabel(m.end)}. Notes and links stay private to each person.`),
  ];
  // The chart goes to messages only (App Home takes no data_visualization block), above the rows.
  if (opts.chart) {
    const n = m.teamWeeks.length;
    blocks.push(...teamChart(
      m.rows.map((r) => ({ name: r.name, minutes: r.minutes, budget: r.budget })),
      m.teamWeeks.map((w, i) => ({ start: addDays(m.start, -7 * (n - 1 - i)), minutes: w.minutes, budget: w.budget })),
    ));
  }
  blocks.push(divider(), ...packed(m.rows.map((r) => rowText(r, m.start))));
  const flagLines = (Object.keys(FLAG_LABEL) as Flag[])
    .map((f) => [f, m.rows.filter((r) => r.flags.includes(f))] as const)
    .filter(([, rows]) => rows.length > 0)
    .map(([f, rows]) => `${FLAG_LABEL[f]}: ${rows.map((r) => `<@${r.id}>`).join(', ')}`);
  if (flagLines.length) blocks.push(divider(), section(`*Flags*\n${flagLines.join('\n')}`));
  if (m.strainSummary) {
    const s = m.strainSummary;
    blocks.push(
      section(
        `*Strain, as a team figure* (${s.answered} answers): ${s.none} not affected, ${s.bit} squeezed a bit, ${s.back} pushed back.`,
      ),
    );
  } else {
    blocks.push(context(`Strain answers are shown by name only for people who chose to share them; the rest appear as a team figure once at least ${m.minGroupSize} answer.`));
  }
  if (m.recommendation) blocks.push(divider(), section(recommendationText(m.recommendation, "Your team's")));
  return blocks.slice(0, 50);
}

export function digestText(m: DigestModel): string {
  const flagged = m.rows.filter((r) => r.flags.length > 0).length;
  return `Team advocacy for the week of ${dayLabel(m.start)}: ${fmt(m.team.minutes)} of ${fmt(m.team.budget)} (${m.team.fte.toFixed(2)} FTE) across ` +
    `${m.team.people} ${m.team.people === 1 ? 'person' : 'people'}${flagged ? `, ${flagged} flagged` : ''}.`;
}

/**
 * The digest's next steps as buttons: the team view (every report with their actions), and for each
 * report crowding out or over budget two weeks running (at most four), their budget and a note.
 */
export function digestNextSteps(m: DigestModel): KnownBlock {
  const buttons = [button('Team view', ACTIONS.openTeamView, 'digest', 'primary')];
  const flagged = m.rows.filter((r) => r.flags.includes('crowding') || r.flags.includes('over-two-weeks')).slice(0, 4);
  // Action ids are unique within a block: each report's pair carries its place (the listener matches the prefix).
  flagged.forEach((r, i) => {
    buttons.push(button(`Adjust ${r.name}'s budget`, `${ACTIONS.reportBudget}_${i}`, r.id), button(`Message ${r.name}`, `${ACTIONS.reportNote}_${i}`, r.id));
  });
  return actions(buttons, BLOCKS.digestNextSteps);
}

export function digestMessage(m: DigestModel): Reply {
  return { text: digestText(m), blocks: [...digestBlocks(m, { chart: true }).slice(0, 49), digestNextSteps(m)] };
}

function money(amount: number, currency: string): string {
  return `${amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${escape(currency)}`;
}

export function orgReportBlocks(r: OrgReport, opts: { title?: string; maxTeams?: number } = {}): KnownBlock[] {
  const costLine = r.money !== null && r.hourlyCost !== null
    ? ` = *${money(r.money, r.currency)}* at ${money(r.hourlyCost, r.currency)} an hour`
    : ' (set `hourly_cost` to see money)';
  const blocks: KnownBlock[] = [
    header(opts.title ?? 'Advocacy cost, last four weeks'),
    section(
      `*${r.hours}h* across ${r.people} people from the ${weekOfKey(r.weekKeys[0])} to the ${weekOfKey(r.weekKeys[r.weekKeys.length - 1])}${costLine}.\n` +
        `That is ${fteWords(r.fte)} on average. ` +
        `Weekly: ${r.weeks.map((w) => `${mondayOfKey(w.weekKey)} ${w.fte.toFixed(2)}`).join(', ')} FTE.`,
    ),
  ];
  const maxTeams = opts.maxTeams ?? 30;
  const teamLines = r.teams.slice(0, maxTeams).map((t) =>
    `${t.managerId ? `<@${t.managerId}>'s team` : 'No manager set'}: ${t.people} ${t.people === 1 ? 'person' : 'people'}, ${t.hours}h, ${t.fte.toFixed(2)} FTE` +
      (t.money !== null ? `, ${money(t.money, r.currency)}` : '') + (t.recommended ? ' :bulb:' : ''));
  if (r.teams.length > maxTeams) teamLines.push(`…and ${r.teams.length - maxTeams} more teams`);
  blocks.push(divider(), ...packed(['*By team*', ...teamLines], 2800, '\n').slice(0, 10));
  const over = r.overBudget.slice(0, 40).map((p) => `<@${p.id}> ${fmt(p.minutes)} of ${fmt(p.budget)}`);
  blocks.push(
    section(
      r.overBudget.length
        ? `*At or over budget in the ${weekOfKey(r.weekKeys[r.weekKeys.length - 1])}* (${r.overBudget.length}): ${over.join(', ')}${r.overBudget.length > 40 ? ', …' : ''}`
        : `*Nobody was over budget in the ${weekOfKey(r.weekKeys[r.weekKeys.length - 1])}.*`,
    ),
  );
  if (r.recommendation) blocks.push(divider(), section(recommendationText(r.recommendation, "The organisation's")));
  else blocks.push(context('No dedicated role suggested: the programme has not stayed at or above 0.5 FTE for four weeks running.'));
  blocks.push(context('Totals only: admins never see notes, links or individual entries.'));
  return blocks;
}

export function orgReportText(r: OrgReport): string {
  return `Advocacy in the last four weeks: ${r.hours}h, ${r.fte.toFixed(2)} FTE` +
    (r.money !== null ? `, ${money(r.money, r.currency)}` : '') + `; ${r.overBudget.length} over budget last week.`;
}
