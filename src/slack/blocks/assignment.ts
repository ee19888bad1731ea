// Assignments on every surface: the assignee's DM, the lead's thread, suggestions, lists, board and modals.
import type { ModalView, InputBlock, KnownBlock as Block } from '@slack/types';
import type { Assignment, AssignmentState } from '../../core/model';
import type { CapacityBand } from '../../core/budget';
import type { DeclineReason } from '../../core/assignment';
import { isOpen, MAX_BRIEF_CHARS, MAX_DURATION_TEXT_CHARS, SLACK_USER_ID, SLACK_USER_ID_SOURCE } from '../../core/limits';
import { ACTIONS, ASSIGN_MODAL as F, VIEWS } from '../ids';
import { actions, button, clip, context, escape, fields, header, plain, section, type KnownBlock } from './kit';
import { fmt, instantFor, instantLabel, zoneName } from './format';
import { quoteText, quoteMrkdwn } from '../../core/slackText';

/**
 * Where a time is read: the reader's zone, and the other person's when it may differ (the lead for
 * an assignee, the assignee for a lead), so "due tomorrow" means the same to both.
 */
export type Zones = string | { reader: string; other?: string; otherLabel?: string };

/** A due time in the reader's zone, the other's named when their clock differs. */
export function dueText(ms: number, zones: Zones): string {
  return typeof zones === 'string' ? instantLabel(ms, zones) : instantFor(ms, zones.reader, zones.other, zones.otherLabel);
}

/** The lead reads the due time with the assignee's own clock named ("17:00 for <@U1> in Berlin"). */
export function leadZones(a: Pick<Assignment, 'assigneeId'>, leadZone: string, assigneeZone?: string): Zones {
  return { reader: leadZone, other: assigneeZone, otherLabel: assigneeZone ? `for <@${a.assigneeId}> in ${zoneName(assigneeZone)}` : undefined };
}
import type { Reply } from './replies';

export const STATE_LABEL: Record<AssignmentState, string> = {
  offered: ':envelope_with_arrow: offered',
  accepted: ':raised_hand: accepted',
  declined: ':no_entry_sign: declined',
  done: ':white_check_mark: done',
  expired: ':hourglass: expired',
};

export const BAND_LABEL: Record<CapacityBand, string> = {
  plenty: ':large_green_circle: plenty of room',
  some: ':large_yellow_circle: some room',
  none: ':red_circle: no room',
};

/** In place of the band, for someone DESIGN.md's capacity rule holds back; leads never see why. */
export const LIGHTER_WEEK_LABEL = ':large_orange_circle: needs a lighter week';

/** What a lead reads about someone's room: a band, or that they need a lighter week. */
export function roomLabel(s: { band: CapacityBand; lighterWeek?: boolean }): string {
  return s.lighterWeek ? LIGHTER_WEEK_LABEL : BAND_LABEL[s.band];
}

export const REASON_LABEL: Record<DeclineReason, string> = {
  no_capacity: 'no capacity',
  not_my_area: 'not my area',
  other: 'other reasons',
  paused: 'they paused Ballast',
  unreachable: 'Slack would not deliver the offer to them',
};

/** `<url>`: Slack shows it as a link; `>` cannot occur in a validated URL, `|` would end it, so escape. */
export function linkText(link: string): string {
  return `<${link.replace(/\|/g, '%7C')}>`;
}

// ── Offer drafts carried in a button value ─────────────────────────────────────────────────────

export interface OfferValue {
  to: string;
  estimate: number;
  dueMs: number;
  link: string;
  brief: string | null;
}

/**
 * `v1|to|estimate|due|linkLength|<link><brief>`: no escaping, so a link and a brief within
 * core/limits.ts (1000 and 500 characters) always fit in Slack's 2000-character button value.
 */
export function encodeOffer(o: OfferValue): string {
  return ['v1', o.to, o.estimate, o.dueMs, o.link.length, `${o.link}${o.brief ?? ''}`].join('|');
}

export function decodeOffer(value: string): OfferValue | null {
  const parts = value.split('|');
  if (parts.length < 6 || parts[0] !== 'v1') return null;
  const [, to, est, due, len] = parts;
  const rest = parts.slice(5).join('|');
  const n = Number(len);
  if (!SLACK_USER_ID.test(to) || !Number.isInteger(n) || n < 1 || n > rest.length) return null;
  const estimate = Number(est);
  const dueMs = Number(due);
  if (!Number.isInteger(estimate) || !Number.isInteger(dueMs)) return null;
  const brief = rest.slice(n);
  return { to, estimate, dueMs, link: rest.slice(0, n), brief: brief === '' ? null : brief };
}

