// Assignment rules: what a valid offer is, and which reminder is due for an assignment at an instant.
import { readDurationText } from './duration';
import { isOpen, MAX_ENTRY_MINUTES, MAX_LINK_CHARS, MIN_ENTRY_MINUTES } from './limits';
import type { Assignment } from './model';

export { MAX_BRIEF_CHARS } from './limits';

export const DEFAULT_ESTIMATE_MINUTES = 15;
export const DEFAULT_DUE_MS = 24 * 60 * 60_000;
export const MAX_DUE_MS = 30 * 24 * 60 * 60_000;
export const REMIND_BEFORE_MS = 60 * 60_000;
export const EXPIRE_AFTER_MS = 24 * 60 * 60_000;

export const DECLINE_REASONS = ['no_capacity', 'not_my_area', 'other'] as const;
/** What the assignee can pick, plus the two Ballast records itself: a pause, and a DM Slack would not deliver. */
export type DeclineReason = (typeof DECLINE_REASONS)[number] | 'paused' | 'unreachable';

/** null when fine, else what is wrong with the link in words. */
export function linkProblem(link: string): string | null {
  const url = link.trim();
  if (url === '') return 'Paste a link to the conversation.';
  if (!/^https?:\/\//i.test(url)) return `"${url.slice(0, 60)}" isn't a web link. Only http and https links work.`;
  if (url.length > MAX_LINK_CHARS) return `That link is ${url.length} characters long; links can be at most ${MAX_LINK_CHARS}.`;
  try {
    if (new URL(url).hostname === '') return "That link has no site in it. Copy the conversation's link again.";
  } catch {
    return `"${url.slice(0, 60)}" isn't a web link. Only http and https links work.`;
  }
  if (/\s/.test(url)) return 'A link has no spaces in it. Copy the conversation\'s link again.';
  return null;
}

/** null when fine; estimates are 1 minute to 12 hours like entries. */
export function estimateProblem(minutes: number): string | null {
  if (!Number.isInteger(minutes) || minutes < MIN_ENTRY_MINUTES) return 'An estimate is at least 1 minute.';
  if (minutes > MAX_ENTRY_MINUTES) return 'An estimate is at most 12 hours.';
  return null;
}

/** The assign modal's estimate field, read by the same grammar as `est …`: empty means the default 15 minutes. */
export function parseEstimateText(text: string | null | undefined): { ok: true; minutes: number } | { ok: false; error: string } {
  if ((text ?? '').trim() === '') return { ok: true, minutes: DEFAULT_ESTIMATE_MINUTES };
  const r = readDurationText(text ?? '');
  if (!r.ok) return { ok: false, error: r.message.slice(0, 150) };
  const problem = estimateProblem(r.minutes);
  return problem === null ? { ok: true, minutes: r.minutes } : { ok: false, error: problem };
}

/** null when fine; due within 30 days and in the future. */
export function dueProblem(dueMs: number, nowMs: number): string | null {
  if (dueMs <= nowMs) return 'The due time must be in the future.';
  if (dueMs - nowMs > MAX_DUE_MS) return 'Assignments are due within 30 days.';
  return null;
}

export type ReminderKind = 'remind' | 'due' | 'expire';

/**
 * What an open assignment calls for at `atMs`: the assignee's reminder in the hour before due, the
 * lead's notice from due until expiry, expiry from 24 hours after due. Exactly one at a time, so a
 * pass after a long outage expires rather than reminding about something a day late.
 */
export function reminderAt(a: Pick<Assignment, 'state' | 'dueAt'>, atMs: number): ReminderKind | null {
  if (!isOpen(a)) return null;
  if (atMs >= a.dueAt + EXPIRE_AFTER_MS) return 'expire';
  if (atMs >= a.dueAt) return 'due';
  if (atMs >= a.dueAt - REMIND_BEFORE_MS) return 'remind';
  return null;
}
