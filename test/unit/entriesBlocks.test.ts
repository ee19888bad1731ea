// The entry builders (list, App Home, edit modal, confirmations) and App Home's week bounds.
import type { Entry } from '../../src/core/model';
import { shownWeek } from '../../src/core/history';
import { summarizeWeek } from '../../src/core/week';
import {
  MAX_LISTED, editEntryModal, pageStart, editedView, entriesReply, entryBlocks, homeEntryBlocks, loggedMessage, readEditMetadata, undoneReply,
} from '../../src/slack/blocks/entries';
import { homeView } from '../../src/slack/blocks/home';
import { durationText } from '../../src/slack/blocks/logModal';
import { loggedBlocks } from '../../src/slack/blocks/week';
import { ACTIONS, LOG_MODAL as F, VIEWS } from '../../src/slack/ids';
import { buttonsOf, textOf } from '../support/assignments';
import { validateMessage, validateView } from '../support/blockKit';

const LONG_NOTE = `<b>&${'answered a customer about pricing & tiers. '.repeat(14)}`.slice(0, 500);
const LONG_LINK = `https://www.linkedin.com/feed/update/${'x'.repeat(1950)}`;

function entry(id: number, o: Partial<Entry> = {}): Entry {
  return {
    id, personId: 'U200ADA', minutes: 90, kind: 'comment', network: 'mastodon', link: LONG_LINK, note: LONG_NOTE, date: '2026-11-24',
    weekKey: '2026-W48', source: 'command', assignmentId: null, createdAt: 0, ...o,
  };
}

const week = summarizeWeek({
  today: '2026-11-26', entries: [{ date: '2026-11-24', kind: 'comment', minutes: 200 }],
  budget: { minutes: 240, source: 'default', setBy: null, setAt: null, weeklyHours: 40, budgetPercent: 10 },
  previousWeekMinutes: 0, strainBackWeeksOfLast3: 0,
});
const many = Array.from({ length: 40 }, (_, i) => entry(i + 1));
const okMessage = (m: unknown) => expect(validateMessage(m as Record<string, unknown>).problems).toEqual([]);

describe('entry blocks with the longest notes and links', () => {
  it('the /ballast entries list stays inside a message\'s limits however many entries there are', () => {
    for (const n of [0, 1, MAX_LISTED, 40]) okMessage(entriesReply(many.slice(0, n), { notice: 'Deleted something.' }));
    const reply = entriesReply(many);
    expect(buttonsOf(reply.blocks).filter((b) => b.action_id === ACTIONS.entryEdit)).toHaveLength(MAX_LISTED);
    expect(textOf(reply)).toContain('1–20 of 40');
    expect(buttonsOf(reply.blocks).filter((b) => b.action_id === ACTIONS.entriesOlder).map((b) => b.value)).toEqual(['20']);
    const second = entriesReply(many, { start: 20 });
    okMessage(second);
    expect(buttonsOf(second.blocks).filter((b) => b.action_id === ACTIONS.entryEdit).map((b) => b.value)[0]).toBe('21');
    expect(buttonsOf(second.blocks).filter((b) => b.action_id === ACTIONS.entriesNewer).map((b) => b.value)).toEqual(['0']);
    expect(buttonsOf(second.blocks).some((b) => b.action_id === ACTIONS.entriesOlder)).toBe(false);
  });

  it('each entry has Edit and a danger Delete with a confirm dialog naming the entry without its note', () => {
    const [, buttons] = entryBlocks(entry(7, { minutes: 25, kind: 'respond', network: 'linkedin', date: '2026-11-20' })) as [unknown, { elements: Record<string, unknown>[] }];
    const [edit, del] = buttons.elements;
    expect(edit).toEqual(expect.objectContaining({ action_id: ACTIONS.entryEdit, value: '7' }));
    expect(del).toEqual(expect.objectContaining({ action_id: ACTIONS.entryDelete, value: '7', style: 'danger' }));
    const confirm = del.confirm as Record<string, { text: string }>;
    expect(confirm.text.text).toBe('25m replying on linkedin for Fri 20 Nov will be removed from your week. This cannot be undone.');
    expect(confirm.text.text).not.toContain('pricing');
  });

  it('App Home shows at most the newest five and points to the rest', () => {
    const blocks = homeEntryBlocks(many);
    expect(buttonsOf(blocks).filter((b) => b.action_id === ACTIONS.entryDelete).map((b) => b.value)).toEqual(['1', '2', '3', '4', '5']);
    expect(textOf({ blocks })).toContain('35 more in the last 14 days');
    expect(textOf({ blocks: homeEntryBlocks([]) })).toContain('Nothing logged in the last 14 days');
  });

  it('App Home with entries, history arrows and big role sections stays inside a view\'s 100 blocks', () => {
    const section = Array.from({ length: 45 }, () => ({ type: 'divider' as const }));
    const view = homeView({ week, shown: shownWeek('2026-11-16', '2026-11-26'), recent: many, sections: [section, section, section] });
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(validateView(view)).toEqual([]);
  });

  it('the confirmations carry Undo for exactly their entry', () => {
    const e = entry(12);
    for (const blocks of [loggedBlocks(e, week), loggedMessage(e, week).blocks]) {
      expect(buttonsOf(blocks)).toEqual([expect.objectContaining({ text: 'Undo', action_id: ACTIONS.entryUndo, value: '12' })]);
      okMessage({ blocks });
    }
    okMessage(undoneReply(e, week));
    expect(textOf(undoneReply(e, week))).toContain('Removed 1h 30m commenting on mastodon for Tue 24 Nov');
    expect(buttonsOf(undoneReply(e, week).blocks)).toEqual([]);
  });

  it('the edit modal is the log modal prefilled, under its own callback id, and its saved view is valid', () => {
    const modal = editEntryModal(entry(3), '2026-11-26');
    expect(validateView(modal)).toEqual([]);
    expect(modal.callback_id).toBe(VIEWS.editEntry);
    expect(modal.private_metadata).toBe('3');
    const el = (id: string) => (modal.blocks.find((b) => b.block_id === id) as unknown as { element: Record<string, unknown> }).element;
    expect(el(F.minutesBlock).initial_value).toBe('1h30m');
    expect(el(F.noteBlock).initial_value).toBe(LONG_NOTE);
    expect(el(F.linkBlock).initial_value).toBe(LONG_LINK);
    // An entry without network, link or note leaves those fields empty rather than sending empty values.
    const bare = editEntryModal(entry(4, { network: null, link: null, note: null }), '2026-11-26');
    expect(validateView(bare)).toEqual([]);
    const bareEl = (id: string) => (bare.blocks.find((b) => b.block_id === id) as unknown as { element: Record<string, unknown> }).element;
    expect(bareEl(F.networkBlock).initial_option).toBeUndefined();
    expect(bareEl(F.linkBlock).initial_value).toBeUndefined();
    expect(bareEl(F.noteBlock).initial_value).toBeUndefined();
    expect((el(F.networkBlock).initial_option as { value: string }).value).toBe('mastodon');
    expect(validateView(editedView(entry(3), week))).toEqual([]);
  });
});

