// The `/ballast …` command grammar: text in, a typed Command or a plain-words refusal out.
import { parseDuration, formatMinutes } from './duration';
import {
  addDays, daysBetween, instantAt, isIsoDate, isValidZone, localClock, parseDays, parseHHMM, weekdayFromName, weekdayOf,
} from './time';
import type { Command, IsoDate, Kind, Network, ParseContext, ParseError, ParseResult, Role } from './types';
import { NETWORKS } from './types';

export const SUBCOMMANDS = [
  'week', 'log', 'undo', 'entries', 'budget', 'hours', 'pause', 'resume', 'checkin', 'nudges', 'team',
  'assign', 'assignments', 'privacy', 'admin', 'export', 'help',
] as const;
export type Subcommand = (typeof SUBCOMMANDS)[number];

export const ADMIN_SUBCOMMANDS = ['manager', 'role', 'settings', 'report'] as const;

export interface Usage {
  usage: string;
  example: string;
  summary: string;
}

/** Keyed by subcommand, and by `admin <sub>` for the admin commands; help and refusals quote these. */
export const USAGE: Record<string, Usage> = {
  week: { usage: '/ballast week', example: '/ballast week', summary: 'Your week: minutes by day and kind, budget use, level, open assignments.' },
  log: {
    usage: '/ballast log <duration> [kind] [network] [date] [link] [note…]',
    example: '/ballast log 30m reply linkedin yesterday great thread',
    summary: 'Record time spent; the reply shows your week against your budget.',
  },
  undo: { usage: '/ballast undo', example: '/ballast undo', summary: 'Remove your most recent entry.' },
  entries: { usage: '/ballast entries', example: '/ballast entries', summary: 'Your entries of the last 14 days, each with Edit and Delete.' },
  budget: {
    usage: '/ballast budget  |  /ballast budget @person <duration>',
    example: '/ballast budget @dana 3h',
    summary: 'See your weekly budget, or (managers, admins) set someone else’s.',
  },
  hours: { usage: '/ballast hours <n>', example: '/ballast hours 37.5', summary: 'Set your contracted weekly hours (1 to 80).' },
  pause: {
    usage: '/ballast pause [until <date> | <n>d]',
    example: '/ballast pause until monday',
    summary: 'Stop check-ins, nudges and assignments, indefinitely or until a date.',
  },
  resume: { usage: '/ballast resume', example: '/ballast resume', summary: 'Restart check-ins, nudges and assignments.' },
  checkin: {
    usage: '/ballast checkin <HH:MM> [days]  |  /ballast checkin off',
    example: '/ballast checkin 16:30 mon-fri',
    summary: 'Set the time and days of your daily check-in, or turn it off.',
  },
  nudges: { usage: '/ballast nudges on|off', example: '/ballast nudges off', summary: 'Turn inactivity and mix nudges on or off.' },
  team: { usage: '/ballast team', example: '/ballast team', summary: 'Managers: the digest for your direct reports, now.' },
  assign: {
    usage: '/ballast assign [@person] <link> [est <duration>] [due <when>] [brief…]',
    example: '/ballast assign @dana https://www.linkedin.com/feed/update/123 est 20m due tomorrow answer the pricing question',
    summary: 'Leads: offer a conversation to an advocate, or get the three with most room.',
  },
  assignments: { usage: '/ballast assignments', example: '/ballast assignments', summary: 'Your assignments, and the ones you handed out.' },
  privacy: {
    usage: '/ballast privacy  |  /ballast privacy share-strain on|off',
    example: '/ballast privacy share-strain on',
    summary: 'Exactly what your manager, leads and admins can see about you.',
  },
  admin: {
    usage: '/ballast admin manager|role|settings|report …',
    example: '/ballast admin manager @dana @sam',
    summary: 'Admins: reporting lines, roles, org settings and the cost report.',
  },
  'admin manager': {
    usage: '/ballast admin manager @employee @manager',
    example: '/ballast admin manager @dana @sam',
    summary: 'Set who someone reports to.',
  },
  'admin role': { usage: '/ballast admin role @person lead|admin|none', example: '/ballast admin role @dana lead', summary: 'Set someone’s role.' },
  'admin settings': {
    usage: '/ballast admin settings [<key> <value>]',
    example: '/ballast admin settings budget_percent 10',
    summary: 'View the org settings, or change one.',
  },
  'admin report': { usage: '/ballast admin report', example: '/ballast admin report', summary: 'The organisation’s advocacy cost in hours, FTE and money.' },
  export: { usage: '/ballast export', example: '/ballast export', summary: 'Download your own entries.' },
  help: { usage: '/ballast help [topic]', example: '/ballast help log', summary: 'Usage, with examples.' },
};

