import { nearest, parseCommand, SUBCOMMANDS, tokenize, USAGE } from '../../src/core/grammar';
import type { Command, ParseContext, ParseError } from '../../src/core/types';
import { NETWORKS } from '../../src/core/types';

// Thursday 2026-11-26, 16:00 in Berlin.
const ctx: ParseContext = { nowMs: Date.UTC(2026, 10, 26, 15, 0), zone: 'Europe/Berlin' };
const at = (iso: string) => Date.parse(iso);

function command(text: string, c: ParseContext = ctx): Command {
  const result = parseCommand(text, c);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(text)} to parse, got: ${result.error.message}`);
  return result.command;
}

function refusal(text: string, c: ParseContext = ctx): ParseError {
  const result = parseCommand(text, c);
  if (result.ok) throw new Error(`expected ${JSON.stringify(text)} to be refused, got ${JSON.stringify(result.command)}`);
  return result.error;
}

describe('tokenize', () => {
  it('keeps Slack markup with spaces in its label as one token, with offsets into the text', () => {
    expect(tokenize(' log  <@U123|Dana Smith> <https://x.com/a|x dot com> hi').map((t) => [t.raw, t.start])).toEqual([
      ['log', 1],
      ['<@U123|Dana Smith>', 6],
      ['<https://x.com/a|x dot com>', 25],
      ['hi', 53],
    ]);
  });
});

describe('every row of the command table', () => {
  it.each<[string, Command]>([
    ['', { type: 'week' }],
    ['   ', { type: 'week' }],
    ['week', { type: 'week' }],
    ['WEEK', { type: 'week' }],
    ['log 30m', { type: 'log', minutes: 30, kind: 'other', date: '2026-11-26' }],
    [
      'log 30m reply linkedin yesterday great thread',
      { type: 'log', minutes: 30, kind: 'respond', network: 'linkedin', date: '2026-11-25', note: 'great thread' },
    ],
    ['undo', { type: 'undo' }],
    ['budget', { type: 'budget' }],
    ['budget <@U123ABC|dana> 3h', { type: 'budget-set', userId: 'U123ABC', minutes: 180 }],
    ['budget 2h30m <@U123ABC>', { type: 'budget-set', userId: 'U123ABC', minutes: 150 }],
    ['hours 40', { type: 'hours', hours: 40 }],
    ['hours 37.5', { type: 'hours', hours: 37.5 }],
    ['hours 20h', { type: 'hours', hours: 20 }],
    ['pause', { type: 'pause' }],
    ['pause until monday', { type: 'pause', until: '2026-11-30' }],
    ['pause until thursday', { type: 'pause', until: '2026-12-03' }],
    ['pause until tomorrow', { type: 'pause', until: '2026-11-27' }],
    ['pause until today', { type: 'pause', until: '2026-11-26' }],
    ['pause until 2026-12-24', { type: 'pause', until: '2026-12-24' }],
    ['pause friday', { type: 'pause', until: '2026-11-27' }],
    ['pause 5d', { type: 'pause', until: '2026-12-01' }],
    ['pause 1d', { type: 'pause', until: '2026-11-27' }],
    ['pause 365d', { type: 'pause', until: '2027-11-26' }],
    ['pause until 2027-11-26', { type: 'pause', until: '2027-11-26' }],
    ['resume', { type: 'resume' }],
    ['checkin 16:30', { type: 'checkin', time: '16:30' }],
    ['checkin 9:05 mon-fri', { type: 'checkin', time: '09:05', days: [1, 2, 3, 4, 5] }],
    ['checkin 08:00 mon,wed,fri', { type: 'checkin', time: '08:00', days: [1, 3, 5] }],
    ['checkin 08:00 mon wed', { type: 'checkin', time: '08:00', days: [1, 3] }],
    ['checkin 17:00 daily', { type: 'checkin', time: '17:00', days: [1, 2, 3, 4, 5, 6, 7] }],
    ['checkin off', { type: 'checkin-off' }],
    ['nudges on', { type: 'nudges', on: true }],
    ['nudges OFF', { type: 'nudges', on: false }],
    ['team', { type: 'team' }],
    ['assign <https://x.com/p/1>', { type: 'assign', link: 'https://x.com/p/1' }],
    ['assign <@U123ABC> <https://x.com/p/1>', { type: 'assign', userId: 'U123ABC', link: 'https://x.com/p/1' }],
    [
      'assign <@U123ABC|dana> <https://x.com/p/1> est 20m due tomorrow answer the pricing question',
      {
        type: 'assign', userId: 'U123ABC', link: 'https://x.com/p/1', estimate: 20,
        dueMs: at('2026-11-27T16:00:00Z'), brief: 'answer the pricing question',
      },
    ],
    ['assignments', { type: 'assignments' }],
    ['privacy', { type: 'privacy' }],
    ['privacy share-strain on', { type: 'privacy-share-strain', on: true }],
    ['privacy share-strain off', { type: 'privacy-share-strain', on: false }],
    ['admin manager <@U111AAA|dana> <@U222BBB|sam>', { type: 'admin-manager', employeeId: 'U111AAA', managerId: 'U222BBB' }],
    ['admin role <@U111AAA> lead', { type: 'admin-role', userId: 'U111AAA', role: 'lead' }],
    ['admin role admin <@U111AAA>', { type: 'admin-role', userId: 'U111AAA', role: 'admin' }],
    ['admin role <@U111AAA> NONE', { type: 'admin-role', userId: 'U111AAA', role: 'none' }],
    ['admin settings', { type: 'admin-settings' }],
    ['admin settings Budget_Percent 12', { type: 'admin-settings-set', key: 'budget_percent', value: '12' }],
    ['admin settings quiet_hours 08:00 - 19:00  Mon', { type: 'admin-settings-set', key: 'quiet_hours', value: '08:00 - 19:00  Mon' }],
    ['admin report', { type: 'admin-report' }],
    ['export', { type: 'export' }],
    ['help', { type: 'help' }],
    ['help log', { type: 'help', topic: 'log' }],
    ['help Admin Settings', { type: 'help', topic: 'admin settings' }],
    ['Admin REPORT', { type: 'admin-report' }],
  ])('reads %p', (text, expected) => {
    expect(command(text)).toEqual(expected);
  });
});

describe('log', () => {
  it.each([
    ['respond', 'respond'],
    ['reply', 'respond'],
    ['comment', 'comment'],
    ['share', 'share'],
    ['post', 'post'],
    ['create', 'post'],
    ['content', 'post'],
    ['monitor', 'monitor'],
    ['read', 'monitor'],
    ['listen', 'monitor'],
    ['other', 'other'],
    ['REPLY', 'respond'],
  ])('takes the kind word %p as %p', (word, kind) => {
    expect(command(`log 15m ${word}`)).toMatchObject({ kind });
  });

  it.each<[string, string]>([...NETWORKS.filter((n) => n !== 'other').map((n): [string, string] => [n, n]), ['twitter', 'x'], ['LinkedIn', 'linkedin']])(
    'takes the network word %p as %p',
    (word, network) => {
      expect(command(`log 15m ${word}`)).toMatchObject({ network, kind: 'other' });
    },
  );

  it('reads the first `other` as the kind and a second as the network', () => {
    expect(command('log 15m other other')).toMatchObject({ kind: 'other', network: 'other' });
    expect(command('log 15m reply other')).toMatchObject({ kind: 'respond', network: 'other' });
  });

  it.each([
    ['log 30m yesterday linkedin reply', { kind: 'respond', network: 'linkedin', date: '2026-11-25' }],
    ['log 30m <https://x.com/1> x comment monday', { kind: 'comment', network: 'x', date: '2026-11-23', link: 'https://x.com/1' }],
    ['log 30m linkedin 2026-11-20 share', { kind: 'share', network: 'linkedin', date: '2026-11-20' }],
  ])('accepts kind, network, date and link in any order: %p', (text, fields) => {
    expect(command(text)).toMatchObject(fields);
  });

  it.each([
    ['today', '2026-11-26'],
    ['yesterday', '2026-11-25'],
    ['thursday', '2026-11-26'],
    ['thu', '2026-11-26'],
    ['monday', '2026-11-23'],
    ['fri', '2026-11-20'],
    ['sun', '2026-11-22'],
    ['2026-11-12', '2026-11-12'],
    ['2026-11-26', '2026-11-26'],
  ])('resolves the date %p to %s (a weekday means the most recent one, today included)', (word, date) => {
    expect(command(`log 20m ${word}`)).toMatchObject({ date });
  });

  it('defaults the date to today in the person’s own zone', () => {
    const lateEvening = { nowMs: at('2026-11-27T03:00:00Z'), zone: 'America/New_York' };
    expect(command('log 10m', lateEvening)).toMatchObject({ date: '2026-11-26' });
    expect(command('log 10m', { ...lateEvening, zone: 'Asia/Kolkata' })).toMatchObject({ date: '2026-11-27' });
  });

  it.each([
    ['log 30m reply thanked her for the intro', 'thanked her for the intro'],
    ['log 30m reply comment on her post', 'comment on her post'],
    ['log 30m linkedin x thread', 'x thread'],
    ['log 30m today yesterday was busier', 'yesterday was busier'],
    ['log 30m  Great   thread, <@U123ABC> liked it  ', 'Great   thread, <@U123ABC> liked it'],
    ['log 30m reply <https://a.com/1> <https://b.com/2> both threads', '<https://b.com/2> both threads'],
    ['log 30m @dana asked me', '@dana asked me'],
  ])('keeps the note verbatim from the first unrecognised token: %p', (text, note) => {
    expect(command(text)).toMatchObject({ note });
  });

  it('accepts a note of exactly 500 characters', () => {
    expect(command(`log 30m ${'n'.repeat(500)}`)).toMatchObject({ note: 'n'.repeat(500) });
  });

  it.each([
    ['<https://www.linkedin.com/feed/update/123>', 'https://www.linkedin.com/feed/update/123'],
    ['<https://x.com/a/status/1|x.com/a/status/1>', 'https://x.com/a/status/1'],
    ['<https://x.com/a|a label with spaces>', 'https://x.com/a'],
    ['<https://x.com/search?q=a&amp;f=live>', 'https://x.com/search?q=a&f=live'],
    ['https://example.com/post', 'https://example.com/post'],
    ['http://example.com', 'http://example.com'],
    ['HTTPS://Example.com/A', 'HTTPS://Example.com/A'],
  ])('takes the link %p as %p', (token, link) => {
    expect(command(`log 30m ${token} note`)).toMatchObject({ link, note: 'note' });
  });

  it.each([1, 720])('accepts %p minutes, the ends of the range', (minutes) => {
    expect(command(`log ${minutes}`)).toMatchObject({ minutes });
  });
});

describe('mentions', () => {
  it.each([
    ['<@U123ABC|dana>', 'U123ABC'],
    ['<@U123ABC>', 'U123ABC'],
    ['<@W0ENTERPRISE>', 'W0ENTERPRISE'],
    ['<@U123ABC|Dana Smith>', 'U123ABC'],
  ])('reads %p as the user %p', (mention, userId) => {
    expect(command(`budget ${mention} 2h`)).toEqual({ type: 'budget-set', userId, minutes: 120 });
  });
});

describe('assign due times, resolved in the lead’s zone', () => {
  it.each([
    ['2h', '2026-11-26T17:00:00Z'],
    ['90m', '2026-11-26T16:30:00Z'],
    ['1h30m', '2026-11-26T16:30:00Z'],
    ['today', '2026-11-26T16:00:00Z'],
    ['tomorrow', '2026-11-27T16:00:00Z'],
    ['friday', '2026-11-27T16:00:00Z'],
    ['thursday', '2026-12-03T16:00:00Z'],
    ['2026-12-01', '2026-12-01T16:00:00Z'],
    ['2026-12-01 10:00', '2026-12-01T09:00:00Z'],
    ['2026-12-01T10:00', '2026-12-01T09:00:00Z'],
    ['18:00', '2026-11-26T17:00:00Z'],
    ['9:00', '2026-11-27T08:00:00Z'],
    ['720h', '2026-12-26T15:00:00Z'],
  ])('reads `due %s` as %s', (when, instant) => {
    expect(command(`assign <https://x.com/1> due ${when}`)).toEqual({ type: 'assign', link: 'https://x.com/1', dueMs: at(instant) });
  });

  it('takes a brief after a due date with a time, and options in any order', () => {
    expect(command('assign due 2026-12-01 10:00 est 1h <https://x.com/1> <@U123ABC> please reply')).toEqual({
      type: 'assign', userId: 'U123ABC', link: 'https://x.com/1', estimate: 60, dueMs: at('2026-12-01T09:00:00Z'), brief: 'please reply',
    });
  });
});

