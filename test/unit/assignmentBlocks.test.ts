// The assignment builders stay inside Slack's limits however long the links, briefs and lists get.
import type { Assignment, AssignmentState } from '../../src/core/model';
import {
  acceptWarning, assignModal, assigneeMessage, assignmentsReply, boardBlocks, doneModal, leadParent, leadUpdate,
  offeredReply, openAssignmentLines, overBudgetReply, reminderMessage, roomLine, slackExcerpt, suggestionsReply,
} from '../../src/slack/blocks/assignment';
import { weekBlocks } from '../../src/slack/blocks/week';
import { summarizeWeek } from '../../src/core/week';
import { validateMessage, validateView } from '../support/blockKit';

const NOW = Date.parse('2026-11-26T10:00:00Z');
const LONG_LINK = `https://www.linkedin.com/feed/update/${'x'.repeat(950)}`;
const LONG_BRIEF = `<b>&${'Tell them about pricing & tiers. '.repeat(14)}`.slice(0, 500);

function assignment(id: number, state: AssignmentState, o: Partial<Assignment> = {}): Assignment {
  return {
    id, leadId: 'U100LEAD', assigneeId: 'U200ADA', link: LONG_LINK, brief: LONG_BRIEF, estimateMinutes: 20, dueAt: NOW + 3_600_000,
    state, declineReason: state === 'declined' ? 'not_my_area' : null, doneMinutes: state === 'done' ? 25 : null, entryId: null,
    assigneeChannel: 'D1', assigneeTs: '1.1', leadChannel: 'D2', leadTs: '1.2', createdAt: NOW, updatedAt: NOW, ...o,
  };
}

const STATES: AssignmentState[] = ['offered', 'accepted', 'declined', 'done', 'expired'];
const many = Array.from({ length: 60 }, (_, i) => assignment(i + 1, STATES[i % 5]));
const ok = (m: unknown) => expect(validateMessage(m as Record<string, unknown>).problems).toEqual([]);

describe('assignment blocks with the longest inputs', () => {
  it.each(STATES)('the assignee message when %s', (state) => {
    ok(assigneeMessage(assignment(1, state), { zone: 'Europe/Berlin', overBudget: true }));
    ok(assigneeMessage(assignment(1, state), { zone: 'Europe/Berlin', askingWhy: true }));
  });

  it('the lead thread and its updates', () => {
    ok(leadParent(assignment(1, 'offered'), 'America/New_York'));
    for (const e of [
      { kind: 'offered-over-budget' }, { kind: 'accept-warned' }, { kind: 'accepted', overBudget: true }, { kind: 'done' }, { kind: 'due' },
      { kind: 'declined', reason: 'paused', next: { id: 'U201BEN', band: 'some' } }, { kind: 'expired', next: null },
    ] as const) ok(leadUpdate(assignment(1, 'declined'), e));
  });

  it('replies to the lead', () => {
    const draft = { link: LONG_LINK, brief: LONG_BRIEF, estimate: 20, dueMs: NOW + 3_600_000 };
    ok(suggestionsReply(draft, [{ id: 'U1AA', band: 'plenty' }, { id: 'U2BB', band: 'some' }, { id: 'U3CC', band: 'none' }]));
    ok(suggestionsReply(draft, []));
    ok(overBudgetReply({ ...draft, to: 'U1AA' }));
    ok(offeredReply(assignment(1, 'offered'), 'UTC', { held: true }));
    ok(acceptWarning(assignment(1, 'offered')));
    ok(reminderMessage(assignment(1, 'accepted'), 'UTC'));
  });

  it('lists and the board, with sixty assignments', () => {
    const reply = assignmentsReply(many, many, 'UTC');
    ok(reply);
    expect(JSON.stringify(reply.blocks)).toContain('more');
    expect(validateView({ type: 'home', blocks: boardBlocks(many, 'UTC', NOW) })).toEqual([]);
  });

  it('the week view with many open assignments', () => {
    const week = summarizeWeek({
      today: '2026-11-26', entries: [], previousWeekMinutes: 0, strainBackWeeksOfLast3: 0,
      budget: { minutes: 240, source: 'default', setBy: null, setAt: null, weeklyHours: 40, budgetPercent: 10 },
    });
    const lines = openAssignmentLines(many, 'UTC');
    expect(lines[lines.length - 1]).toMatch(/more: `\/ballast assignments`/);
    ok({ text: 'week', blocks: weekBlocks(week, { openAssignments: lines }) });
  });

  it('the modals', () => {
    expect(validateView(doneModal(assignment(1, 'accepted', { estimateMinutes: 90 })))).toEqual([]);
    expect(JSON.stringify(doneModal(assignment(1, 'accepted', { estimateMinutes: 90 })))).toContain('"initial_value":"1h30m"');
    const excerpt = `${'<@U1> & friends say: '.repeat(100)}`;
    expect(validateView(assignModal({ link: LONG_LINK, excerpt, suggestions: [{ id: 'U1AA', band: 'plenty' }] }))).toEqual([]);
    expect(validateView(assignModal({ link: '', excerpt: '', suggestions: [] }))).toEqual([]);
  });
});