export function encodeReassign(assignmentId: number, to: string): string {
  return `${assignmentId}|${to}`;
}

const REASSIGN_VALUE = new RegExp(`^(\\d+)\\|(${SLACK_USER_ID_SOURCE})$`);

export function decodeReassign(value: string): { assignmentId: number; to: string } | null {
  const m = REASSIGN_VALUE.exec(value);
  return m ? { assignmentId: Number(m[1]), to: m[2] } : null;
}

// ── The assignee's DM ─────────────────────────────────────────────────────────────────────────

export interface AssigneeView {
  /** The assignee's zone (and the lead's), for the due time. */
  zone: Zones;
  /** Taking it on would take them past their weekly budget. */
  overBudget?: boolean;
  /** Show the "why are you declining?" buttons instead of the usual ones. */
  askingWhy?: boolean;
  /** Their own room this week (open estimates, this one included, counted): only they see it. */
  room?: { capacity: number; budget: number };
}

/** The advocate's own room this week, in minutes: theirs to see, never the lead's. */
export function roomLine(room: { capacity: number; budget: number }): string {
  if (room.capacity < 0) return `:bar_chart: Your room this week: none; with this one you are ${fmt(-room.capacity)} past your ${fmt(room.budget)} budget. Only you see this.`;
  if (room.capacity === 0) return `:bar_chart: Your room this week: this one fills your ${fmt(room.budget)} budget exactly. Only you see this.`;
  return `:bar_chart: Your room this week: ${fmt(room.capacity)} of your ${fmt(room.budget)} budget left, with this one counted. Only you see this.`;
}

function summaryBlocks(a: Assignment, zone: Zones): KnownBlock[] {
  const blocks: KnownBlock[] = [
    section(`<@${a.leadId}> asked you to take this conversation:\n${linkText(a.link)}`),
  ];
  if (a.brief) blocks.push(section(quoteText(a.brief)));
  blocks.push(fields([`*Estimate*\n${fmt(a.estimateMinutes)}`, `*Due*\n${dueText(a.dueAt, zone)}`, `*State*\n${STATE_LABEL[a.state]}`]));
  return blocks;
}

export function assigneeMessage(a: Assignment, v: AssigneeView): Reply {
  const blocks = summaryBlocks(a, v.zone);
  const id = String(a.id);
  const open = isOpen(a);
  if (open && v.room) blocks.push(context(roomLine(v.room)));
  if (open && v.overBudget) {
    blocks.push(context(':warning: Taking this on would put you past your weekly advocacy budget. Decline with "No capacity" if your core work needs the time.'));
  }
  if (open && v.askingWhy) {
    blocks.push(
      section('Why are you declining? Your lead sees the reason and can offer it to someone else.'),
      actions([
        button('No capacity', ACTIONS.assignDeclineNoCapacity, id),
        button('Not my area', ACTIONS.assignDeclineNotMyArea, id),
        button('Other', ACTIONS.assignDeclineOther, id),
        button('Back', ACTIONS.assignDeclineBack, id),
      ], `assign_why_${id}`),
    );
  } else if (a.state === 'offered') {
    blocks.push(actions([
      button('Accept', ACTIONS.assignAccept, id, 'primary'),
      button('Decline', ACTIONS.assignDecline, id),
      button('Done', ACTIONS.assignDone, id),
    ], `assign_${id}`));
  } else if (a.state === 'accepted') {
    blocks.push(actions([
      button('Done', ACTIONS.assignDone, id, 'primary'),
      button('Decline', ACTIONS.assignDecline, id),
    ], `assign_${id}`));
  } else if (a.state === 'done') {
    blocks.push(context(`Done. ${fmt(a.doneMinutes ?? a.estimateMinutes)} logged as replying; only you see the minutes.`));
  } else if (a.state === 'declined') {
    blocks.push(context(`Declined (${REASON_LABEL[(a.declineReason ?? 'other') as DeclineReason] ?? 'other reasons'}). Your lead has been told.`));
  } else {
    blocks.push(context('This one expired a day after it was due. If you did it anyway, log the time with `/ballast log`.'));
  }
  const text = `${a.state === 'offered' ? 'New conversation for you' : `Assignment ${a.state}`}: ${a.link}`;
  return { text, blocks };
}

