// The one grammar for durations and dates: every form DESIGN.md lists, read the same in the command and the modals,
// and every way a word could be mistaken for the start of a note asked about instead.
import { parseCommand } from '../../src/core/grammar';
import { readDate } from '../../src/core/dates';
import { readDuration, readDurationText } from '../../src/core/duration';
import { nearMiss } from '../../src/core/fuzzy';
import { parseEstimateText } from '../../src/core/assignment';
import { readEntryMinutes, validateLogForm } from '../../src/core/logForm';
import { isOpen, MAX_BRIEF_CHARS, MAX_LINK_CHARS, OPEN_STATES, OPEN_STATES_SQL } from '../../src/core/limits';
import { quoteInput, unescapeSlack } from '../../src/core/slackText';
import { encodeOffer } from '../../src/slack/blocks/assignment';
import type { AssignmentState } from '../../src/core/model';
import type { Command, ParseContext, ParseError } from '../../src/core/types';

// Thursday 2026-11-26, 16:00 in Berlin.
const ctx: ParseContext = { nowMs: Date.UTC(2026, 10, 26, 15, 0), zone: 'Europe/Berlin' };
// Thursday 2026-12-03, early December, for `1 Dec` and `Dec 1`.
const december: ParseContext = { nowMs: Date.UTC(2026, 11, 3, 10, 0), zone: 'Europe/Berlin' };

