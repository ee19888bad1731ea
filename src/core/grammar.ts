// The `/ballast …` command grammar: text in, a typed Command or a plain-words refusal out.
// Usage lines live in usage.ts, Slack's escaping in slackText.ts, typo matching in fuzzy.ts;
// durations and dates are read by duration.ts and dates.ts, the same readers the modals use.
import { formatMinutes, readDuration, type DurationReading } from './duration';
import { DATE_WORDS, readDate } from './dates';
import { nearest, nearMiss } from './fuzzy';
import {
  MAX_BRIEF_CHARS, MAX_BUDGET_MINUTES, MAX_DAYS_BACK, MAX_ENTRY_MINUTES, MAX_HISTORY_DAYS, MAX_LINK_CHARS,
  MAX_NOTE_CHARS, MAX_WEEKLY_HOURS, MIN_BUDGET_MINUTES, MIN_ENTRY_MINUTES, MIN_WEEKLY_HOURS, SLACK_USER_ID,
} from './limits';
import { escapeSlack, quoteInput as q, unescapeSlack } from './slackText';
import {
  addDays, daysBetween, instantAt, isIsoDate, isValidZone, localClock, parseDays, parseHHMM, weekdayFromName, weekdayOf, weekStart,
} from './time';
import type { Command, IsoDate, Kind, Network, ParseContext, ParseError, ParseResult, Role } from './types';
import { NETWORKS } from './types';
import { ADMIN_SUBCOMMANDS, DURATION_FORMS, SUBCOMMANDS, USAGE, type Subcommand } from './usage';

export { ADMIN_SUBCOMMANDS, SUBCOMMANDS, USAGE, type Subcommand, type Usage } from './usage';
export { editDistance, nearest } from './fuzzy';

const MAX_PAUSE_DAYS = 365;
const MAX_DUE_DAYS = 30;
const DEFAULT_DUE_HHMM = '17:00';

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

const wordsOf = (tokens: Token[]) => tokens.map((t) => t.lower);

// ── Refusals ─────────────────────────────────────────────────────────────────────────────────

/** Thrown inside the parser only; parseCommand turns it into `{ ok: false }`. */
class Refusal {
  constructor(readonly error: ParseError) {}
}

function fail(message: string, example: string, suggestion?: string): never {
  throw new Refusal(suggestion === undefined ? { message, example } : { message, example, suggestion });
}

function noMore(rest: Token[], usageKey: string): void {
  if (rest.length === 0) return;
  const u = USAGE[usageKey];
  fail(`I didn't understand ${q(rest[0].raw)}: ${q(u.usage)} takes nothing more.`, u.example);
}

// ── Shared token readers: null means "not this kind of token", a refusal means "this, but wrong" ──

