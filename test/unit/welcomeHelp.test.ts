// The welcome, help and Messages-tab builders and filters, table by table.
import type { Person } from '../../src/core/model';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { BudgetInfo } from '../../src/core/week';
import { welcomeMessage } from '../../src/slack/blocks/welcome';
import { HELP_TOPICS, helpReply } from '../../src/slack/blocks/help';
import { commandTextOf, dmMessageOf } from '../../src/slack/listeners/events/message';
import { ACTIONS } from '../../src/slack/ids';
import { USAGE } from '../../src/core/usage';
import { buttonsOf, textOf } from '../support/assignments';
import { validateMessage } from '../support/blockKit';

const person = (o: Partial<Person> = {}): Person => ({
  id: 'U1ADA', teamId: 'T1', name: 'ada', realName: 'Ada', email: null, tz: 'Europe/Berlin', isBot: false, deleted: false, active: true,
  statusText: '', statusEmoji: '', statusExpiration: 0, weeklyHours: 40, budgetMinutes: null, budgetSetBy: null, budgetSetAt: null,
  role: 'none', managerId: null, checkinTime: null, checkinDays: [1, 2, 3, 4, 5], checkinEnabled: true, nudgesEnabled: true,
  paused: false, pausedUntil: null, shareStrain: false, refreshedAt: 0, createdAt: 0, ...o,
});
const budget = (o: Partial<BudgetInfo> = {}): BudgetInfo => ({ minutes: 240, source: 'default', setBy: null, setAt: null, weeklyHours: 40, budgetPercent: 10, ...o });
const NO_ROLES = { manager: false, lead: false, admin: false };

describe('welcomeMessage', () => {
  it.each([
    ['the default', budget(), '*4h a week* (the default: 10% of your 40 contracted hours)'],
    ['a part-timer default', budget({ minutes: 120, weeklyHours: 20 }), '*2h a week* (the default: 10% of your 20 contracted hours)'],
    ['set by a manager', budget({ minutes: 180, source: 'explicit', setBy: 'U9MGR' }), '*3h a week* (set for you by <@U9MGR>)'],
    ['set by a roster import', budget({ minutes: 90, source: 'explicit', setBy: null }), '*1h 30m a week* (set for you explicitly)'],
  ])('says how the budget was set: %s', (_name, b, expected) => {
    const m = welcomeMessage({ person: person(), budget: b, settings: DEFAULT_SETTINGS, roles: NO_ROLES });
    expect(textOf(m)).toContain(expected);
    expect(validateMessage(m as never)).toEqual({ problems: [] });
  });

  it('offers Log time, Set check-in time and Pause', () => {
    const m = welcomeMessage({ person: person(), budget: budget(), settings: DEFAULT_SETTINGS, roles: NO_ROLES });
    expect(buttonsOf(m.blocks).map((b) => [b.action_id, b.text])).toEqual([
      [ACTIONS.openLogModal, 'Log time'], [ACTIONS.openCheckinSettings, 'Set check-in time'], [ACTIONS.openPause, 'Pause'],
    ]);
  });

  it('names the check-in time, or says the check-in is off', () => {
    const on = welcomeMessage({ person: person({ checkinTime: '09:15' }), budget: budget(), settings: DEFAULT_SETTINGS, roles: NO_ROLES });
    expect(textOf(on)).toContain('09:15 (Europe/Berlin)');
    const off = welcomeMessage({ person: person({ checkinEnabled: false }), budget: budget(), settings: DEFAULT_SETTINGS, roles: NO_ROLES });
    expect(textOf(off)).toContain('Your daily check-in is off.');
  });
});

describe('helpReply', () => {
  it.each([
    [NO_ROLES, []],
    [{ manager: true, lead: false, admin: false }, ['As a manager']],
    [{ manager: false, lead: true, admin: false }, ['As a social lead']],
    [{ manager: true, lead: true, admin: true }, ['As a manager', 'As a social lead', 'As an admin']],
  ])('lists the sections a person with %j has, in order', (roles, sections) => {
    const r = helpReply(undefined, roles);
    const shown = textOf(r);
    const all = ['As a manager', 'As a social lead', 'As an admin'];
    for (const s of all) expect(shown.includes(s)).toBe(sections.includes(s));
    const at = sections.map((s) => shown.indexOf(s));
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(validateMessage(r as never)).toEqual({ problems: [] });
  });

  it.each(HELP_TOPICS)('answers "help %s" in blocks Slack accepts', (topic) => {
    const r = helpReply(topic, NO_ROLES);
    expect(textOf(r)).not.toContain("There's no help on");
    expect(validateMessage(r as never)).toEqual({ problems: [] });
  });

  it('gives every command in "help all" in blocks Slack accepts', () => {
    const r = helpReply('all', NO_ROLES);
    for (const k of Object.keys(USAGE).filter((k) => k !== 'admin')) expect(textOf(r)).toContain(USAGE[k].usage.split('  ')[0].replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    expect(validateMessage(r as never)).toEqual({ problems: [] });
  });

  it('clips a pasted paragraph as a topic', () => {
    const r = helpReply('x'.repeat(5000), NO_ROLES);
    expect(r.text.length).toBeLessThan(1000);
  });
});

describe('the Messages tab', () => {
  it.each([
    ['log 30m reply', 'log 30m reply'],
    ['/ballast log 30m reply', 'log 30m reply'],
    ['Ballast, week', 'week'],
    ['  Hi! ', 'help'],
    ['hello', 'help'],
    ['ballast', ''],
    ['ballasting 30m', 'ballasting 30m'],
  ])('reads %j as the command %j', (text, command) => expect(commandTextOf(text)).toBe(command));

  const base = { type: 'message', channel: 'D1ADA', channel_type: 'im', user: 'U1ADA', text: 'week', ts: '1.2' };
  it.each([
    ['a plain message in the DM', base, true],
    ['an edit', { ...base, subtype: 'message_changed' }, false],
    ['a file share', { ...base, subtype: 'file_share' }, false],
    ['a bot', { ...base, bot_id: 'B1' }, false],
    ['Ballast itself', { ...base, user: 'U0BOT' }, false],
    ['a channel message', { ...base, channel_type: 'channel' }, false],
    ['an empty text', { ...base, text: ' ' }, false],
  ])('answers %s: %s', (_name, event, answered) => expect(dmMessageOf(event, 'U0BOT') !== null).toBe(answered));
});