function command(text: string, c: ParseContext = ctx): Command {
  const r = parseCommand(text, c);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(text)} to parse, got: ${r.error.message}`);
  return r.command;
}

function refusal(text: string, c: ParseContext = ctx): ParseError {
  const r = parseCommand(text, c);
  if (r.ok) throw new Error(`expected ${JSON.stringify(text)} to be refused, got ${JSON.stringify(r.command)}`);
  return r.error;
}

describe('durations in /ballast log, one word or several', () => {
  it.each<[string, number, Partial<Extract<Command, { type: 'log' }>>]>([
    ['log 30m', 30, {}],
    ['log 30min', 30, {}],
    ['log 45 min comment', 45, { kind: 'comment' }],
    ['log 90 mins', 90, {}],
    ['log 1h', 60, {}],
    ['log 1 hour reply', 60, { kind: 'respond' }],
    ['log 1 Hour Reply', 60, { kind: 'respond' }],
    ['log 1.5 hours', 90, {}],
    ['log 2 hrs share', 120, { kind: 'share' }],
    ['log 1h30m', 90, {}],
    ['log 1h 30m', 90, {}],
    ['log 1 hour 30 minutes reply', 90, { kind: 'respond' }],
    ['log 1 hour and 30 minutes', 90, {}],
    ['log 1 hr 5 min post', 65, { kind: 'post' }],
    ['log 1.5h', 90, {}],
    ['log 1:30', 90, {}],
    ['log 45', 45, {}],
    ['log 45 reply', 45, { kind: 'respond' }],
    ['log 12 hours', 720, {}],
    ['log 1 hour and then some', 60, { note: 'and then some' }],
    ['log 30 m linkedin', 30, { network: 'linkedin' }],
  ])('reads %p as %p minutes', (text, minutes, fields) => {
    expect(command(text)).toMatchObject({ type: 'log', minutes, ...fields });
  });

  it('never reads `1 hour reply` as 1 minute with the note "hour reply"', () => {
    expect(command('log 1 hour reply')).toEqual({ type: 'log', minutes: 60, kind: 'respond', date: '2026-11-26' });
  });

  it.each<[string, string]>([
    ['log 30 45', 'part of how long'],
    ['log 1 hour 30 reply', 'part of how long'],
    ['log 1h 30', 'part of how long'],
    ['log 30m 15m', 'Two durations'],
    ['log 30m reply 2 hours', 'Two durations'],
    ['log 2.5m', 'whole minutes'],
    ['log 1.5', 'has no unit'],
    ['log 0.01h', 'whole minutes'],
    ['log 1 hour 75 minutes', 'up to 59 minutes'],
    ['log 1.5 hours 30 minutes', 'up to 59 minutes'],
    ['log 1 huor reply', 'did you mean 1 hour?'],
    ['log 30 minuets', 'did you mean 30 minutes?'],
    ['log 2 hours ago', 'says when, not how long'],
    ['log 3 days ago 30m', 'a log starts with how long'],
    ['log 13 hours', 'at most 12 hours'],
    ['log 0 min', 'no time at all'],
  ])('asks about %p instead of guessing (%s) and logs nothing', (text, fragment) => {
    const e = refusal(text);
    expect(e.message).toContain(fragment);
    expect(e.example).toMatch(/^\/ballast /);
  });
});

describe('dates in /ballast log', () => {
  it.each([
    ['log 30m reply linkedin last friday', '2026-11-20'],
    ['log 30m last thursday', '2026-11-19'],
    ['log 30m thursday', '2026-11-26'],
    ['log 30m last mon', '2026-11-23'],
    ['log 30m 3 days ago', '2026-11-23'],
    ['log 30m 1 day ago', '2026-11-25'],
    ['log 30m 0 days ago', '2026-11-26'],
    ['log 30m 14 days ago', '2026-11-12'],
    ['log 30m 20 nov', '2026-11-20'],
    ['log 30m Nov 20', '2026-11-20'],
    ['log 30m nov 20th', '2026-11-20'],
    ['log 30m 2026-11-20', '2026-11-20'],
  ])('reads %p as dated %s', (text, date) => {
    expect(command(text)).toMatchObject({ date });
  });

  it.each([
    ['log 30m 1 Dec', '2026-12-01'],
    ['log 30m Dec 1', '2026-12-01'],
    ['log 30m 1st december reply', '2026-12-01'],
    ['log 30m 3 dec', '2026-12-03'],
    ['log 30m 30 nov', '2026-11-30'],
  ])('reads %p in early December as %s, the most recent such day', (text, date) => {
    expect(command(text, december)).toMatchObject({ date });
  });

  it('reads the date words in any order with kind, network, link and a note', () => {
    expect(command('log 1 hour last friday <https://x.com/1> linkedin reply great thread')).toEqual({
      type: 'log', minutes: 60, kind: 'respond', network: 'linkedin', date: '2026-11-20', link: 'https://x.com/1', note: 'great thread',
    });
  });

  it.each<[string, string, ParseContext]>([
    ['log 30m 15 days ago', 'more than 14 days back', ctx],
    ['log 30m 4 dec', 'more than 14 days back', december],
    ['log 30m 31 nov', "isn't a real date", ctx],
    ['log 30m last week', 'isn\'t one day', ctx],
    ['log 30m last fridya', 'did you mean last friday?', ctx],
    ['log 30m tomorrow', 'in the future', ctx],
  ])('refuses %p, saying %p', (text, fragment, c) => {
    expect(refusal(text, c).message).toContain(fragment);
  });
});

describe('a word a letter or two from a kind, network or date word', () => {
  it.each([
    ['log 20m replay linkedin', 'reply', '/ballast log 20m reply linkedin'],
    ['log 20m reply linkdin', 'linkedin', '/ballast log 20m reply linkedin'],
    ['log 20m reply lnikedin', 'linkedin', '/ballast log 20m reply linkedin'],
    ['log 20m replies to dana', 'reply', '/ballast log 20m reply to dana'],
    ['log 20m yesterdy', 'yesterday', '/ballast log 20m yesterday'],
    ['log 20m twiter comment', 'twitter', '/ballast log 20m twitter comment'],
    ['log 20m comments on her post', 'comment', '/ballast log 20m comment on her post'],
    ['log 20m replied to dana', 'reply', '/ballast log 20m reply to dana'],
    ['log 20m shared her post', 'share', '/ballast log 20m share her post'],
    ['log 20m raed the thread', 'read', '/ballast log 20m read the thread'],
    ['log 20m posts', 'post', '/ballast log 20m post'],
    ['log 20m fridy', 'friday', '/ballast log 20m friday'],
    ['log 20m Replay, then more', 'reply', '/ballast log 20m reply then more'],
  ])('asks about %p: did you mean %s?, and logs nothing', (text, meant, example) => {
    const e = refusal(text);
    expect(e.message).toContain(`did you mean ${meant}?`);
    expect(e.message).toContain('in quotes');
    expect(e.suggestion).toBe(meant);
    if (!text.includes(',')) expect(e.example).toBe(example);
  });

  it.each([
    'a', 'the', 'great', 'most', 'past', 'host', 'lost', 'head', 'lead', 'real', 'ready', 'red', 'road', 'thread', 'threads?',
    'context', 'contest', 'linked', 'others', 'mother', 'form', 'forms', 'shape', 'sharp', 'listed', "today's", 'toady', 'sundry',
    'blob', 'slog', 'response', 'reader', 'helped', 'answered', 'thanked', 'pricing', 'customer', 'webinar', 'launch',
    'bread', 'posh', 'pots', 'hare', 'otter', 'crate',
  ])('lets the ordinary word %p start a note', (word) => {
    expect(command(`log 20m ${word} and more`)).toMatchObject({ kind: 'other', note: `${word} and more` });
  });

  it('does not ask about a word for a slot already filled: a second kind word starts the note', () => {
    expect(command('log 20m reply commnet on it')).toMatchObject({ kind: 'respond', note: 'commnet on it' });
    expect(command('log 20m linkedin reply twiter thread')).toMatchObject({ network: 'linkedin', note: 'twiter thread' });
  });

  it.each([
    ['log 20m "replay of the webinar"', { note: 'replay of the webinar' }],
    ['log 20m “reply guy” linkedin', { note: 'reply guy', network: 'linkedin' }],
    ['log 20m linkedin "yesterday’s thread, again"', { network: 'linkedin', note: 'yesterday’s thread, again' }],
    ['log 20m reply "30 people asked"', { kind: 'respond', note: '30 people asked' }],
    ['log 20m "unclosed quote runs on', { note: 'unclosed quote runs on' }],
  ])('takes a quoted note that may start with any word: %p', (text, fields) => {
    expect(command(text)).toMatchObject(fields);
  });

  it('keeps a note that merely starts with a quoted phrase whole, quotes and all', () => {
    expect(command('log 20m "great" thread')).toMatchObject({ kind: 'other', note: '"great" thread' });
    expect(command('log 20m reply "Great post" linkedin she said')).toMatchObject({ kind: 'respond', note: '"Great post" linkedin she said' });
    expect(command('log 20m reply "Great post" linkedin she said')).not.toHaveProperty('network');
  });
});

describe('text as the person typed it', () => {
  it.each([
    ['R&amp;D &lt;b&gt;bold&lt;/b&gt;', 'R&D <b>bold</b>'],
    ['&amp;lt; stays as typed', '&lt; stays as typed'],
    ['"quoted" and \'single\' 🎉 :tada:', '"quoted" and \'single\' 🎉 :tada:'],
    ['Tom &amp; Jerry &gt; Itchy', 'Tom & Jerry > Itchy'],
    ['asked <@U123ABC> about <https://x.com/a|this>', 'asked <@U123ABC> about <https://x.com/a|this>'],
  ])('stores the note %p as %p', (typed, note) => {
    expect(command(`log 20m reply ${typed}`)).toMatchObject({ note });
  });

  it('unescapes a quoted note and an assignment brief the same way', () => {
    expect(command('log 20m "Q&amp;A &lt;3"')).toMatchObject({ note: 'Q&A <3' });
    expect(command('assign <https://x.com/1> answer the Q&amp;A &lt;pricing&gt; 🙂')).toMatchObject({ brief: 'answer the Q&A <pricing> 🙂' });
    expect(command('assign <https://x.com/1> "20m of R&amp;D" est 20m')).toMatchObject({ brief: '20m of R&D', estimate: 20 });
  });

  it('counts a note’s length as typed, so 500 `&` characters fit', () => {
    expect(command(`log 20m ${'&amp;'.repeat(500)}`)).toMatchObject({ note: '&'.repeat(500) });
  });

  it.each([
    ['&amp;', '`&amp;`'],
    ['&lt;!channel&gt;', '`&lt;!channel&gt;`'],
    ['a`b', '"a`b"'],
  ])('quotes the input %p in a refusal escaped exactly once: %p', (raw, shown) => {
    expect(quoteInput(raw)).toBe(shown);
  });

  it('undoes Slack’s three escapes and nothing else', () => {
    expect(unescapeSlack('&amp;amp; &quot; &#39;')).toBe('&amp; &quot; &#39;');
  });
});

