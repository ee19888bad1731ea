// Text in and out as people wrote it (issue 12, point 6): stored as typed, escaped exactly once where
// Slack renders mrkdwn, shown as the message does in the shortcut's excerpt, and plain (formulas
// neutralised) in both CSV exports.
import { runCli, type CliIo } from '../../src/cli';
import { parseCsv } from '../../src/core/csv';
import { localDate } from '../../src/core/time';
import { checkinQuestion } from '../../src/slack/blocks/checkin';
import { ASSIGN_MODAL as A, LOG_MODAL as L, SHORTCUTS, VIEWS } from '../../src/slack/ids';
import { addPerson, textOf } from '../support/assignments';
import { startTestApp, type TestApp } from '../support/app';
import * as db from '../support/db';

const ADA = 'U100ADA';
const LEAD = 'U101LED';
/** What a person types: markup characters, quotes, emoji, a mention and a link as plain text. */
const TYPED = '<b>bold</b> & "quotes" :tada: 🎉 @ben <https://x.com|label> Tom & Jerry';
const FORMULA = '=HYPERLINK("http://x"&A1,"click")';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ now: '2026-11-26T10:00:00Z' });
  await addPerson(t, ADA);
  await addPerson(t, LEAD, { role: 'lead' });
});
afterAll(() => t.close());
afterEach(() => expect(t.fake.rejections).toEqual([]));

function logForm(note: string, minutes = '30m') {
  const opt = (value: string | null) => ({ type: 'static_select', selected_option: value ? { value, text: { type: 'plain_text', text: value } } : null });
  return {
    [L.minutesBlock]: { [L.minutesAction]: { type: 'plain_text_input', value: minutes } },
    [L.kindBlock]: { [L.kindAction]: opt('respond') },
    [L.networkBlock]: { [L.networkAction]: opt(null) },
    [L.dateBlock]: { [L.dateAction]: { type: 'datepicker', selected_date: null } },
    [L.linkBlock]: { [L.linkAction]: { type: 'url_text_input', value: null } },
    [L.noteBlock]: { [L.noteAction]: { type: 'plain_text_input', value: note } },
  };
}
const notes = async () => (await db.rows<{ note: string }>(t, 'SELECT note FROM entries WHERE person_id = ? ORDER BY id', ADA)).map((r) => r.note);

describe('notes', () => {
  it('are stored as typed and escaped once in the message that confirms them', async () => {
    const date = localDate(t.clock.now(), 'Europe/Berlin');
    const channel = await t.ballast.deps.slack.openDm(ADA);
    const ref = await t.ballast.deps.slack.postMessage(channel, checkinQuestion(date));
    const r = await t.slack.viewSubmission({
      userId: ADA, callbackId: VIEWS.checkinOther, privateMetadata: JSON.stringify({ date, channel, ts: ref.ts }), values: logForm(TYPED),
    });
    expect(r.body).toBe('');
    expect(await notes()).toEqual([TYPED]);
    const shown = textOf(t.fake.messagesIn(channel).find((m) => m.ts === ref.ts));
    expect(shown).toContain('“&lt;b&gt;bold&lt;/b&gt; &amp; "quotes" :tada: 🎉 @ben &lt;https://x.com|label&gt; Tom &amp; Jerry”');
    expect(shown).not.toMatch(/&amp;(amp|lt|gt);/);
  });

  it('reach /ballast export and `export entries` as plain text, a formula neutralised, minutes still numbers', async () => {
    for (const note of [FORMULA, '-2+3 careful', '@channel hi']) {
      const r = await t.slack.viewSubmission({ userId: ADA, callbackId: VIEWS.logModal, viewId: `V${note.length}`, values: logForm(note, '15m') });
      expect(r.body).toBe('');
    }
    expect(await notes()).toEqual([TYPED, FORMULA, '-2+3 careful', '@channel hi']);
    const expected = [TYPED, `'${FORMULA}`, "'-2+3 careful", "'@channel hi"];

    const reply = await t.slack.command(ADA, 'export');
    expect((reply.body as { text: string }).text).toContain('with your 4 entries');
    const [file] = t.fake.filesSharedTo(ADA);
    const own = parseCsv(file.text());
    if (!own.ok) throw new Error(own.message);
    const [header, ...rows] = own.records.map((x) => x.fields);
    expect(rows.map((f) => f[header.indexOf('note')])).toEqual(expected);
    expect(rows.map((f) => f[header.indexOf('minutes')])).toEqual(['30', '15', '15', '15']);
    // The raw file: the formula cell is quoted text starting with a single quote, never =.
    expect(file.text()).toContain(`"'=HYPERLINK(""http://x""&A1,""click"")"`);
    expect(file.text()).not.toMatch(/(^|,)=HYPERLINK/m);

    const out: string[] = [];
    const io: CliIo = { out: (l) => out.push(l), err: () => undefined, env: t.dbEnv, clock: t.clock };
    expect(await runCli(['export', 'entries'], io)).toBe(0);
    const all = parseCsv(out.join('\n'));
    if (!all.ok) throw new Error(all.message);
    const [h2, ...r2] = all.records.map((x) => x.fields);
    expect(r2.filter((f) => f[h2.indexOf('person')] === ADA).map((f) => f[h2.indexOf('note')])).toEqual(expected);
  });
});

