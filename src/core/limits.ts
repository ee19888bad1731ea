// Every limit Ballast enforces, in one place: the grammar, the modals, the services and the store read them here.
import type { Assignment, AssignmentState } from './model';

/** An entry is 1 minute to 12 hours; assignment estimates follow the same range. */
export const MIN_ENTRY_MINUTES = 1;
export const MAX_ENTRY_MINUTES = 12 * 60;

/** Entries may be dated today or up to this many days back, and edited or deleted as long. */
export const MAX_DAYS_BACK = 14;

/** `/ballast week <date>` looks back at most this far (about two years). */
export const MAX_HISTORY_DAYS = 2 * 366;

/** Notes of entries and briefs of assignments. */
export const MAX_NOTE_CHARS = 500;
export const MAX_BRIEF_CHARS = 500;

/**
 * One link limit for entries and assignments. An offer travels inside one button value
 * (`v1|to|estimate|due|linkLength|<link><brief>`), which Slack caps at 2000 characters: a
 * 1000-character link, a 500-character brief and the ~50-character header leave room to spare,
 * while 2000 would not fit. Social links are rarely over a few hundred characters.
 */
export const MAX_LINK_CHARS = 1000;

/** How much a duration field in a modal takes: room for `1 hour 30 minutes` and the like. */
export const MAX_DURATION_TEXT_CHARS = 40;

/** A weekly budget: a quarter hour to a full working week. */
export const MIN_BUDGET_MINUTES = 15;
export const MAX_BUDGET_MINUTES = 40 * 60;

/** Contracted weekly hours. */
export const MIN_WEEKLY_HOURS = 1;
export const MAX_WEEKLY_HOURS = 80;

/** A Slack user id as Slack sends it in mentions and payloads (`U…`, or `W…` on Enterprise Grid). */
export const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;
/** The same, for building a larger pattern (a mention, a button value) around it. */
export const SLACK_USER_ID_SOURCE = '[UW][A-Z0-9]{2,}';

/** An assignment is open while it waits for an answer or for the work: it counts against capacity. */
export const OPEN_STATES: readonly AssignmentState[] = ['offered', 'accepted'];

export function isOpen(a: Pick<Assignment, 'state'>): boolean {
  return OPEN_STATES.includes(a.state);
}

/** `('offered', 'accepted')`, for a store's `state IN …` (constants only, never user input). */
export const OPEN_STATES_SQL = `(${OPEN_STATES.map((s) => `'${s}'`).join(', ')})`;