describe('assign: estimates and due times with the same duration words', () => {
  it.each<[string, Partial<Extract<Command, { type: 'assign' }>>]>([
    ['assign <https://x.com/1> est 1 hour 30 minutes please', { estimate: 90, brief: 'please' }],
    ['assign <https://x.com/1> est 45 min', { estimate: 45 }],
    ['assign <https://x.com/1> due 2 hours est 20m', { dueMs: ctx.nowMs + 120 * 60_000, estimate: 20 }],
  ])('reads %p', (text, fields) => {
    expect(command(text)).toMatchObject({ type: 'assign', link: 'https://x.com/1', ...fields });
  });

  it.each([
    ['assign <https://x.com/1> 20m answer her', 'Is `20m` the estimate?'],
    ['assign <https://x.com/1> 1 hour answer her', 'Is `1 hour` the estimate?'],
    ['assign <https://x.com/1> estimat 20m', 'did you mean estimate?'],
    ['assign <https://x.com/1> est 2.5m', 'whole minutes'],
  ])('asks about %p', (text, fragment) => {
    expect(refusal(text).message).toContain(fragment);
  });
});

describe('week history and entries', () => {
  it.each<[string, Command]>([
    ['week', { type: 'week' }],
    ['week last', { type: 'week', date: '2026-11-19' }],
    ['week Last Week', { type: 'week', date: '2026-11-19' }],
    ['week last friday', { type: 'week', date: '2026-11-20' }],
    ['week 2026-11-02', { type: 'week', date: '2026-11-02' }],
    ['week 3 weeks ago', { type: 'week', date: '2026-11-05' }],
    ['week 40 days ago', { type: 'week', date: '2026-10-17' }],
    ['week 1 nov', { type: 'week', date: '2026-11-01' }],
    ['week Dec 1', { type: 'week', date: '2025-12-01' }],
    ['week today', { type: 'week', date: '2026-11-26' }],
    ['week tomorrow', { type: 'week', date: '2026-11-27' }],
    ['week 2026-11-29', { type: 'week', date: '2026-11-29' }],
    ['week yesterday', { type: 'week', date: '2026-11-25' }],
    ['week 2025-01-01', { type: 'week', date: '2025-01-01' }],
    ['entries', { type: 'entries' }],
    ['ENTRIES', { type: 'entries' }],
  ])('reads %p', (text, expected) => {
    expect(command(text)).toEqual(expected);
  });

  it.each([
    ['week 2026-12-01', "a week that hasn't started yet"],
    ['week 2026-11-30', "a week that hasn't started yet"],
    ['week 2024-11-01', 'more than two years back'],
    ['week 2026-02-30', "isn't a real date"],
    ['week yesterdy', 'Did you mean yesterday?'],
    ['week next', '`next`'],
    ['week last friday please', '`please`'],
    ['entries all', '`all`'],
  ])('refuses %p, saying %p', (text, fragment) => {
    const e = refusal(text);
    expect(e.message).toContain(fragment);
    expect(e.example).toMatch(/^\/ballast /);
  });
});