const MAX_ENTRY_MINUTES = 720;
const MAX_BACKDATE_DAYS = 14;
const MAX_NOTE_CHARS = 500;
const MAX_LINK_CHARS = 2000;
const MAX_PAUSE_DAYS = 365;
const MAX_DUE_DAYS = 30;
const DEFAULT_DUE_HHMM = '17:00';
const MIN_BUDGET = 15;
const MAX_BUDGET = 40 * 60;

const KIND_WORDS: Record<string, Kind> = {
  respond: 'respond', reply: 'respond',
  comment: 'comment',
  share: 'share',
  post: 'post', create: 'post', content: 'post',
  monitor: 'monitor', read: 'monitor', listen: 'monitor',
  other: 'other',
};

const NETWORK_WORDS: Record<string, Network> = {
  ...Object.fromEntries(NETWORKS.map((n) => [n, n])),
  twitter: 'x',
};

const ROLES: readonly Role[] = ['lead', 'admin', 'none'];

// ── Tokens ───────────────────────────────────────────────────────────────────────────────────

export interface Token {
  raw: string;
  lower: string;
  /** Offset in the original text, so a note can be cut from it verbatim. */
  start: number;
}

/** Whitespace-separated, except that Slack's `<…>` markup (which may hold a label with spaces) stays whole. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const re = /(?:<[^<>]*>|\S)+/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    tokens.push({ raw: m[0], lower: m[0].toLowerCase(), start: m.index });
  }
  return tokens;
}

// ── Refusals ─────────────────────────────────────────────────────────────────────────────────

/** Thrown inside the parser only; parseCommand turns it into `{ ok: false }`. */
class Refusal {
  constructor(readonly error: ParseError) {}
}

function fail(message: string, example: string, suggestion?: string): never {
  throw new Refusal(suggestion === undefined ? { message, example } : { message, example, suggestion });
}

function q(raw: string): string {
  // Slack's control characters are escaped so a quoted token can never become a live mention or link
  // (`<!channel>` is shown, not sent); backticks would break on a token that holds one.
  const s = raw.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return s.includes('`') ? `"${s}"` : `\`${s}\``;
}

function noMore(rest: Token[], usageKey: string): void {
  if (rest.length === 0) return;
  const u = USAGE[usageKey];
  fail(`I didn't understand ${q(rest[0].raw)}: ${q(u.usage)} takes nothing more.`, u.example);
}

// ── Shared token readers: null means "not this kind of token", a refusal means "this, but wrong" ──

const USER_ID = /^[UW][A-Z0-9]{2,}$/;

function readMention(tok: Token, example: string): string | null {
  const m = /^<@([^|>]*)(?:\|[^>]*)?>$/.exec(tok.raw);
  if (m) {
    if (!USER_ID.test(m[1])) fail(`${q(tok.raw)} doesn't look like a person. Pick them from the autocomplete list as you type @.`, example);
    return m[1];
  }
  if (/^@\S/.test(tok.raw)) {
    fail(
      `${q(tok.raw)} isn't a mention Slack recognised. Type @ and pick the person from the autocomplete list, so Ballast knows exactly who you mean.`,
      example,
    );
  }
  return null;
}