export function acceptWarning(a: Assignment): Reply {
  const text = 'Accepting this would take you past your weekly advocacy budget.';
  return {
    text,
    blocks: [
      section(`:warning: ${text} Your lead has been told you were asked. Accept anyway, or decline with "No capacity".`),
      actions([
        button('Accept anyway', ACTIONS.assignAcceptAnyway, String(a.id), 'danger'),
        button('Decline', ACTIONS.assignDecline, String(a.id)),
      ], `assign_anyway_${a.id}`),
    ],
  };
}

export function reminderMessage(a: Assignment, zone: Zones): Reply {
  const text = `Reminder: the conversation <@${a.leadId}> gave you is due at ${dueText(a.dueAt, zone)}.`;
  return {
    text,
    blocks: [
      section(`:alarm_clock: ${text}\n${linkText(a.link)}`),
      context('Use the buttons on the original message to mark it done or decline it.'),
    ],
  };
}

// ── The lead's thread ─────────────────────────────────────────────────────────────────────────

export function leadParent(a: Assignment, zone: Zones): Reply {
  const text = `You offered a conversation to <@${a.assigneeId}>: ${a.state}.`;
  const blocks: KnownBlock[] = [
    section(`You offered a conversation to <@${a.assigneeId}>:\n${linkText(a.link)}${a.brief ? `\n${quoteText(clip(a.brief, 300))}` : ''}`),
    context(`${STATE_LABEL[a.state]} · due ${dueText(a.dueAt, zone)} · estimate ${fmt(a.estimateMinutes)} · updates arrive in this thread`),
  ];
  return { text, blocks };
}

/** Whom a lead is offered after a decline or an expiry. */
export interface NextBest {
  id: string;
  band: CapacityBand;
  lighterWeek?: boolean;
}

export type LeadEvent =
  | { kind: 'offered-over-budget' }
  | { kind: 'accept-warned' }
  | { kind: 'accepted'; overBudget: boolean }
  | { kind: 'declined'; reason: DeclineReason; next: NextBest | null }
  | { kind: 'done' }
  | { kind: 'due' }
  | { kind: 'expired'; next: NextBest | null };

function reassignBlocks(a: Assignment, next: NextBest | null): KnownBlock[] {
  if (!next) return [context('No one else has room right now. `/ballast assign <link>` shows who does later.')];
  return [
    section(`Next best: <@${next.id}> (${roomLabel(next)}).`, {
      accessory: button(`Offer to next best`, ACTIONS.assignReassign, encodeReassign(a.id, next.id), 'primary'),
    }),
  ];
}

export function leadUpdate(a: Assignment, e: LeadEvent): Reply {
  const who = `<@${a.assigneeId}>`;
  let text: string;
  let extra: KnownBlock[] = [];
  switch (e.kind) {
    case 'offered-over-budget':
      text = `:warning: This takes ${who} past their weekly budget; they were told when it was offered.`;
      break;
    case 'accept-warned':
      text = `:warning: ${who} was warned that accepting would take them past their weekly budget.`;
      break;
    case 'accepted':
      text = `:raised_hand: ${who} accepted.${e.overBudget ? ' It takes them past their weekly budget.' : ''}`;
      break;
    case 'declined':
      text = `:no_entry_sign: ${who} declined: ${REASON_LABEL[e.reason]}.`;
      extra = reassignBlocks(a, e.next);
      break;
    case 'done':
      text = `:white_check_mark: ${who} finished it.`;
      break;
    case 'due':
      text = `:alarm_clock: It is due now and ${who} has not marked it done (${a.state}).`;
      break;
    case 'expired':
      text = `:hourglass: It expired a day after it was due; ${who} never marked it done.`;
      extra = reassignBlocks(a, e.next);
      break;
  }
  return { text, blocks: [section(text), ...extra] };
}

// ── Replies to the lead ───────────────────────────────────────────────────────────────────────

export interface SuggestionView {
  id: string;
  band: CapacityBand;
  lighterWeek?: boolean;
}