describe('briefs', () => {
  it('are stored as typed and escaped once in the advocate’s DM', async () => {
    const brief = 'Reply <politely> & cite "the FAQ" 🎉';
    const r = await t.slack.viewSubmission({
      userId: LEAD, callbackId: VIEWS.assignModal, viewId: 'VBRIEF',
      values: {
        [A.userBlock]: { [A.userAction]: { type: 'users_select', selected_user: ADA } },
        [A.linkBlock]: { [A.linkAction]: { type: 'url_text_input', value: 'https://x.com/acme/status/77' } },
        [A.estimateBlock]: { [A.estimateAction]: '15m' },
        [A.dueBlock]: { [A.dueAction]: '' },
        [A.briefBlock]: { [A.briefAction]: brief },
        [A.anywayBlock]: { [A.anywayAction]: { type: 'checkboxes', selected_options: [] } },
      },
    });
    expect(r.body).toBe('');
    expect(await db.rows(t, 'SELECT brief FROM assignments')).toEqual([{ brief }]);
    const dm = textOf(t.fake.messagesTo(ADA).find((m) => textOf(m).includes('x.com/acme/status/77')));
    expect(dm).toContain('Reply &lt;politely&gt; &amp; cite "the FAQ" 🎉');
    expect(dm).not.toMatch(/&amp;(amp|lt|gt);/);
  });
});

describe('the message shortcut’s excerpt', () => {
  it('shows links, mentions and escaped characters as the message does, not escaped a second time', async () => {
    // What Slack sends as the message's text: its own escaping and markup.
    const text = 'Is <https://acme.com/pricing|the pricing page> right? cc <@U100ADA> &amp; team &lt;3';
    const r = await t.slack.messageShortcut({ userId: LEAD, callbackId: SHORTCUTS.assignMessage, channelId: 'C0LISTEN', messageTs: '1764150000.000300', text });
    expect(r.status).toBe(200);
    const call = t.fake.callsTo('views.open').find((c) => (c.args.view as { callback_id: string }).callback_id === VIEWS.assignModal)!;
    const first = (call.args.view as { blocks: { text: { type: string; text: string } }[] }).blocks[0].text;
    expect(first).toEqual({ type: 'mrkdwn', text: `*The message*\n> ${text}` });
  });
});

describe('notes typed into /ballast', () => {
  const BEN = 'U102BEN';
  const PLAIN = '<b>bold</b> & "quotes" :tada: 🎉 Tom & Jerry';
  // Slack escapes &, < and > in a slash command's text before it reaches Ballast.
  const SENT = PLAIN.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

  it('are stored as the person typed them, and escaped once where they are shown', async () => {
    await addPerson(t, BEN);
    const r = await t.slack.command(BEN, `log 20m reply ${SENT}`);
    expect((r.body as { text: string }).text).toContain('Logged 20m');
    expect((await t.ballast.store.entries.allOf(BEN)).map((e) => e.note)).toEqual([PLAIN]);

    const list = await t.slack.command(BEN, 'entries');
    const shown = textOf(list.body as { text?: string });
    expect(shown).toContain('&lt;b&gt;bold&lt;/b&gt; &amp; "quotes" :tada: 🎉 Tom &amp; Jerry');
    expect(shown).not.toMatch(/&amp;(amp|lt|gt);/);
  });
});