function readMention(tok: Token, example: string): string | null {
  const m = /^<@([^|>]*)(?:\|[^>]*)?>$/.exec(tok.raw);
  if (m) {
    if (!SLACK_USER_ID.test(m[1])) fail(`${q(tok.raw)} doesn't look like a person. Pick them from the autocomplete list as you type @.`, example);
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

/** A duration at args[i], of one or more words, within range; how many words it took. */
function durationAt(args: Token[], i: number, range: DurationRange, example: string): { minutes: number; used: number } {
  if (args[i] === undefined) fail(range.missing, example);
  const r = readDuration(wordsOf(args), i);
  if (r === null) fail(`${q(args[i].raw)} isn't a duration. Write it like ${DURATION_FORMS}.`, example);
  if (!r.ok) fail(r.message, example);
  const shown = args.slice(i, i + r.used).map((t) => t.raw).join(' ');
  if (r.minutes < range.min || r.minutes > range.max) {
    fail(`${capitalise(range.what)} is ${formatRange(range.min)} to ${formatRange(range.max)}; ${q(shown)} is outside that.`, example);
  }
  return { minutes: r.minutes, used: r.used };
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

// ── Notes and briefs: free text, as typed ────────────────────────────────────────────────────

const OPEN_QUOTES = '"“„';
const CLOSE_QUOTES = '"”“';

/**
 * A note or brief in quotes, starting at args[i]: its text (unescaped, as typed) and the index of
 * the first token after the closing quote. Null when args[i] does not open a quote. An unclosed
 * quote runs to the end of the text.
 */
function readQuoted(text: string, args: Token[], i: number): { value: string; next: number } | null {
  const tok = args[i];
  if (!OPEN_QUOTES.includes(tok.raw[0])) return null;
  const from = tok.start + 1;
  let close = -1;
  for (let k = from; k < text.length; k++) {
    if (CLOSE_QUOTES.includes(text[k]) && (k + 1 === text.length || /\s/.test(text[k + 1]))) {
      close = k;
      break;
    }
  }
  const end = close === -1 ? text.length : close;
  let next = i;
  while (next < args.length && args[next].start < end + 1) next += 1;
  return { value: unescapeSlack(text.slice(from, end).trim()), next };
}

/** The free text from args[i] to the end, as the person typed it (Slack's `&amp;` `&lt;` `&gt;` undone). */
function restOf(text: string, tok: Token): string {
  return unescapeSlack(text.slice(tok.start).trim());
}

/** The example in a "did you mean" refusal: the person's own command with the word put right. */
function corrected(text: string, tok: Token, replacement: string): string {
  const fixed = text.slice(0, tok.start) + replacement + text.slice(tok.start + tok.raw.length);
  return `/ballast ${unescapeSlack(fixed).trim().replace(/\s+/g, ' ')}`;
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
  const words = wordsOf(args);
  if (args.length === 0) fail('Say how long you spent first, e.g. `/ballast log 30m`.', example);
  const dateFirst = readDate(words, 0, today);
  if (dateFirst !== null && dateFirst.used > 1) {
    const shown = args.slice(0, dateFirst.used).map((t) => t.raw).join(' ');
    fail(`${q(shown)} reads as a date, but a log starts with how long. Nothing was logged. Say the time first, then the date: \`/ballast log 30m ${shown}\`.`, example);
  }
  const read = readDuration(words, 0);
  if (read === null) fail(`${q(args[0].raw)} isn't a duration. Start with how long: ${DURATION_FORMS}.`, example);
  if (!read.ok) fail(`${read.message} Nothing was logged.`, example);
  const said = args.slice(0, read.used).map((t) => t.raw).join(' ');
  if (words[read.used] === 'ago') {
    fail(`${q(`${said} ago`)} says when, not how long. Nothing was logged. Start with how long it took, like \`/ballast log 30m today\`.`, example);
  }
  const minutes = read.minutes;
  if (minutes < MIN_ENTRY_MINUTES) fail(`${q(said)} is no time at all. An entry is at least 1 minute.`, example);
  if (minutes > MAX_ENTRY_MINUTES) {
    fail(`A single entry is at most 12 hours (${MAX_ENTRY_MINUTES} minutes); ${q(said)} is more. Log longer stretches as separate entries.`, example);
  }

  let kind: Kind | undefined;
  let network: Network | undefined;
  let date: IsoDate | undefined;
  let link: string | undefined;
  let note: string | undefined;
  // A quoted note lets options follow it; if free words follow instead, the quote only opened a
  // note like any other (`"Great post" she said`), and what was read after it is note too.
  let quoted: { at: Token; before: { kind?: Kind; network?: Network; date?: IsoDate; link?: string } } | undefined;
  for (let i = read.used; i < args.length; ) {
    const tok = args[i];
    if (note === undefined) {
      const inQuotes = readQuoted(text, args, i);
      if (inQuotes !== null) {
        note = inQuotes.value;
        quoted = { at: tok, before: { kind, network, date, link } };
        i = inQuotes.next;
        continue;
      }
    }
    // `other` is both a kind and a network: the kind is filled first, so a second `other` is the network.
    if (kind === undefined && KIND_WORDS[tok.lower]) {
      kind = KIND_WORDS[tok.lower];
      i += 1;
      continue;
    }
    if (network === undefined && NETWORK_WORDS[tok.lower]) {
      network = NETWORK_WORDS[tok.lower];
      i += 1;
      continue;
    }
    if (date === undefined) {
      const d = readDate(words, i, today);
      if (d !== null) {
        date = pastDate(d, args.slice(i, i + d.used), today, example);
        i += d.used;
        continue;
      }
    }
    if (link === undefined) {
      const l = readLink(tok, example);
      if (l !== null) {
        link = l;
        i += 1;
        continue;
      }
    }
    if (quoted !== undefined) {
      ({ kind, network, date, link } = quoted.before);
      note = restOf(text, quoted.at);
      break;
    }
    notAmbiguousNoteStart(text, args, i, read.used, { kind, network, date }, example);
    note = restOf(text, tok);
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

/** A date read for an entry: a real day, today or up to 14 days back. */
function pastDate(d: NonNullable<ReturnType<typeof readDate>>, toks: Token[], today: IsoDate, example: string): IsoDate {
  if (!d.ok) fail(`${d.message} Nothing was logged.`, example);
  const shown = toks.map((t) => t.raw).join(' ');
  const back = daysBetween(d.date, today);
  if (back < 0) fail(`${q(shown)} is in the future. Log time you have already spent: today or up to ${MAX_DAYS_BACK} days back.`, example);
  if (back > MAX_DAYS_BACK) {
    fail(`${q(shown)} (${d.date}) is more than ${MAX_DAYS_BACK} days back. Entries can go back at most ${MAX_DAYS_BACK} days.`, example);
  }
  return d.date;
}

/**
 * The word that would start the note must not be something the person more likely meant as part
 * of the entry: a second duration, a number right after the duration (`log 30 45`: 30 and 45, or
 * 75?), or a typo of a kind, network or date word (`replay`, `linkdin`, `yesterdy`). Those are
 * asked about, and nothing is stored; a note in quotes may start with anything.
 */
function notAmbiguousNoteStart(
  text: string, args: Token[], i: number, durationEnd: number,
  filled: { kind?: Kind; network?: Network; date?: IsoDate }, example: string,
): void {
  const tok = args[i];
  // Built only when the note start is refused: an accepted note (every ordinary log) never needs it.
  const quoteIt = () => `If the note really starts with ${q(tok.raw)}, put the note in quotes: \`/ballast log … "${escapeSlack(unescapeSlack(tok.raw)).replace(/`/g, "'")} …"\`.`;
  const r: DurationReading = readDuration(wordsOf(args), i);
  if (r !== null && !r.ok) fail(`${r.message} Nothing was logged. ${quoteIt()}`, example);
  if (r !== null && r.unit) {
    const shown = args.slice(i, i + r.used).map((t) => t.raw).join(' ');
    fail(`Two durations: ${q(args.slice(0, durationEnd).map((t) => t.raw).join(' '))} and ${q(shown)}. Nothing was logged: write the whole time as one duration, like 1h30m, or log each as its own entry. ${quoteIt()}`, example);
  }
  if (r !== null && i === durationEnd) {
    const first = args.slice(0, durationEnd).map((t) => t.raw).join(' ');
    fail(`${q(`${first} ${tok.raw}`)}: is ${q(tok.raw)} part of how long? Nothing was logged. Write the duration with units, like 1h30m or 75m. ${quoteIt()}`, example);
  }
  const vocabulary = [
    ...(filled.kind === undefined ? Object.keys(KIND_WORDS) : []),
    ...(filled.network === undefined ? Object.keys(NETWORK_WORDS) : []),
    ...(filled.date === undefined ? DATE_WORDS : []),
  ];
  const meant = nearMiss(tok.lower, vocabulary);
  if (meant !== undefined) {
    fail(`${q(tok.raw)} isn't a word I know: did you mean ${meant}? Nothing was logged. ${quoteIt()}`, corrected(text, tok, meant), meant);
  }
}

/** `week`, `week last`, or the week holding a date: any of the date forms, today or up to two years back. */
function parseWeek({ args, today }: Input): Command {
  const example = USAGE.week.example;
  if (args.length === 0) return { type: 'week' };
  const words = wordsOf(args);
  if (words[0] === 'last' && (args.length === 1 || (args.length === 2 && words[1] === 'week'))) {
    return { type: 'week', date: addDays(today, -7) };
  }
  const d = readDate(words, 0, today);
  if (d === null) {
    const meant = nearMiss(words[0], [...DATE_WORDS, 'last']);
    fail(
      `I didn't understand ${q(args[0].raw)}.${meant ? ` Did you mean ${meant}?` : ''} \`/ballast week\` shows this week; \`week last\` or \`week <date>\` an earlier one, e.g. \`week 2026-11-02\`, \`week last friday\`, \`week 3 weeks ago\` or \`week 1 Nov\`.`,
      example,
    );
  }
  if (!d.ok) fail(d.message, example);
  const shown = args.slice(0, d.used).map((t) => t.raw).join(' ');
  const back = daysBetween(d.date, today);
  // A later day of this week is still this week; a week not yet begun has nothing to show.
  if (back < 0 && weekStart(d.date) > weekStart(today)) {
    fail(`${q(shown)} is in a week that hasn't started yet. \`/ballast week\` shows this week or an earlier one.`, example);
  }
  if (back > MAX_HISTORY_DAYS) fail(`${q(shown)} is more than two years back; Ballast shows weeks of the last two years.`, example);
  noMore(args.slice(d.used), 'week');
  return { type: 'week', date: d.date };
}

function parseBudget({ args }: Input): Command {
  if (args.length === 0) return { type: 'budget' };
  const example = USAGE.budget.example;
  const range = {
    min: MIN_BUDGET_MINUTES, max: MAX_BUDGET_MINUTES, what: 'a weekly budget',
    missing: 'Say the weekly budget after the person, e.g. 3h or 2h30m.',
  };
  let userId: string | undefined;
  let minutes: number | undefined;
  for (let i = 0; i < args.length; ) {
    const tok = args[i];
    const id = readMention(tok, example);
    if (id !== null) {
      if (userId !== undefined) fail('Set one person’s budget at a time.', example);
      userId = id;
      i += 1;
    } else if (minutes === undefined && readDuration(wordsOf(args), i) !== null) {
      const d = durationAt(args, i, range, example);
      minutes = d.minutes;
      i += d.used;
    } else {
      fail(`I didn't understand ${q(tok.raw)}. Mention the person and give a weekly budget.`, example);
    }
  }
  if (userId === undefined) fail('Say whose budget to set: mention them, then give the weekly budget.', example);
  if (minutes === undefined) fail(range.missing, example);
  return { type: 'budget-set', userId, minutes };
}

function parseHours({ args }: Input): Command {
  const example = USAGE.hours.example;
  if (args.length === 0) fail('Say how many hours a week you are contracted for, from 1 to 80.', example);
  const m = /^(\d+(?:[.,]\d+)?)h?$/.exec(args[0].lower);
  if (!m) fail(`${q(args[0].raw)} isn't a number of hours. Give your contracted weekly hours, from 1 to 80.`, example);
  const hours = Number(m[1].replace(',', '.'));
  if (hours < MIN_WEEKLY_HOURS || hours > MAX_WEEKLY_HOURS) {
    fail(`Contracted hours are ${MIN_WEEKLY_HOURS} to ${MAX_WEEKLY_HOURS} a week; ${q(args[0].raw)} is outside that.`, example);
  }
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
  const span = readDuration(wordsOf(args), i);
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
  } else if (span !== null && (!span.ok || span.unit)) {
    // Only spans with a unit (`2h`, `3 hours`): a bare `17` could as well mean 17:00, so it is refused below.
    if (!span.ok) fail(span.message, example);
    if (span.minutes < 1) fail(`${q(tok.raw)} is no time at all. Give the time it is due, e.g. \`due 2h\`.`, example);
    dueMs = nowMs + span.minutes * 60_000;
    used = span.used;
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
  let quoted: { at: Token; before: { userId?: string; link?: string; estimate?: number; dueMs?: number } } | undefined;
  for (let i = 0; i < args.length; ) {
    const tok = args[i];
    if (brief === undefined) {
      const inQuotes = readQuoted(text, args, i);
      if (inQuotes !== null) {
        brief = inQuotes.value;
        quoted = { at: tok, before: { userId, link, estimate, dueMs } };
        i = inQuotes.next;
        continue;
      }
    }
    if (userId === undefined) {
      const id = readMention(tok, example);
      if (id !== null) {
        userId = id;
        i += 1;
        continue;
      }
    }
    if (link === undefined) {
      const l = readLink(tok, example);
      if (l !== null) {
        link = l;
        i += 1;
        continue;
      }
    }
    if (estimate === undefined && (tok.lower === 'est' || tok.lower === 'estimate')) {
      const est = durationAt(args, i + 1, {
        min: MIN_ENTRY_MINUTES, max: MAX_ENTRY_MINUTES, what: 'an estimate', missing: 'Say how long it should take after `est`, e.g. `est 20m`.',
      }, example);
      estimate = est.minutes;
      i += 1 + est.used;
      continue;
    }
    if (dueMs === undefined && tok.lower === 'due') {
      const due = readDue(args, i + 1, input, example);
      dueMs = due.dueMs;
      i += 1 + due.used;
      continue;
    }
    if (quoted !== undefined) {
      ({ userId, link, estimate, dueMs } = quoted.before);
      brief = restOf(text, quoted.at);
      break;
    }
    notAmbiguousBriefStart(args, i, { estimate, dueMs }, example);
    brief = restOf(text, tok);
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
  if (brief !== undefined && brief.length > MAX_BRIEF_CHARS) fail(`A brief is at most ${MAX_BRIEF_CHARS} characters; yours is ${brief.length}.`, example);
  return {
    type: 'assign',
    link,
    ...(userId !== undefined && { userId }),
    ...(estimate !== undefined && { estimate }),
    ...(dueMs !== undefined && { dueMs }),
    ...(brief !== undefined && brief !== '' && { brief }),
  };
}

/** A brief that starts with a duration (`20m answer her`) or a typo of `est`/`due` more likely meant the estimate. */
function notAmbiguousBriefStart(args: Token[], i: number, filled: { estimate?: number; dueMs?: number }, example: string): void {
  const tok = args[i];
  const quoteIt = 'If the brief really starts so, put it in quotes.';
  const r = readDuration(wordsOf(args), i);
  if (filled.estimate === undefined && r !== null && (!r.ok || r.unit)) {
    const shown = args.slice(i, i + r.used).map((t) => t.raw).join(' ');
    fail(`Is ${q(shown)} the estimate? Nothing was offered. Say \`est ${unescapeSlack(shown)}\` for the estimate or \`due ${unescapeSlack(shown)}\` for the due time. ${quoteIt}`, example);
  }
  const meant = nearMiss(tok.lower, [...(filled.estimate === undefined ? ['estimate'] : []), ...(filled.dueMs === undefined ? ['due'] : [])]);
  if (meant !== undefined) fail(`${q(tok.raw)} isn't a word I know: did you mean ${meant}? Nothing was offered. ${quoteIt}`, example);
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
  week: parseWeek,
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
