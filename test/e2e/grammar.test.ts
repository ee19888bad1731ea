// The one duration and date grammar through the real receiver: what people type is what is stored, or they are asked.
import { ASSIGN_MODAL as A, LOG_MODAL as F, VIEWS } from '../../src/slack/ids';
import { addPerson, textOf } from '../support/assignments';
import { startTestApp, type TestApp } from '../support/app';
import * as db from '../support/db';

let t: TestApp;
const ADA = 'U100ADA';
const LEAD = 'U300LEAD';

interface Row {
  id: number; minutes: number; kind: string; network: string | null; date: string; link: string | null; note: string | null; source: string;
}

const rows = () => db.rows<Row>(t, 'SELECT * FROM entries WHERE person_id = ? ORDER BY id', ADA);
const last = async () => (await rows()).at(-1);

async function run(text: string, user = ADA): Promise<string> {
  const r = await t.slack.command(user, text);
  expect(r.status).toBe(200);
  expect(r.ackProblems).toEqual([]);
  return textOf(r.body as { text?: string; blocks?: unknown[] });
}

beforeAll(async () => {
  // Thursday 26 November 2026, 11:00 in Berlin.
  t = await startTestApp({ now: '2026-11-26T10:00:00Z' });
  t.fake.addUser({ id: ADA, name: 'ada', realName: 'Ada Lovelace', tz: 'Europe/Berlin' });
  await addPerson(t, LEAD, { role: 'lead' });
});
afterAll(() => t.close());
afterEach(() => expect(t.fake.rejections).toEqual([]));

describe('/ballast log reads durations and dates as a person means them', () => {
  it('stores `log 1 hour reply linkedin last friday …` as 60 minutes of replying on LinkedIn, last Friday, with the note', async () => {
    const before = (await rows()).length;
    const reply = await run('log 1 hour reply linkedin last friday thanked Dana for the intro');
    expect(reply).toContain('Logged 1h replying on linkedin for Fri 20 Nov');
    expect(await rows()).toHaveLength(before + 1);
    expect(await last()).toMatchObject({
      minutes: 60, kind: 'respond', network: 'linkedin', date: '2026-11-20', note: 'thanked Dana for the intro', source: 'command',
    });
  });

  it.each<[string, Partial<Row>]>([
    ['log 45 min comment', { minutes: 45, kind: 'comment', date: '2026-11-26', note: null }],
    ['log 1.5 hours', { minutes: 90, kind: 'other' }],
    ['log 2 hrs share x', { minutes: 120, kind: 'share', network: 'x' }],
    ['log 90 mins post', { minutes: 90, kind: 'post' }],
    ['log 1 hour 30 minutes reply 3 days ago', { minutes: 90, kind: 'respond', date: '2026-11-23' }],
    ['log 20m 20 Nov comment', { minutes: 20, kind: 'comment', date: '2026-11-20' }],
    ['log 20m "replay of the webinar" linkedin', { minutes: 20, network: 'linkedin', note: 'replay of the webinar' }],
  ])('stores %p as written', async (text, fields) => {
    const before = (await rows()).length;
    await run(text);
    expect(await rows()).toHaveLength(before + 1);
    expect(await last()).toMatchObject(fields);
  });

  it('stores nothing for `log 20m replay linkedin` and asks "did you mean reply?"', async () => {
    const before = (await rows()).length;
    const reply = await run('log 20m replay linkedin');
    expect(reply).toContain('did you mean reply?');
    expect(reply).toContain('Nothing was logged');
    expect(reply).toContain('/ballast log 20m reply linkedin');
    expect(await rows()).toHaveLength(before);
  });

  it.each([
    ['log 20m reply linkdin', 'did you mean linkedin?'],
    ['log 20m yesterdy', 'did you mean yesterday?'],
    ['log 20m twiter', 'did you mean twitter?'],
    ['log 30 45', 'part of how long'],
    ['log 1 hour 30 reply', 'part of how long'],
    ['log 1 huor reply', 'did you mean 1 hour?'],
    ['log 2.5m', 'whole minutes'],
    ['log 30m last fridya', 'did you mean last friday?'],
  ])('stores nothing for %p and says %p', async (text, fragment) => {
    const before = (await rows()).length;
    expect(await run(text)).toContain(fragment);
    expect(await rows()).toHaveLength(before);
  });
});