describe("the advocate's own room in the offer", () => {
  it.each<[number, string]>([
    [220, 'Your room this week: 3h 40m of your 4h budget left, with this one counted.'],
    [0, 'Your room this week: this one fills your 4h budget exactly.'],
    [-25, 'Your room this week: none; with this one you are 25m past your 4h budget.'],
  ])('with %i minutes of room says: %s', (capacity, expected) => {
    expect(roomLine({ capacity, budget: 240 })).toContain(expected);
    const m = assigneeMessage(assignment(1, 'offered'), { zone: 'Europe/Berlin', room: { capacity, budget: 240 } });
    ok(m);
    expect(JSON.stringify(m.blocks)).toContain(expected);
  });

  it('is left out once the assignment is closed', () => {
    for (const state of ['declined', 'done', 'expired'] as const) {
      expect(JSON.stringify(assigneeMessage(assignment(1, state), { zone: 'Europe/Berlin', room: { capacity: 100, budget: 240 } }).blocks)).not.toContain('Your room');
    }
  });
});

describe('what leads read about room', () => {
  it('shows "needs a lighter week" in place of the band, and no reason or minutes', () => {
    const r = suggestionsReply(
      { estimate: 20, dueMs: NOW + 3_600_000, link: 'https://x.com/a/1', brief: null },
      [{ id: 'U201BEN', band: 'plenty' }, { id: 'U200ADA', band: 'plenty', lighterWeek: true }],
    );
    ok(r);
    const text = JSON.stringify(r.blocks);
    expect(text).toContain('1. <@U201BEN>: :large_green_circle: plenty of room');
    expect(text).toContain('2. <@U200ADA>: :large_orange_circle: needs a lighter week');
    expect(r.text).toBe('Who has room: <@U201BEN> (plenty), <@U200ADA> (needs a lighter week)');
    const next = leadUpdate(assignment(1, 'declined'), { kind: 'declined', reason: 'no_capacity', next: { id: 'U200ADA', band: 'plenty', lighterWeek: true } });
    expect(JSON.stringify(next.blocks)).toContain('Next best: <@U200ADA> (:large_orange_circle: needs a lighter week)');
    expect(JSON.stringify(next.blocks)).not.toContain('plenty');
  });
});

describe('slackExcerpt: a message shown as the message reads', () => {
  it.each<[string, string, number, string]>([
    ['keeps Slack\'s escaping as it came (once)', 'Tom &amp; Jerry say &lt;b&gt;hi&lt;/b&gt;', 280, 'Tom &amp; Jerry say &lt;b&gt;hi&lt;/b&gt;'],
    ['keeps links and mentions as markup, so they render', 'see <https://x.com/a|the thread> by <@U123ABC>', 280, 'see <https://x.com/a|the thread> by <@U123ABC>'],
    ['escapes a stray & < > once', 'a & b < c > d', 280, 'a &amp; b &lt; c &gt; d'],
    ['keeps emoji and quotes', 'great :tada: 🎉 "quoted"', 280, 'great :tada: 🎉 "quoted"'],
    ['cuts after the visible length, never inside a link', 'ab <https://example.com/very/long|label> cd', 8, 'ab <https://example.com/very/long|label>…'],
    ['drops a link that does not fit whole', 'ab <https://example.com/very/long|label> cd', 6, 'ab …'],
    ['keeps a channel and a special mention', 'in <#C123|general> <!here>', 280, 'in <#C123|general> <!here>'],
    ['counts an entity as one character', '&amp;&amp;&amp;&amp;', 2, '&amp;&amp;…'],
    ['never splits an emoji', '🎉🎉🎉', 2, '🎉🎉…'],
  ])('%s', (_what, text, max, expected) => {
    expect(slackExcerpt(text, max)).toBe(expected);
  });

  it('puts the excerpt in the modal as Slack sent it, quoted line by line', () => {
    const view = assignModal({ link: '', excerpt: 'Is <https://acme.com/pricing|pricing> right?\nAsk <@U123ABC> &amp; co', suggestions: [] });
    expect(JSON.stringify(view.blocks[0])).toContain('*The message*\\n> Is <https://acme.com/pricing|pricing> right?\\n> Ask <@U123ABC> &amp; co');
    expect(validateView(view)).toEqual([]);
  });
});