it.each([
  ['3', 3], ['12345', 12345], ['', null], ['0', null], ['-1', null], ['1e3', null], ['3 ', null], ['{"id":3}', null], ['99999999999999999', null],
])('reads edit metadata %j as %p', (metadata, id) => {
  expect(readEditMetadata(metadata)).toBe(id);
});

it.each([
  [0, 45, 0], [20, 45, 20], [39, 45, 20], [40, 45, 40], [60, 45, 40], [-5, 45, 0], [Number.NaN, 45, 0], [1e30, 45, 0], [20, 20, 0], [0, 0, 0],
])('a page asked to start at %p of %p entries starts at %p', (requested, total, start) => {
  expect(pageStart(requested, total)).toBe(start);
});

it.each([
  [1, '1m'], [45, '45m'], [60, '1h'], [90, '1h30m'], [720, '12h'],
])('prefills %i minutes as %s', (m, text) => {
  expect(durationText(m)).toBe(text);
});

describe('the week App Home shows', () => {
  const TODAY = '2026-11-26'; // Thursday; its week starts Mon 23 Nov.
  it.each([
    [undefined, '2026-11-23', '2026-11-16', null],
    ['2026-11-23', '2026-11-23', '2026-11-16', null],
    ['2026-11-19', '2026-11-16', '2026-11-09', '2026-11-23'],
    ['2026-10-05', '2026-10-05', '2026-09-28', '2026-10-12'],
    // Eight weeks back is the bound.
    ['2026-09-28', '2026-09-28', null, '2026-10-05'],
    ['2026-09-27', '2026-09-28', null, '2026-10-05'],
    ['2020-01-01', '2026-09-28', null, '2026-10-05'],
    // Never into the future.
    ['2026-11-30', '2026-11-23', '2026-11-16', null],
    ['2099-01-01', '2026-11-23', '2026-11-16', null],
    ['garbage', '2026-11-23', '2026-11-16', null],
    ['2026-02-30', '2026-11-23', '2026-11-16', null],
  ])('for %s: the week of %s, earlier %s, later %s', (requested, start, earlier, later) => {
    expect(shownWeek(requested, TODAY)).toEqual({ start, earlier, later, current: later === null });
  });
});