export function suggestionsReply(draft: Omit<OfferValue, 'to'>, suggestions: SuggestionView[]): Reply {
  if (suggestions.length === 0) {
    return {
      text: 'Nobody is available for assignments right now.',
      blocks: [section(':shrug: Nobody is available right now: everyone is paused, away or inactive.'), context('Try again later, or name someone: `/ballast assign @person <link>`.')],
    };
  }
  const blocks: KnownBlock[] = [section(`*Who has room this week* for ${linkText(draft.link)} (estimate ${fmt(draft.estimate)}):`)];
  suggestions.forEach((s, i) => {
    blocks.push(section(`${i + 1}. <@${s.id}>: ${roomLabel(s)}`, {
      blockId: `suggest_${i}`,
      accessory: button('Offer', ACTIONS.assignOffer, encodeOffer({ ...draft, to: s.id }), i === 0 ? 'primary' : undefined),
    }));
  });
  blocks.push(context('Ranked by room left in their budget this week; ties go to whoever has had fewer assignments. Someone who needs a lighter week comes after everyone else with room.'));
  return { text: `Who has room: ${suggestions.map((s) => `<@${s.id}> (${s.lighterWeek ? 'needs a lighter week' : s.band})`).join(', ')}`, blocks };
}

export function overBudgetReply(offer: OfferValue): Reply {
  const text = `Offering this would take <@${offer.to}> past their weekly budget.`;
  return {
    text,
    blocks: [
      section(`:warning: ${text} Pick someone with more room (\`/ballast assign ${offer.link.length > 60 ? '<link>' : offer.link}\` lists them), or offer it anyway and they will be warned too.`),
      actions([button('Offer anyway', ACTIONS.assignOfferAnyway, encodeOffer(offer), 'danger')], 'assign_offer_anyway'),
    ],
  };
}

export function offeredReply(a: Assignment, zone: Zones, opts: { already?: boolean; held?: boolean } = {}): Reply {
  const text = opts.already
    ? `<@${a.assigneeId}> already has this conversation (${a.state}).`
    : a.state === 'declined'
      ? `Slack would not deliver the offer to <@${a.assigneeId}>, so it came straight back. The DM thread suggests someone else.`
      : `Offered to <@${a.assigneeId}>, due ${dueText(a.dueAt, zone)}.`;
  const notes = [
    opts.held ? `It is outside working hours for <@${a.assigneeId}>; they get the message when their day starts.` : null,
    'Updates arrive in a DM thread from Ballast. `/ballast assignments` lists everything you handed out.',
  ].filter((n): n is string => n !== null);
  return { text, blocks: [section(`${opts.already ? ':information_source:' : ':white_check_mark:'} ${text}\n${linkText(a.link)}`), context(...notes)] };
}

// ── Lists ─────────────────────────────────────────────────────────────────────────────────────

function mineLine(a: Assignment, zone: string): string {
  return `• ${linkText(a.link)} from <@${a.leadId}>: ${STATE_LABEL[a.state]}, due ${instantLabel(a.dueAt, zone)}`;
}

function assignedLine(a: Assignment, zone: string): string {
  return `• <@${a.assigneeId}>: ${STATE_LABEL[a.state]}, due ${instantLabel(a.dueAt, zone)} · ${linkText(a.link)}`;
}

/** Lines for the week view's "Open assignments" (at most 10 shown there), fitting one section together. */
export function openAssignmentLines(list: Assignment[], zone: string): string[] {
  const all = list.map((a) => `${linkText(a.link)} from <@${a.leadId}>: ${a.state}, due ${instantLabel(a.dueAt, zone)}`);
  const out: string[] = [];
  let used = 0;
  for (const line of all.slice(0, 9)) {
    if (used + line.length + 1 > 2700) break;
    out.push(line);
    used += line.length + 1;
  }
  if (out.length < all.length) out.push(`…and ${all.length - out.length} more: \`/ballast assignments\``);
  return out;
}

/** Whole lines only, as many as fit in one section (long links would otherwise be cut mid-link). */
function listSection(title: string, lines: string[], max: number): KnownBlock[] {
  if (lines.length === 0) return [];
  const room = 2900 - title.length;
  const shown: string[] = [];
  let used = 0;
  for (const line of lines.slice(0, max)) {
    if (used + line.length + 1 > room && shown.length > 0) break;
    shown.push(clip(line, room));
    used += line.length + 1;
  }
  const more = lines.length > shown.length ? `\n…and ${lines.length - shown.length} more` : '';
  return [section(`*${title}*\n${shown.join('\n')}${more}`)];
}