describe('the modals read durations with the same grammar', () => {
  it.each<[string, number]>([
    ['30m', 30], ['45 min', 45], ['90 mins', 90], ['1 hour', 60], ['1.5 hours', 90], ['2 hrs', 120], ['1h30m', 90],
    ['1 hour 30 minutes', 90], ['1h 30', 90], ['1.5h', 90], ['1:30', 90], ['45', 45], ['  2 Hours  ', 120], ['12h', 720],
  ])('reads %p as %p minutes in the log, Done and check-in modals', (text, minutes) => {
    expect(readEntryMinutes(text)).toEqual({ ok: true, minutes });
    expect(validateLogForm({ minutes: text, kind: 'respond' }, '2026-11-26')).toMatchObject({ ok: true, value: { minutes } });
    expect(parseEstimateText(text)).toEqual({ ok: true, minutes });
  });

  it.each<[string | null, string]>([
    ['', 'How long'],
    [null, 'How long'],
    ['soon', "isn't a duration"],
    ['1 hour reply', "isn't a duration"],
    ['30 45', "isn't a duration"],
    ['2.5m', 'whole minutes'],
    ['0', 'at least 1 minute'],
    ['13h', 'at most 12 hours'],
    ['721', 'at most 12 hours'],
  ])('refuses %p in a minutes field, saying %p', (text, fragment) => {
    const r = readEntryMinutes(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toContain(fragment);
      expect(r.error.length).toBeLessThanOrEqual(150);
    }
  });

  it('gives the estimate field its default when empty, and the entry range otherwise', () => {
    expect(parseEstimateText('')).toEqual({ ok: true, minutes: 15 });
    expect(parseEstimateText('13 hours')).toEqual({ ok: false, error: 'An estimate is at most 12 hours.' });
  });
});