describe('notes and briefs are stored as the person typed them', () => {
  it('undoes Slack’s escaping of &, < and > in a note, and keeps quotes and emoji', async () => {
    // Slack sends what the person typed as `R&D <b>bold</b> "quotes" 🎉` escaped like this.
    await run('log 10m reply R&amp;D &lt;b&gt;bold&lt;/b&gt; "quotes" 🎉 :tada:');
    expect(await last()).toMatchObject({ minutes: 10, note: 'R&D <b>bold</b> "quotes" 🎉 :tada:' });
  });

  it('undoes it in an assignment brief typed into /ballast assign', async () => {
    t.fake.addUser({ id: 'U101BEA', name: 'bea', tz: 'Europe/Berlin' });
    await addPerson(t, 'U101BEA');
    await run('assign <@U101BEA> <https://x.com/acme/status/9> est 1 hour answer the Q&amp;A &lt;pricing&gt; 🙂', LEAD);
    const [a] = await t.ballast.store.assignments.ofLead(LEAD);
    expect(a).toMatchObject({ estimateMinutes: 60, brief: 'answer the Q&A <pricing> 🙂' });
  });
});

describe('the modals take the same durations', () => {
  const logValues = (minutes: string) => ({
    [F.minutesBlock]: { [F.minutesAction]: { type: 'plain_text_input', value: minutes } },
    [F.kindBlock]: { [F.kindAction]: { type: 'static_select', selected_option: { value: 'comment', text: { type: 'plain_text', text: 'comment' } } } },
    [F.networkBlock]: { [F.networkAction]: { type: 'static_select', selected_option: null } },
    [F.dateBlock]: { [F.dateAction]: { type: 'datepicker', selected_date: '2026-11-25' } },
    [F.linkBlock]: { [F.linkAction]: { type: 'url_text_input', value: null } },
    [F.noteBlock]: { [F.noteAction]: { type: 'plain_text_input', value: null } },
  });

  it('stores `1 hour 30 minutes` from the log modal as 90 minutes', async () => {
    const r = await t.slack.viewSubmission({ userId: ADA, callbackId: VIEWS.logModal, viewId: 'VLOGGRAMMAR', values: logValues('1 hour 30 minutes') });
    expect(r.status).toBe(200);
    expect(await last()).toMatchObject({ minutes: 90, kind: 'comment', date: '2026-11-25', source: 'modal' });
  });

  it.each([
    ['2 hours reply', "isn't a duration"],
    ['2.5m', 'whole minutes'],
    ['13 hours', 'at most 12 hours'],
  ])('refuses %p in the log modal inline, saying %p', async (minutes, fragment) => {
    const before = (await rows()).length;
    const r = await t.slack.viewSubmission({ userId: ADA, callbackId: VIEWS.logModal, values: logValues(minutes) });
    expect(r.body).toMatchObject({ response_action: 'errors', errors: { [F.minutesBlock]: expect.stringContaining(fragment) } });
    expect(await rows()).toHaveLength(before);
  });

  it('reads the Done modal’s minutes with the same grammar, and refuses 13 hours there too', async () => {
    const CAT = 'U102CAT';
    await addPerson(t, CAT);
    expect(await run(`assign <@${CAT}> <https://x.com/acme/status/10> est 20m`, LEAD)).toContain(`Offered to <@${CAT}>`);
    const a = (await t.ballast.store.assignments.ofLead(LEAD)).find((x) => x.assigneeId === CAT)!;
    const submit = (minutes: string) => t.slack.viewSubmission({
      userId: CAT, callbackId: VIEWS.assignDone, privateMetadata: String(a.id), values: { [A.minutesBlock]: { [A.minutesAction]: minutes } },
    });
    expect((await submit('13 hours')).body).toMatchObject({ response_action: 'errors', errors: { [A.minutesBlock]: expect.stringContaining('at most 12 hours') } });
    expect(await t.ballast.store.entries.allOf(CAT)).toEqual([]);
    expect((await submit('1 hour 5 min')).status).toBe(200);
    expect(await t.ballast.store.entries.allOf(CAT)).toEqual([expect.objectContaining({ minutes: 65, kind: 'respond', source: 'assignment' })]);
  });
});