export function assignmentsReply(mine: Assignment[], assigned: Assignment[] | null, zone: string): Reply {
  const blocks: KnownBlock[] = [header('Assignments')];
  const mineOpen = mine.filter(isOpen);
  const mineClosed = mine.filter((a) => !isOpen(a)).slice(-5).reverse();
  blocks.push(...listSection('For you, open', mineOpen.map((a) => mineLine(a, zone)), 15));
  blocks.push(...listSection('For you, recently closed', mineClosed.map((a) => mineLine(a, zone)), 5));
  if (mine.length === 0) blocks.push(section('Nobody has assigned you a conversation yet.'));
  if (assigned !== null) {
    const open = assigned.filter(isOpen);
    const closed = assigned.filter((a) => !isOpen(a)).slice(-10).reverse();
    blocks.push(...listSection('You assigned, open', open.map((a) => assignedLine(a, zone)), 15));
    blocks.push(...listSection('You assigned, recently closed', closed.map((a) => assignedLine(a, zone)), 10));
    if (assigned.length === 0) blocks.push(section('You have not assigned anything yet: `/ballast assign <link>` suggests who has room.'));
  }
  const counts = `${mineOpen.length} open for you${assigned ? `, ${assigned.filter(isOpen).length} open that you assigned` : ''}`;
  return { text: `Assignments: ${counts}.`, blocks };
}

/** App Home for leads: open assignments by state, and what came back and may need someone else. */
export function boardBlocks(assigned: Assignment[], zone: string, nowMs: number): KnownBlock[] {
  const recent = nowMs - 7 * 24 * 60 * 60_000;
  const by = (s: AssignmentState) => assigned.filter((a) => a.state === s);
  const back = assigned.filter((a) => (a.state === 'declined' || a.state === 'expired') && a.updatedAt >= recent);
  const blocks: KnownBlock[] = [header('Assignment board')];
  blocks.push(fields([`*Offered*\n${by('offered').length}`, `*Accepted*\n${by('accepted').length}`, `*Came back (7 days)*\n${back.length}`]));
  blocks.push(...listSection('Offered, waiting for an answer', by('offered').map((a) => assignedLine(a, zone)), 8));
  blocks.push(...listSection('Accepted, in progress', by('accepted').map((a) => assignedLine(a, zone)), 8));
  blocks.push(...listSection('Declined or expired', back.map((a) => assignedLine(a, zone)), 6));
  blocks.push(context('Leads see states and capacity bands, never anyone\'s minutes or notes. `/ballast assign <link>` to hand out a conversation.'));
  return blocks;
}

// ── Modals ────────────────────────────────────────────────────────────────────────────────────

export function doneModal(a: Assignment): ModalView {
  const blocks: Block[] = [
    section(`How long did it really take? It is logged as replying, with the link, against your week.\n${linkText(a.link)}`),
    {
      type: 'input', block_id: F.minutesBlock, label: plain('Time it took'),
      hint: plain('30m, 45 min, 1 hour, 1h30m, 1.5 hours, 1:30 or minutes (at most 12 hours)'),
      element: { type: 'plain_text_input', action_id: F.minutesAction, max_length: MAX_DURATION_TEXT_CHARS, initial_value: fmt(a.estimateMinutes).replace(' ', '') },
    },
  ];
  return {
    type: 'modal', callback_id: VIEWS.assignDone, title: plain('Mark it done'), submit: plain('Log it'), close: plain('Cancel'),
    private_metadata: String(a.id), blocks,
  };
}

export interface AssignModalInput {
  link: string;
  excerpt: string;
  suggestions: SuggestionView[];
}

/**
 * A message's text as Slack sent it (mrkdwn: `&amp;`/`&lt;`/`&gt;` already escaped, links as
 * `<https://…|label>`, mentions as `<@U123>`), ready to show in a mrkdwn section so it reads as the
 * message does: Slack's own markup kept as is (never escaped a second time), any stray `&`, `<` or
 * `>` escaped once, and cut after `max` visible characters without splitting a link, a mention, an
 * entity or a surrogate pair.
 */
