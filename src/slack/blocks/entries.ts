// Your entries of the last 14 days with Edit and Delete (`/ballast entries`, App Home), the edit modal,
// and what a log, an edit, a delete or an undo says back.
import type { ConfirmationDialog, ModalView } from '@slack/types';
import type { Entry } from '../../core/model';
import type { IsoDate } from '../../core/types';
import type { WeekModel } from '../../core/week';
import type { OutgoingMessage } from '../../services/ports';
import { ACTIONS, BLOCKS, VIEWS, entryBlockId } from '../ids';
import { actions, button, clip, context, header, plain, section, type KnownBlock } from './kit';
import { KIND_LABEL, LEVEL_LABEL, dayLabel, fmt } from './format';
import { logModal } from './logModal';
import type { Reply } from './replies';
import { budgetLine, entryLine, levelAdvice, undoButton } from './week';

/** A message holds at most 50 blocks: two per entry, and a few around them. */
export const MAX_LISTED = 20;
/** App Home shows the newest few; `/ballast entries` has the rest. */
export const HOME_ENTRIES = 5;

/** An entry in a few plain words (no note): for confirm dialogs and plain-text fallbacks. */
export function entrySummary(e: Entry): string {
  return `${fmt(e.minutes)} ${KIND_LABEL[e.kind].toLowerCase()}${e.network ? ` on ${e.network}` : ''} for ${dayLabel(e.date)}`;
}

function deleteConfirm(e: Entry): ConfirmationDialog {
  return {
    title: plain('Delete this entry?'),
    text: plain(clip(`${entrySummary(e)} will be removed from your week. This cannot be undone.`, 300)),
    confirm: plain('Delete'),
    deny: plain('Keep it'),
    style: 'danger',
  };
}

/** One entry: its line, then Edit and Delete (with a confirm dialog). */
export function entryBlocks(e: Entry): KnownBlock[] {
  const del = button('Delete', ACTIONS.entryDelete, String(e.id), 'danger');
  del.confirm = deleteConfirm(e);
  return [
    section(`${entryLine(e)}${e.link ? `\n<${e.link}>` : ''}`, { blockId: entryBlockId(e.id, 'line') }),
    actions([button('Edit', ACTIONS.entryEdit, String(e.id)), del], entryBlockId(e.id, 'buttons')),
  ];
}

/** Where a page of the list starts (from a button value, so anything): a multiple of MAX_LISTED inside the list. */
export function pageStart(requested: number, total: number): number {
  const n = Number.isSafeInteger(requested) && requested > 0 ? requested : 0;
  const last = Math.max(0, Math.floor((total - 1) / MAX_LISTED) * MAX_LISTED);
  return Math.min(Math.floor(n / MAX_LISTED) * MAX_LISTED, last);
}

/**
 * The reply to `/ballast entries` (and what it turns into after a delete, with `notice` on top): one
 * page of MAX_LISTED, newest first, with Older / Newer to the rest.
 */
export function entriesReply(entries: Entry[], opts: { notice?: string; start?: number } = {}): Reply {
  const blocks: KnownBlock[] = [header('Your entries, last 14 days')];
  if (opts.notice) blocks.push(section(opts.notice));
  if (entries.length === 0) {
    blocks.push(section('Nothing logged in the last 14 days. Try `/ballast log 20m reply`.'));
  } else {
    const start = pageStart(opts.start ?? 0, entries.length);
    const page = entries.slice(start, start + MAX_LISTED);
    for (const e of page) blocks.push(...entryBlocks(e));
    const end = start + page.length;
    const paging = [];
    if (start > 0) paging.push(button('← Newer', ACTIONS.entriesNewer, String(start - MAX_LISTED)));
    if (end < entries.length) paging.push(button('Older →', ACTIONS.entriesOlder, String(end)));
    blocks.push(context(paging.length
      ? `${start + 1}–${end} of ${entries.length}. Only you see these.`
      : 'Only you see these. Entries older than 14 days are kept as history and can no longer be changed.'));
    if (paging.length) blocks.push(actions(paging, BLOCKS.entriesPages));
  }
  const count = `${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}`;
  return { text: `${opts.notice ? `${opts.notice} ` : ''}Your entries of the last 14 days: ${count}.`, blocks };
}

/** App Home's recent entries: the newest few with their buttons, and the way to the rest. */
export function homeEntryBlocks(entries: Entry[], max = HOME_ENTRIES): KnownBlock[] {
  const blocks: KnownBlock[] = [section('*Your recent entries*', { blockId: BLOCKS.homeEntriesHeader })];
  if (entries.length === 0) {
    blocks.push(context('Nothing logged in the last 14 days.'));
    return blocks;
  }
  for (const e of entries.slice(0, max)) blocks.push(...entryBlocks(e));
  const rest = entries.length - max;
  blocks.push(context(rest > 0
    ? `${rest} more in the last 14 days: \`/ballast entries\` lists them all.`
    : '`/ballast entries` lists your last 14 days.'));
  return blocks;
}

/** The log modal, prefilled with the entry; its id rides in private_metadata (checked again on submit). */
export function editEntryModal(e: Entry, today: IsoDate): ModalView {
  return logModal({
    today, prefill: e, callbackId: VIEWS.editEntry, title: 'Edit entry', submit: 'Save', metadata: String(e.id),
  });
}

/** The entry id an edit modal carries; null when it is not one (tampered with, or not ours). */
export function readEditMetadata(metadata: string): number | null {
  return /^[1-9][0-9]{0,15}$/.test(metadata) ? Number(metadata) : null;
}

/** What the edit modal turns into once saved. */
export function editedView(entry: Entry, week: WeekModel): ModalView {
  const advice = levelAdvice(week);
  return {
    type: 'modal',
    title: plain('Entry updated'),
    close: plain('Done'),
    blocks: [
      section(`:pencil2: Saved: ${entryLine(entry)}.${entry.link ? `\n<${entry.link}>` : ''}`),
      section(`Week of ${dayLabel(week.start)}: ${budgetLine(week)}\n${LEVEL_LABEL[week.level]}`),
      ...(advice ? [context(advice)] : []),
    ],
  };
}

/** The DM confirming a log-modal submission, with Undo. */
export function loggedMessage(entry: Entry, week: WeekModel): OutgoingMessage {
  const advice = levelAdvice(week);
  return {
    text: `Logged ${entrySummary(entry)}. Your week: ${fmt(week.total)} of ${fmt(week.budget.minutes)}.`,
    blocks: [
      section(`:white_check_mark: Logged ${entryLine(entry)}.${entry.link ? `\n<${entry.link}>` : ''}`, { accessory: undoButton(entry) }),
      section(budgetLine(week)),
      ...(advice ? [context(advice)] : []),
    ],
  };
}

/** What a confirmation turns into after its Undo. */
export function undoneReply(entry: Entry, week: WeekModel): Reply {
  const text = `:leftwards_arrow_with_hook: Removed ${entryLine(entry)}.`;
  return {
    text: `Removed ${entrySummary(entry)}. Your week is now ${fmt(week.total)} of ${fmt(week.budget.minutes)}.`,
    blocks: [section(text), context(`The week of ${dayLabel(week.start)} is now ${fmt(week.total)} of ${fmt(week.budget.minutes)}.`)],
  };
}