function unescapeSlack(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function readLink(tok: Token, example: string): string | null {
  let url: string;
  const angled = /^<([^|>]*)(?:\|[^>]*)?>$/.exec(tok.raw);
  if (angled) {
    // Mentions, channels and special mentions (<@…>, <#…>, <!here>) are not links.
    if (/^[@#!]/.test(angled[1])) return null;
    url = unescapeSlack(angled[1]);
  } else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(tok.raw)) {
    url = unescapeSlack(tok.raw);
  } else {
    return null;
  }
  const refuse = () => fail(`${q(tok.raw)} isn't a web link. Only http and https links work.`, example);
  if (!/^https?:\/\//i.test(url)) refuse();
  if (url.length > MAX_LINK_CHARS) fail(`That link is ${url.length} characters long; links can be at most ${MAX_LINK_CHARS}.`, example);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refuse();
  }
  if (parsed.hostname === '') refuse();
  return url;
}

function isoDateLike(lower: string): boolean {
  return /^\d{4}-\d{1,2}-\d{1,2}$/.test(lower);
}

function realDate(tok: Token, example: string): IsoDate {
  if (!isIsoDate(tok.lower)) fail(`${q(tok.raw)} isn't a real date. Write dates as YYYY-MM-DD, e.g. 2026-11-24.`, example);
  return tok.lower;
}

/** A date for something already done: today, yesterday, YYYY-MM-DD or the most recent such weekday. */
function readPastDate(tok: Token, today: IsoDate, example: string): IsoDate | null {
  let date: IsoDate;
  const weekday = weekdayFromName(tok.lower);
  if (tok.lower === 'today') date = today;
  else if (tok.lower === 'yesterday') date = addDays(today, -1);
  else if (tok.lower === 'tomorrow') date = addDays(today, 1);
  else if (weekday !== null) date = addDays(today, -((weekdayOf(today) - weekday + 7) % 7));
  else if (isoDateLike(tok.lower)) date = realDate(tok, example);
  else return null;

  const back = daysBetween(date, today);
  if (back < 0) fail(`${q(tok.raw)} is in the future. Log time you have already spent: today or up to ${MAX_BACKDATE_DAYS} days back.`, example);
  if (back > MAX_BACKDATE_DAYS) fail(`${q(tok.raw)} is more than ${MAX_BACKDATE_DAYS} days back. Entries can go back at most ${MAX_BACKDATE_DAYS} days.`, example);
  return date;
}

/** A date still to come: today, tomorrow, YYYY-MM-DD or the next such weekday (never today). */
function readFutureDate(tok: Token, today: IsoDate, example: string): IsoDate | null {
  const weekday = weekdayFromName(tok.lower);
  if (tok.lower === 'today') return today;
  if (tok.lower === 'tomorrow') return addDays(today, 1);
  if (tok.lower === 'yesterday') return addDays(today, -1);
  if (weekday !== null) return addDays(today, ((weekday - weekdayOf(today) + 6) % 7) + 1);
  if (isoDateLike(tok.lower)) return realDate(tok, example);
  return null;
}

interface DurationRange {
  min: number;
  max: number;
  /** Names the amount in refusals: "a weekly budget is 15 minutes to 40 hours". */
  what: string;
  missing: string;
}

function durationIn(tok: Token | undefined, range: DurationRange, example: string): number {
  if (tok === undefined) fail(range.missing, example);
  const minutes = parseDuration(tok.raw);
  if (minutes === null) fail(`${q(tok.raw)} isn't a duration. Write it like 30m, 1h30m, 1.5h, 1:30 or 45 (minutes).`, example);
  if (minutes < range.min || minutes > range.max) {
    fail(`${capitalise(range.what)} is ${formatRange(range.min)} to ${formatRange(range.max)}; ${q(tok.raw)} is outside that.`, example);
  }
  return minutes;
}

function formatRange(minutes: number): string {
  if (minutes === 1) return '1 minute';
  if (minutes < 60) return `${minutes} minutes`;
  if (minutes % 60 === 0) return `${minutes / 60} hours`;
  return formatMinutes(minutes);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function onOff(tok: Token | undefined, what: string, example: string): boolean {
  if (tok?.lower === 'on') return true;
  if (tok?.lower === 'off') return false;
  return fail(tok === undefined ? `Say ${what} on or off.` : `${q(tok.raw)} isn't on or off.`, example);
}

// ── Subcommands ──────────────────────────────────────────────────────────────────────────────

interface Input {
  text: string;
  args: Token[];
  nowMs: number;
  zone: string;
  today: IsoDate;
}

function parseLog({ text, args, today }: Input): Command {
  const example = USAGE.log.example;
  if (args.length === 0) fail('Say how long you spent first, e.g. `/ballast log 30m`.', example);
  const minutes = parseDuration(args[0].raw);
  if (minutes === null) fail(`${q(args[0].raw)} isn't a duration. Start with how long, like 30m, 1h30m, 1.5h, 1:30 or 45 (minutes).`, example);
  if (minutes < 1) fail(`${q(args[0].raw)} is no time at all. An entry is at least 1 minute.`, example);
  if (minutes > MAX_ENTRY_MINUTES) {
    fail(`A single entry is at most 12 hours (720 minutes); ${q(args[0].raw)} is more. Log longer stretches as separate entries.`, example);
  }

  let kind: Kind | undefined;
  let network: Network | undefined;
  let date: IsoDate | undefined;
  let link: string | undefined;
  let note: string | undefined;
  for (const tok of args.slice(1)) {
    // `other` is both a kind and a network: the kind is filled first, so a second `other` is the network.
    if (kind === undefined && KIND_WORDS[tok.lower]) {
      kind = KIND_WORDS[tok.lower];
      continue;
    }
    if (network === undefined && NETWORK_WORDS[tok.lower]) {
      network = NETWORK_WORDS[tok.lower];
      continue;
    }
    if (date === undefined) {
      const d = readPastDate(tok, today, example);
      if (d !== null) {
        date = d;
        continue;
      }
    }
    if (link === undefined) {
      const l = readLink(tok, example);
      if (l !== null) {
        link = l;
        continue;
      }
    }
    note = text.slice(tok.start).trim();
    break;
  }
  if (note !== undefined && note.length > MAX_NOTE_CHARS) {
    fail(`Notes are at most ${MAX_NOTE_CHARS} characters; yours is ${note.length}.`, example);
  }
  return {
    type: 'log',
    minutes,
    kind: kind ?? 'other',
    date: date ?? today,
    ...(network !== undefined && { network }),
    ...(link !== undefined && { link }),
    ...(note !== undefined && note !== '' && { note }),
  };
}

function parseBudget({ args }: Input): Command {
  if (args.length === 0) return { type: 'budget' };
  const example = USAGE.budget.example;
  let userId: string | undefined;
  let minutesTok: Token | undefined;
  for (const tok of args) {
    const id = readMention(tok, example);
    if (id !== null) {
      if (userId !== undefined) fail('Set one person’s budget at a time.', example);
      userId = id;
    } else if (minutesTok === undefined && parseDuration(tok.raw) !== null) {
      minutesTok = tok;
    } else {
      fail(`I didn't understand ${q(tok.raw)}. Mention the person and give a weekly budget.`, example);
    }
  }
  if (userId === undefined) fail('Say whose budget to set: mention them, then give the weekly budget.', example);
  const minutes = durationIn(minutesTok, { min: MIN_BUDGET, max: MAX_BUDGET, what: 'a weekly budget', missing: 'Say the weekly budget after the person, e.g. 3h or 2h30m.' }, example);
  return { type: 'budget-set', userId, minutes };
}

function parseHours({ args }: Input): Command {
  const example = USAGE.hours.example;
  if (args.length === 0) fail('Say how many hours a week you are contracted for, from 1 to 80.', example);
  const m = /^(\d+(?:[.,]\d+)?)h?$/.exec(args[0].lower);
  if (!m) fail(`${q(args[0].raw)} isn't a number of hours. Give your contracted weekly hours, from 1 to 80.`, example);
  const hours = Number(m[1].replace(',', '.'));
  if (hours < 1 || hours > 80) fail(`Contracted hours are 1 to 80 a week; ${q(args[0].raw)} is outside that.`, example);
  noMore(args.slice(1), 'hours');
  return { type: 'hours', hours };
}

function parsePause({ args, today }: Input): Command {
  const example = USAGE.pause.example;
  if (args.length === 0) return { type: 'pause' };
  let rest: Token[];
  let until: IsoDate;
  const days = /^(\d+)d(?:ays?)?$/.exec(args[0].lower);
  if (days) {
    const n = Number(days[1]);
    if (n < 1 || n > MAX_PAUSE_DAYS) fail(`A pause lasts 1 to ${MAX_PAUSE_DAYS} days; ${q(args[0].raw)} is outside that.`, example);
    until = addDays(today, n);
    rest = args.slice(1);
  } else {
    // `until` is optional: `/ballast pause friday` means the same as `pause until friday`.
    const dateTok = args[0].lower === 'until' ? args[1] : args[0];
    if (dateTok === undefined) fail('Say until when, e.g. `until monday`, `until 2026-12-24` or `5d`.', example);
    const date = readFutureDate(dateTok, today, example);
    if (date === null) fail(`${q(dateTok.raw)} isn't a date. Use YYYY-MM-DD, tomorrow, a weekday, or a number of days like 5d.`, example);
    const ahead = daysBetween(today, date);
    if (ahead < 0) fail(`${q(dateTok.raw)} is in the past. Pause until today or a later date.`, example);
    if (ahead > MAX_PAUSE_DAYS) fail(`${q(dateTok.raw)} is more than ${MAX_PAUSE_DAYS} days away; a pause can last at most ${MAX_PAUSE_DAYS} days.`, example);
    until = date;
    rest = args.slice(args.indexOf(dateTok) + 1);
  }
  noMore(rest, 'pause');
  return { type: 'pause', until };
}

function parseCheckin({ args }: Input): Command {
  const example = USAGE.checkin.example;
  if (args.length === 0) fail('Say the check-in time (24-hour HH:MM) and optionally the days, or `off`.', example);
  if (args[0].lower === 'off') {
    noMore(args.slice(1), 'checkin');
    return { type: 'checkin-off' };
  }
  const time = parseHHMM(args[0].raw);
  if (time === null) fail(`${q(args[0].raw)} isn't a time. Use 24-hour HH:MM, like 16:30 or 9:00.`, example);
  if (args.length === 1) return { type: 'checkin', time };
  const daysText = args.slice(1).map((t) => t.raw).join(' ');
  const days = parseDays(daysText);
  if (days === null) fail(`${q(daysText)} isn't a set of days I understand. Try mon-fri, mon,wed,fri, weekdays or daily.`, example);
  return { type: 'checkin', time, days };
}

function parseNudges({ args }: Input): Command {
  const on = onOff(args[0], 'nudges', USAGE.nudges.example);
  noMore(args.slice(1), 'nudges');
  return { type: 'nudges', on };
}

function parsePrivacy({ args }: Input): Command {
  if (args.length === 0) return { type: 'privacy' };
  const example = USAGE.privacy.example;
  if (!['share-strain', 'share_strain', 'sharestrain'].includes(args[0].lower)) {
    fail(`I didn't understand ${q(args[0].raw)}. \`/ballast privacy\` shows what others see; \`share-strain on|off\` changes who sees your strain answers.`, example);
  }
  const on = onOff(args[1], 'share-strain', example);
  noMore(args.slice(2), 'privacy');
  return { type: 'privacy-share-strain', on };
}

/** A due time in the lead's zone: a span from now, a day (17:00 local), a date, a date and time, or a time. */
function readDue(args: Token[], i: number, input: Input, example: string): { dueMs: number; used: number } {
  const tok = args[i];
  if (tok === undefined) fail('Say when it is due after `due`, e.g. `due 2h`, `due tomorrow` or `due 2026-12-01 10:00`.', example);
  const { nowMs, zone, today } = input;
  const at = (date: IsoDate, hhmm: string) => instantAt(date, hhmm, zone);
  let dueMs: number;
  let used = 1;

  const dateTime = /^(\d{4}-\d{1,2}-\d{1,2})t(\d{1,2}:\d{2})$/.exec(tok.lower);
  const next = args[i + 1];
  if (dateTime) {
    const date = realDate({ ...tok, lower: dateTime[1] }, example);
    const time = parseHHMM(dateTime[2]);
    if (time === null) fail(`${q(tok.raw)} has no valid time. Use 24-hour HH:MM.`, example);
    dueMs = at(date, time);
  } else if (isoDateLike(tok.lower)) {
    const date = realDate(tok, example);
    const time = next !== undefined ? parseHHMM(next.raw) : null;
    if (time !== null) used = 2;
    dueMs = at(date, time ?? DEFAULT_DUE_HHMM);
  } else if (parseHHMM(tok.raw) !== null) {
    // A time of day that has already passed means the next one: `due 9:00` at 15:00 is tomorrow morning.
    const time = parseHHMM(tok.raw) as string;
    dueMs = at(today, time);
    if (dueMs <= nowMs) dueMs = at(addDays(today, 1), time);
  } else if (tok.lower === 'today') {
    dueMs = at(today, DEFAULT_DUE_HHMM);
    if (dueMs <= nowMs) fail(`It is already past ${DEFAULT_DUE_HHMM} today. Say \`due 2h\`, \`due 18:30\` or \`due tomorrow\`.`, example);
  } else if (tok.lower === 'tomorrow') {
    dueMs = at(addDays(today, 1), DEFAULT_DUE_HHMM);
  } else if (weekdayFromName(tok.lower) !== null) {
    const date = readFutureDate(tok, today, example) as IsoDate;
    dueMs = at(date, DEFAULT_DUE_HHMM);
  } else if (/[a-z]/.test(tok.lower) && parseDuration(tok.raw) !== null) {
    // Only spans with a unit: a bare `17` could as well mean 17:00, so it is refused below.
    const minutes = parseDuration(tok.raw) as number;
    if (minutes < 1) fail(`${q(tok.raw)} is no time at all. Give the time it is due, e.g. \`due 2h\`.`, example);
    dueMs = nowMs + minutes * 60_000;
  } else {
    return fail(`${q(tok.raw)} isn't a due time. Try 2h, 90m, today, tomorrow, friday, 2026-12-01, 2026-12-01 10:00 or 16:30.`, example);
  }

  const shown = args.slice(i, i + used).map((t) => t.raw).join(' ');
  if (dueMs <= nowMs) fail(`${q(shown)} is in the past. The due time must be in the future.`, example);
  if (dueMs - nowMs > MAX_DUE_DAYS * 86_400_000) fail(`${q(shown)} is more than ${MAX_DUE_DAYS} days away; assignments are due within ${MAX_DUE_DAYS} days.`, example);
  return { dueMs, used };
}

function parseAssign(input: Input): Command {
  const { text, args } = input;
  const example = USAGE.assign.example;
  let userId: string | undefined;
  let link: string | undefined;
  let estimate: number | undefined;
  let dueMs: number | undefined;
  let brief: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const tok = args[i];
    if (userId === undefined) {
      const id = readMention(tok, example);
      if (id !== null) {
        userId = id;
        continue;
      }
    }
    if (link === undefined) {
      const l = readLink(tok, example);
      if (l !== null) {
        link = l;
        continue;
      }
    }
    if (estimate === undefined && (tok.lower === 'est' || tok.lower === 'estimate')) {
      estimate = durationIn(args[i + 1], { min: 1, max: MAX_ENTRY_MINUTES, what: 'an estimate', missing: 'Say how long it should take after `est`, e.g. `est 20m`.' }, example);
      i += 1;
      continue;
    }
    if (dueMs === undefined && tok.lower === 'due') {
      const due = readDue(args, i + 1, input, example);
      dueMs = due.dueMs;
      i += due.used;
      continue;
    }
    brief = text.slice(tok.start).trim();
    break;
  }
  if (link === undefined) {
    fail(
      brief === undefined
        ? 'Say which conversation: paste a link to it.'
        : 'Say which conversation: put the link to it before the brief.',
      example,
    );
  }
  if (brief !== undefined && brief.length > MAX_NOTE_CHARS) fail(`A brief is at most ${MAX_NOTE_CHARS} characters; yours is ${brief.length}.`, example);
  return {
    type: 'assign',
    link,
    ...(userId !== undefined && { userId }),
    ...(estimate !== undefined && { estimate }),
    ...(dueMs !== undefined && { dueMs }),
    ...(brief !== undefined && brief !== '' && { brief }),
  };
}

function mentionsOnly(args: Token[], count: number, usageKey: string, what: string): string[] {
  const example = USAGE[usageKey].example;
  const ids: string[] = [];
  for (const tok of args) {
    const id = readMention(tok, example);
    if (id === null) fail(`I didn't understand ${q(tok.raw)}. ${what}`, example);
    ids.push(id);
  }
  if (ids.length !== count) fail(what, example);
  return ids;
}

function parseAdmin({ text, args }: Input): Command {
  const sub = args[0]?.lower;
  const rest = args.slice(1);
  switch (sub) {
    case 'manager': {
      const [employeeId, managerId] = mentionsOnly(rest, 2, 'admin manager', 'Mention the employee, then their manager.');
      if (employeeId === managerId) fail('Someone cannot be their own manager.', USAGE['admin manager'].example);
      return { type: 'admin-manager', employeeId, managerId };
    }
    case 'role': {
      const example = USAGE['admin role'].example;
      let userId: string | undefined;
      let role: Role | undefined;
      for (const tok of rest) {
        const id = readMention(tok, example);
        if (id !== null && userId === undefined) userId = id;
        else if (role === undefined && (ROLES as readonly string[]).includes(tok.lower)) role = tok.lower as Role;
        else fail(`I didn't understand ${q(tok.raw)}. Mention the person and give a role: lead, admin or none.`, example);
      }
      if (userId === undefined) fail('Mention the person whose role to set.', example);
      if (role === undefined) fail('Say the role: lead, admin or none.', example);
      return { type: 'admin-role', userId, role };
    }
    case 'settings': {
      if (rest.length === 0) return { type: 'admin-settings' };
      const key = rest[0].lower;
      if (rest.length === 1) fail(`Give a value for ${q(key)}, or \`/ballast admin settings\` to see them all.`, USAGE['admin settings'].example);
      return { type: 'admin-settings-set', key, value: text.slice(rest[1].start).trim() };
    }
    case 'report':
      noMore(rest, 'admin report');
      return { type: 'admin-report' };
    case undefined:
      return fail('Which admin command? manager, role, settings or report.', USAGE.admin.example);
    default: {
      const suggestion = nearest(sub, ADMIN_SUBCOMMANDS);
      return fail(
        `${q(args[0].raw)} isn't an admin command. ${suggestion ? `Did you mean \`admin ${suggestion}\`? ` : ''}Admin commands: manager, role, settings, report.`,
        suggestion ? USAGE[`admin ${suggestion}`].example : USAGE.admin.example,
        suggestion ? `admin ${suggestion}` : undefined,
      );
    }
  }
}

function parseHelp({ args }: Input): Command {
  if (args.length === 0) return { type: 'help' };
  return { type: 'help', topic: args.map((t) => t.lower).join(' ') };
}

const noArgs =
  (command: Command, usageKey: string) =>
  ({ args }: Input): Command => {
    noMore(args, usageKey);
    return command;
  };

const PARSERS: Record<Subcommand, (input: Input) => Command> = {
  week: noArgs({ type: 'week' }, 'week'),
  log: parseLog,
  undo: noArgs({ type: 'undo' }, 'undo'),
  entries: noArgs({ type: 'entries' }, 'entries'),
  budget: parseBudget,
  hours: parseHours,
  pause: parsePause,
  resume: noArgs({ type: 'resume' }, 'resume'),
  checkin: parseCheckin,
  nudges: parseNudges,
  team: noArgs({ type: 'team' }, 'team'),
  assign: parseAssign,
  assignments: noArgs({ type: 'assignments' }, 'assignments'),
  privacy: parsePrivacy,
  admin: parseAdmin,
  export: noArgs({ type: 'export' }, 'export'),
  help: parseHelp,
};

// ── Nearest match for typos ──────────────────────────────────────────────────────────────────

/** Edit distance counting a swap of neighbours as one edit, so `lgo` is one away from `log`. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The closest candidate: a prefix match (2+ letters) first, else within 2 edits (1 for very short words). */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  if (w.length >= 2) {
    const prefixed = candidates.find((c) => c.startsWith(w));
    if (prefixed) return prefixed;
  }
  const limit = w.length <= 3 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const c of candidates) {
    // The distance is at least the difference in length: skip the quadratic work for hopeless pairs
    // (a pasted paragraph as the first word would otherwise cost a table of its length per candidate).
    if (Math.abs(w.length - c.length) > limit) continue;
    const dist = editDistance(w, c);
    if (dist < bestDistance) {
      best = c;
      bestDistance = dist;
    }
  }
  return best;
}

// ── Entry point ──────────────────────────────────────────────────────────────────────────────

/** Parse the text after `/ballast`. Relative dates resolve against ctx: the person's now and zone. */
export function parseCommand(text: string, ctx: ParseContext): ParseResult {
  const tokens = tokenize(text);
  if (tokens.length === 0) return { ok: true, command: { type: 'week' } };
  // A zone Slack gave us that luxon does not know should not make every command fail.
  const zone = isValidZone(ctx.zone) ? ctx.zone : 'UTC';
  const sub = tokens[0].lower;
  try {
    if (!(SUBCOMMANDS as readonly string[]).includes(sub)) {
      const suggestion = nearest(sub, SUBCOMMANDS);
      fail(
        `${q(tokens[0].raw)} isn't a Ballast command.${suggestion ? ` Did you mean \`${suggestion}\`?` : ''} \`/ballast help\` lists them all.`,
        suggestion ? USAGE[suggestion].example : USAGE.log.example,
        suggestion,
      );
    }
    const input: Input = { text, args: tokens.slice(1), nowMs: ctx.nowMs, zone, today: localClock(ctx.nowMs, zone).date };
    return { ok: true, command: PARSERS[sub as Subcommand](input) };
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, error: e.error };
    throw e;
  }
}

/** A due time typed on its own (the assignment modal's field), read with the same words as `due …` in a command. */
export function parseDueText(text: string, ctx: ParseContext): { ok: true; dueMs: number } | { ok: false; error: ParseError } {
  const zone = isValidZone(ctx.zone) ? ctx.zone : 'UTC';
  const args = tokenize(text);
  const input: Input = { text, args, nowMs: ctx.nowMs, zone, today: localClock(ctx.nowMs, zone).date };
  try {
    const due = readDue(args, 0, input, USAGE.assign.example);
    if (due.used < args.length) fail(`I didn't understand ${q(args[due.used].raw)} after the due time.`, 'tomorrow, friday, 2h or 2026-12-01 10:00');
    return { ok: true, dueMs: due.dueMs };
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, error: e.error };
    throw e;
  }
}