/** Slack's markup: a mention, channel or special (`<@U…>`, `<#C…|name>`, `<!here>`), a link (`<https://…|label>`), an entity; else one character. */
const SLACK_TOKEN = /<(?:[@#!][^<>\s|]+|[a-z][a-z0-9+.-]*:[^<>\s|]+)(?:\|[^<>\n]*)?>|&(?:amp|lt|gt);|[\s\S]/giu;

export function slackExcerpt(text: string, max: number): string {
  let out = '';
  let shown = 0;
  for (const [token] of text.matchAll(SLACK_TOKEN)) {
    const visible = token.startsWith('<') && token.length > 1 ? (token.slice(1, -1).split('|').pop() ?? '').length : 1;
    if (shown + visible > max) return `${out}…`;
    shown += visible;
    out += token.length > 1 && (token.startsWith('<') || token.startsWith('&')) ? token : escape(token);
  }
  return out;
}

export function assignModal(m: AssignModalInput): ModalView {
  const suggestionText = m.suggestions.length
    ? m.suggestions.map((s, i) => `${i + 1}. <@${s.id}>: ${roomLabel(s)}`).join('\n')
    : 'Nobody is available right now: everyone is paused, away or inactive.';
  const input = (block: InputBlock): InputBlock => block;
  const blocks: Block[] = [
    section(`*The message*\n${m.excerpt ? quoteMrkdwn(slackExcerpt(m.excerpt, 280)) : '> (no text)'}`),
    section(`*Who has room this week*\n${suggestionText}`),
    input({
      type: 'input', block_id: F.userBlock, label: plain('Advocate'),
      element: {
        type: 'users_select', action_id: F.userAction, placeholder: plain('Pick someone'),
        ...(m.suggestions[0] ? { initial_user: m.suggestions[0].id } : {}),
      },
    }),
    input({
      type: 'input', block_id: F.linkBlock, label: plain('Link to the conversation'),
      element: { type: 'url_text_input', action_id: F.linkAction, ...(m.link ? { initial_value: m.link } : {}) },
    }),
    input({
      type: 'input', block_id: F.estimateBlock, label: plain('Estimate'), hint: plain('15m, 30 min, 1 hour, 1h30m…'),
      element: { type: 'plain_text_input', action_id: F.estimateAction, max_length: MAX_DURATION_TEXT_CHARS, initial_value: '15m' },
    }),
    input({
      type: 'input', block_id: F.dueBlock, label: plain('Due'), optional: true,
      hint: plain('2h, tomorrow, friday, 2026-12-01 10:00; empty = in 24 hours'),
      element: { type: 'plain_text_input', action_id: F.dueAction, max_length: 40, placeholder: plain('in 24 hours') },
    }),
    input({
      type: 'input', block_id: F.briefBlock, label: plain('Brief'), optional: true,
      element: { type: 'plain_text_input', action_id: F.briefAction, multiline: true, max_length: MAX_BRIEF_CHARS, placeholder: plain('What should they do?') },
    }),
    input({
      type: 'input', block_id: F.anywayBlock, label: plain('Over budget'), optional: true,
      element: {
        type: 'checkboxes', action_id: F.anywayAction,
        options: [{ text: plain('Offer even if it takes them past their budget'), value: 'yes' }],
      },
    }),
  ];
  return {
    type: 'modal', callback_id: VIEWS.assignModal, title: plain('Assign to an advocate'), submit: plain('Offer'),
    close: plain('Cancel'), blocks,
  };
}

export function notLeadModalText(): string {
  return 'Only social leads and admins can assign conversations. An admin can make you a lead with `/ballast admin role @you lead`.';
}

/** What the lead sees after an offer attempt (slash command, suggestion button, reassign button). */
export type OfferShown =
  | { kind: 'offered'; assignment: Assignment; held: boolean; assigneeZone?: string }
  | { kind: 'already'; assignment: Assignment; assigneeZone?: string }
  | { kind: 'confirm'; to: { id: string }; draft: Omit<OfferValue, 'to'> };

export function offerOutcomeReply(r: OfferShown, zone: string): Reply {
  if (r.kind === 'confirm') return overBudgetReply({ ...r.draft, to: r.to.id });
  const zones = leadZones(r.assignment, zone, r.assigneeZone);
  if (r.kind === 'already') return offeredReply(r.assignment, zones, { already: true });
  return offeredReply(r.assignment, zones, { held: r.held });
}
