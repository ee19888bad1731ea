// A manager's team as controls: one row per direct report (level, its reason, and an overflow to
// adjust their budget or write to them), paged on App Home and whole in the digest's team view; the
// two modals those open; and the note as the report receives it.
import type { InputBlock, KnownBlock, ModalView, Overflow, SectionBlock } from '@slack/types';
import type { DigestModel, DigestRow } from '../../core/digest';
import type { Level } from '../../core/types';
import type { BudgetInfo } from '../../core/week';
import { levelReason } from '../../core/levelReason';
import { MAX_DURATION_TEXT_CHARS } from '../../core/limits';
import type { OutgoingMessage } from '../../services/ports';
import { MAX_MANAGER_NOTE_CHARS } from '../../services/reportActions';
import { ACTIONS, BLOCKS, SETTINGS_MODAL as S, VIEWS } from '../ids';
import { actions, button, clip, context, escape, header, mrkdwn, option, plain, section } from './kit';
import { LEVEL } from './digest';
import { dayLabel, fmt } from './format';
import { durationText } from './logModal';

/** Reports per App Home page: with the week, entries, assignments, settings, board and totals, a page stays under Slack's 100 blocks. */
export const TEAM_PAGE = 15;
/** Rows in the team view modal (a modal holds 100 blocks). */
const TEAM_VIEW_ROWS = 90;

const SEVERITY: Record<Level, number> = { crowding: 0, over: 1, near: 2, ok: 3 };

/** Who needs attention first: the worst level, then the highest use of budget. */
export function rowsByAttention(rows: readonly DigestRow[]): DigestRow[] {
  return [...rows].sort((a, b) => SEVERITY[a.level] - SEVERITY[b.level] || b.percent - a.percent || a.name.localeCompare(b.name));
}

function reportMenu(id: string): Overflow {
  return {
    type: 'overflow', action_id: ACTIONS.reportMenu,
    options: [option('Adjust budget', `budget:${id}`), option('Send a note', `note:${id}`)],
  };
}

/** One report as their manager may see them: level, minutes against budget, and why (strain only if they share it). */
export function reportRow(r: DigestRow): SectionBlock {
  const who = `<@${r.id}>`;
  const reason = levelReason(r.levelInput, { subject: who, seesStrain: r.strain !== undefined });
  const text = `*${who}* ${LEVEL[r.level]} · ${fmt(r.minutes)} of ${fmt(r.budget)} (${r.percent}%) · assignments ${r.assignmentsDone} done, ${r.assignmentsOpen} open\n${reason}`;
  return { type: 'section', text: mrkdwn(clip(text, 3000)), accessory: reportMenu(r.id) };
}

function teamLine(m: DigestModel): string {
  const t = m.team;
  return `${t.people} ${t.people === 1 ? 'person' : 'people'}, ${fmt(t.minutes)} of ${fmt(t.budget)} budgeted (${t.percent}%) in the week of ${dayLabel(m.start)}.`;
}

/** App Home's team section: a page of reports, worst first, with the way to the next page. */
export function teamSectionBlocks(m: DigestModel, start: number, pageSize = TEAM_PAGE): KnownBlock[] {
  const rows = rowsByAttention(m.rows);
  const first = Math.max(0, Math.min(start, Math.max(0, rows.length - 1)));
  const page = rows.slice(first, first + pageSize);
  const blocks: KnownBlock[] = [
    header('Your team, last full week'),
    section(teamLine(m), { blockId: BLOCKS.homeTeam }),
    ...page.map(reportRow),
  ];
  if (rows.length > pageSize) {
    const buttons = [];
    if (first > 0) buttons.push(button('← Previous reports', ACTIONS.homeTeamPage, String(Math.max(0, first - pageSize))));
    if (first + pageSize < rows.length) buttons.push(button('Next reports →', ACTIONS.homeTeamPage, String(first + pageSize)));
    blocks.push(actions(buttons, BLOCKS.homeTeamPages));
    blocks.push(context(`Reports ${first + 1}–${first + page.length} of ${rows.length}, who needs attention first. \`/ballast team\` shows the whole digest.`));
  }
  blocks.push(context('You see minutes, levels, trends, kind mix and assignment counts of your direct reports; strain answers only from those who share them. Never notes or links.'));
  return blocks;
}

/** The digest's "Team view": every report (up to 90) with their actions, in a modal. */
export function teamViewModal(m: DigestModel): ModalView {
  const rows = rowsByAttention(m.rows);
  const blocks: KnownBlock[] = [section(teamLine(m)), ...rows.slice(0, TEAM_VIEW_ROWS).map(reportRow)];
  if (rows.length > TEAM_VIEW_ROWS) blocks.push(context(`…and ${rows.length - TEAM_VIEW_ROWS} more: App Home pages through everyone.`));
  blocks.push(context('Each row\'s ⋯ menu adjusts that person\'s budget or sends them a note from you.'));
  return { type: 'modal', title: plain('Your team'), close: plain('Close'), blocks };
}

/** Set an explicit budget for one report; the report's id rides in private_metadata. */
export function reportBudgetModal(reportId: string, current: BudgetInfo): ModalView {
  const how = current.source === 'explicit' ? 'set explicitly' : `the default, ${current.budgetPercent}% of ${current.weeklyHours} contracted hours`;
  const blocks: (InputBlock | KnownBlock)[] = [
    section(`<@${reportId}>'s weekly advocacy budget is *${fmt(current.minutes)}* (${how}).`),
    {
      type: 'input', block_id: S.budgetBlock, label: plain('New weekly budget'),
      hint: plain('15m to 40h, e.g. 3h or 1h30m. It holds from this week; weeks that have ended keep theirs.'),
      element: { type: 'plain_text_input', action_id: S.budgetAction, max_length: MAX_DURATION_TEXT_CHARS, initial_value: durationText(current.minutes) },
    },
    context('They get a DM saying you set it, and to what.'),
  ];
  return {
    type: 'modal', callback_id: VIEWS.reportBudget, private_metadata: reportId,
    title: plain('Adjust budget'), submit: plain('Set budget'), close: plain('Cancel'), blocks,
  };
}

/** A note from the manager to one report; the report's id rides in private_metadata. */
export function reportNoteModal(reportId: string): ModalView {
  const blocks: (InputBlock | KnownBlock)[] = [
    section(`Ballast sends this to <@${reportId}> as a DM that says it comes from you.`),
    {
      type: 'input', block_id: S.noteBlock, label: plain('Your note'),
      element: {
        type: 'plain_text_input', action_id: S.noteAction, multiline: true, max_length: MAX_MANAGER_NOTE_CHARS,
        placeholder: plain('Saw your week was heavy. Shall we drop something? Happy to talk.'),
      },
    },
  ];
  return {
    type: 'modal', callback_id: VIEWS.reportNote, private_metadata: reportId,
    title: plain('Send a note'), submit: plain('Send'), close: plain('Cancel'), blocks,
  };
}

/** What the report receives: who wrote it, their words as a quote, and that replies do not go through Ballast. */
export function managerNoteMessage(managerId: string, note: string): OutgoingMessage {
  const quoted = escape(note.trim()).split('\n').map((l) => `>${l}`).join('\n');
  return {
    text: `A note from your manager <@${managerId}>, sent through Ballast: ${clip(note.trim(), 200)}`,
    blocks: [
      section(`:envelope_with_arrow: *A note from your manager <@${managerId}>*, sent through Ballast:`),
      section(clip(quoted, 3000)),
      context(`Ballast does not pass replies on: write to <@${managerId}> directly.`),
    ],
  };
}