describe('unknown subcommands', () => {
  it.each([
    ['lgo', 'log'],
    ['logs', 'log'],
    ['budgte', 'budget'],
    ['bugdet', 'budget'],
    ['assing', 'assign'],
    ['assignment', 'assignments'],
    ['chekin', 'checkin'],
    ['check-in', 'checkin'],
    ['priv', 'privacy'],
    ['halp', 'help'],
    ['undoo', 'undo'],
  ])('suggests %p → %p', (typo, suggestion) => {
    const error = refusal(`${typo} 30m`);
    expect(error.suggestion).toBe(suggestion);
    expect(error.message).toContain(`\`${typo}\``);
    expect(error.example).toBe(USAGE[suggestion].example);
  });

  it.each(['xyzzy', 'banana', 'ok'])('offers no suggestion for %p, only help', (word) => {
    const error = refusal(word);
    expect(error.suggestion).toBeUndefined();
    expect(error.message).toContain('/ballast help');
  });

  it('suggests the nearest admin command too', () => {
    expect(refusal('admin rle <@U123ABC> lead').suggestion).toBe('admin role');
  });

  it('lists nearest matches by prefix before edit distance', () => {
    expect(nearest('as', SUBCOMMANDS)).toBe('assign');
    expect(nearest('q', SUBCOMMANDS)).toBeUndefined();
  });
});