describe('the readers on their own', () => {
  it.each<[string[], number, ReturnType<typeof readDuration>]>([
    [['1', 'hour', 'reply'], 0, { ok: true, minutes: 60, used: 2, unit: true }],
    [['30', 'reply'], 0, { ok: true, minutes: 30, used: 1, unit: false }],
    [['reply'], 0, null],
    [['log', '2', 'h'], 1, { ok: true, minutes: 120, used: 2, unit: true }],
  ])('readDuration(%p, %p)', (words, i, expected) => {
    expect(readDuration(words, i)).toEqual(expected);
  });

  it.each<[string, string | null]>([
    ['friday', '2026-11-20'], ['last friday', '2026-11-20'], ['last thursday', '2026-11-19'], ['2 weeks ago', '2026-11-12'],
    ['29 feb', '2024-02-29'], ['feb 29 2027', null], ['feb 29 2028', '2028-02-29'], ['dec 25 2025', '2025-12-25'], ['may', null], ['may have', null], ['nothing', null],
  ])('readDate(%p) is %p', (text, date) => {
    const r = readDate(text.split(' '), 0, '2026-11-26');
    if (date === null) expect(r === null || !r.ok).toBe(true);
    else expect(r).toMatchObject({ ok: true, date });
  });

  it.each<[string, string | undefined]>([
    ['replay', 'reply'], ['linkdin', 'linkedin'], ['yesterdy', 'yesterday'], ['twiter', 'twitter'], ['raed', 'read'],
    ['the', undefined], ['great', undefined], ['most', undefined], ['linked', undefined], ['reply', undefined], ['x', undefined],
  ])('nearMiss(%p) over the log words is %p', (word, meant) => {
    const words = ['reply', 'respond', 'read', 'post', 'create', 'linkedin', 'twitter', 'x', 'yesterday', 'today'];
    expect(nearMiss(word, words)).toBe(meant);
  });

  it('reads durations in a whole field exactly, refusing leftovers', () => {
    expect(readDurationText('1 hour 30 minutes')).toEqual({ ok: true, minutes: 90 });
    expect(readDurationText('1 hour please').ok).toBe(false);
  });
});

describe('limits', () => {
  it.each<[AssignmentState, boolean]>([['offered', true], ['accepted', true], ['declined', false], ['done', false], ['expired', false]])(
    'an assignment %s is open: %s', (state, open) => {
      expect(isOpen({ state })).toBe(open);
      expect(OPEN_STATES.includes(state)).toBe(open);
    });

  it('builds the SQL list of open states from the same constant', () => {
    expect(OPEN_STATES_SQL).toBe("('offered', 'accepted')");
  });

  it('keeps the longest link and brief inside one 2000-character button value', () => {
    const value = encodeOffer({
      to: 'W0123456789ABCDEFGHIJ', estimate: 720, dueMs: 9_999_999_999_999, link: `https://x.com/${'a'.repeat(MAX_LINK_CHARS - 14)}`,
      brief: 'b'.repeat(MAX_BRIEF_CHARS),
    });
    expect(value.length).toBeLessThanOrEqual(2000);
  });

  it('uses the one link limit in the command, the log modal and assignments alike', () => {
    const link = `https://x.com/${'a'.repeat(MAX_LINK_CHARS - 14 + 1)}`;
    expect(refusal(`log 30m <${link}>`).message).toContain(`at most ${MAX_LINK_CHARS}`);
    expect(validateLogForm({ minutes: '30m', link }, '2026-11-26')).toMatchObject({ ok: false, errors: { link: expect.stringContaining(`${MAX_LINK_CHARS}`) } });
    expect(refusal(`assign <${link}>`).message).toContain(`at most ${MAX_LINK_CHARS}`);
  });
});