describe('malformed input is refused with what was wrong and an example that works', () => {
  // Berlin, Thursday 2026-11-26 18:00: 17:00 has passed.
  const evening: ParseContext = { nowMs: Date.UTC(2026, 10, 26, 17, 0), zone: 'Europe/Berlin' };

  it.each<[string, string]>([
    ['log', 'how long'],
    ['log abc', '`abc` isn\'t a duration'],
    ['log reply 30m', '`reply` isn\'t a duration'],
    ['log -5m', '`-5m` isn\'t a duration'],
    ['log 1:75', '`1:75` isn\'t a duration'],
    ['log 0', 'at least 1 minute'],
    ['log 0m reply', 'at least 1 minute'],
    ['log 13h', 'A single entry is at most 12 hours'],
    ['log 721', 'A single entry is at most 12 hours'],
    ['log 30m tomorrow', '`tomorrow` is in the future'],
    ['log 30m 2026-11-27', '`2026-11-27` is in the future'],
    ['log 30m 2026-11-11', 'more than 14 days back'],
    ['log 30m 2025-11-26', 'more than 14 days back'],
    ['log 30m 2026-02-30', '`2026-02-30` isn\'t a real date'],
    ['log 30m 2026-13-01', 'isn\'t a real date'],
    ['log 30m <mailto:dana@example.com|dana@example.com>', 'Only http and https links work'],
    ['log 30m <ftp://files.example.com/x>', 'isn\'t a web link'],
    ['log 30m ftp://files.example.com/x', 'isn\'t a web link'],
    ['log 30m <https://>', 'isn\'t a web link'],
    // One link limit everywhere (core/limits.ts): 1000, so an offer's link and brief fit one button value.
    [`log 30m <https://x.com/${'a'.repeat(1000)}>`, 'at most 1000'],
    [`log 30m ${'x'.repeat(501)}`, 'at most 500 characters'],
    ['budget @dana 3h', 'pick the person from the autocomplete'],
    ['budget 3h', 'whose budget'],
    ['budget <@U123ABC>', 'Say the weekly budget'],
    ['budget <@U123ABC> 10m', 'A weekly budget is 15 minutes to 40 hours'],
    ['budget <@U123ABC> 41h', '`41h` is outside that'],
    ['budget <@U123ABC> lots', '`lots`'],
    ['budget <@U123ABC> <@U456DEF> 2h', 'one person'],
    ['budget <@u123abc> 2h', 'doesn\'t look like a person'],
    ['budget <@B123> 2h', 'doesn\'t look like a person'],
    ['hours', 'how many hours'],
    ['hours lots', '`lots` isn\'t a number of hours'],
    ['hours 0', '1 to 80'],
    ['hours 81', '`81` is outside that'],
    ['hours 40 please', '`please`'],
    ['pause until', 'until when'],
    ['pause until someday', '`someday` isn\'t a date'],
    ['pause until yesterday', 'in the past'],
    ['pause until 2026-11-01', '`2026-11-01` is in the past'],
    ['pause until 2027-11-27', 'at most 365 days'],
    ['pause 0d', '1 to 365 days'],
    ['pause 400d', '`400d` is outside that'],
    ['pause 5d please', '`please`'],
    ['checkin', 'check-in time'],
    ['checkin 25:00', '`25:00` isn\'t a time'],
    ['checkin 4pm', '`4pm` isn\'t a time'],
    ['checkin 16:30 someday', '`someday` isn\'t a set of days'],
    ['checkin off now', '`now`'],
    ['nudges', 'on or off'],
    ['nudges maybe', '`maybe` isn\'t on or off'],
    ['undo everything', '`everything`'],
    ['week next', '`next`'],
    ['team now', '`now`'],
    ['assign', 'paste a link'],
    ['assign <@U123ABC> please reply <https://x.com/1>', 'put the link to it before the brief'],
    ['assign @dana <https://x.com/1>', 'pick the person from the autocomplete'],
    ['assign <https://x.com/1> est', 'after `est`'],
    ['assign <https://x.com/1> est soon', '`soon` isn\'t a duration'],
    ['assign <https://x.com/1> est 13h', 'An estimate is 1 minute to 12 hours'],
    ['assign <https://x.com/1> due', 'when it is due'],
    ['assign <https://x.com/1> due whenever', '`whenever` isn\'t a due time'],
    ['assign <https://x.com/1> due 17', '`17` isn\'t a due time'],
    ['assign <https://x.com/1> due 2026-11-20', '`2026-11-20` is in the past'],
    ['assign <https://x.com/1> due 2026-11-26 09:00', '`2026-11-26 09:00` is in the past'],
    ['assign <https://x.com/1> due 2026-12-27', 'more than 30 days away'],
    ['assign <https://x.com/1> due 721h', 'more than 30 days away'],
    ['assign <https://x.com/1> due 2026-02-30', 'isn\'t a real date'],
    ['assign <mailto:a@b.co> please', 'isn\'t a web link'],
    ['privacy everything', '`everything`'],
    ['privacy share-strain', 'on or off'],
    ['privacy share-strain yes', '`yes` isn\'t on or off'],
    ['admin', 'Which admin command'],
    ['admin manager <@U111AAA>', 'Mention the employee, then their manager'],
    ['admin manager @dana @sam', 'pick the person from the autocomplete'],
    ['admin manager <@U111AAA> <@U111AAA>', 'their own manager'],
    ['admin manager <@U111AAA> <@U222BBB> <@U333CCC>', 'Mention the employee, then their manager'],
    ['admin role <@U111AAA>', 'lead, admin or none'],
    ['admin role <@U111AAA> boss', '`boss`'],
    ['admin role lead', 'Mention the person'],
    ['admin settings budget_percent', 'Give a value for `budget_percent`'],
    ['admin report now', '`now`'],
    ['admin frobnicate', '`frobnicate` isn\'t an admin command'],
  ])('refuses %p, saying %p', (text, fragment) => {
    const error = refusal(text);
    expect(error.message).toContain(fragment);
    expect(error.example).toMatch(/^\/ballast \S/);
  });

  it('refuses `due today` once 17:00 has passed, and offers alternatives', () => {
    expect(refusal('assign <https://x.com/1> due today', evening).message).toContain('already past 17:00 today');
  });

  it('gives examples that themselves parse', () => {
    for (const [key, usage] of Object.entries(USAGE)) {
      const text = usage.example.replace(/^\/ballast ?/, '').replace(/@dana/g, '<@U111AAA|dana>').replace(/@sam/g, '<@U222BBB|sam>');
      expect([key, parseCommand(text, ctx).ok]).toEqual([key, true]);
    }
  });
});
