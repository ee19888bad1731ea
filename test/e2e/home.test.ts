// App Home, the "Log time" modal and the global shortcut, through the real receiver.
import { LOG_MODAL as F, ACTIONS, SHORTCUTS, VIEWS } from '../../src/slack/ids';
import { startTestApp, type TestApp } from '../support/app';
import { rows } from '../support/db';

let t: TestApp;
const ADA = 'U100ADA';

beforeAll(async () => {
  t = await startTestApp({ now: '2026-11-26T10:00:00Z' });
  t.fake.addUser({ id: ADA, name: 'ada', tz: 'Europe/Berlin' });
});
afterAll(() => t.close());
afterEach(() => expect(t.fake.rejections).toEqual([]));

const homeText = () => JSON.stringify(t.fake.homeOf(ADA)?.view ?? {});
const entries = () => rows(t, 'SELECT * FROM entries WHERE person_id = ?', ADA);

function formValues(v: { minutes?: string; kind?: string; network?: string; date?: string; link?: string; note?: string }) {
  const opt = (value?: string) => ({ type: 'static_select', selected_option: value ? { value, text: { type: 'plain_text', text: value } } : null });
  return {
    [F.minutesBlock]: { [F.minutesAction]: { type: 'plain_text_input', value: v.minutes ?? null } },
    [F.kindBlock]: { [F.kindAction]: opt(v.kind) },
    [F.networkBlock]: { [F.networkAction]: opt(v.network) },
    [F.dateBlock]: { [F.dateAction]: { type: 'datepicker', selected_date: v.date ?? null } },
    [F.linkBlock]: { [F.linkAction]: { type: 'url_text_input', value: v.link ?? null } },
    [F.noteBlock]: { [F.noteAction]: { type: 'plain_text_input', value: v.note ?? null } },
  };
}

it('publishes the week with a "Log time" button when App Home opens', async () => {
  const r = await t.slack.event({ type: 'app_home_opened', user: ADA, channel: 'D100ADA', tab: 'home', event_ts: '1.0' });
  expect(r.status).toBe(200);
  await t.fake.waitFor((f) => f.homeOf(ADA));
  const text = homeText();
  expect(text).toContain('Your week');
  expect(text).toContain('0m* of your *4h*');
  expect(text).toContain(ACTIONS.openLogModal);
  expect(text).toContain('Log time');
});

it('opens the log modal from the App Home button, dated today in the person\'s zone', async () => {
  await t.slack.blockAction({ userId: ADA, actionId: ACTIONS.openLogModal, value: 'home', view: { id: 'VHOME', type: 'home' } });
  const modal = await t.fake.waitFor((f) => f.modals().find((m) => (m.view as { callback_id?: string }).callback_id === VIEWS.logModal));
  expect(JSON.stringify(modal.view)).toContain('"initial_date":"2026-11-26"');
});

it('opens the same modal from the global "Log engagement" shortcut', async () => {
  const before = t.fake.callsTo('views.open').length;
  await t.slack.shortcut({ userId: ADA, callbackId: SHORTCUTS.logEngagement });
  await t.fake.waitFor((f) => f.callsTo('views.open').length > before);
  expect(JSON.stringify(t.fake.lastCall('views.open')!.args.view)).toContain(VIEWS.logModal);
});

it.each([
  [{ minutes: '' }, F.minutesBlock, 'How long'],
  [{ minutes: 'soon' }, F.minutesBlock, "isn't a duration"],
  [{ minutes: '13h' }, F.minutesBlock, 'at most 12 hours'],
  [{ minutes: '30m', date: '2026-11-27' }, F.dateBlock, 'future'],
  [{ minutes: '30m', date: '2026-11-01' }, F.dateBlock, '14 days'],
  [{ minutes: '30m', link: 'ftp://x.org/file' }, F.linkBlock, 'http'],
])('shows %o as an inline error on %s and stores nothing', async (values, block, fragment) => {
  const before = (await entries()).length;
  const r = await t.slack.viewSubmission({ userId: ADA, callbackId: VIEWS.logModal, values: formValues({ kind: 'respond', ...values }) });
  expect(r.status).toBe(200);
  const body = r.body as { response_action: string; errors: Record<string, string> };
  expect(body.response_action).toBe('errors');
  expect(body.errors[block]).toContain(fragment);
  expect((await entries()).length).toBe(before);
});

it('stores a good submission and refreshes App Home with the new total', async () => {
  const publishes = t.fake.callsTo('views.publish').length;
  const r = await t.slack.viewSubmission({
    userId: ADA, callbackId: VIEWS.logModal, viewId: 'VLOG1',
    values: formValues({ minutes: '45m', kind: 'comment', network: 'mastodon', date: '2026-11-24', note: 'helped with a bug' }),
  });
  expect(r.status).toBe(200);
  expect(r.text).toBe('');
  expect(await entries()).toEqual([expect.objectContaining({ minutes: 45, kind: 'comment', network: 'mastodon', date: '2026-11-24', source: 'modal', note: 'helped with a bug' })]);
  await t.fake.waitFor((f) => f.callsTo('views.publish').length > publishes);
  expect(homeText()).toContain('45m* of your *4h*');
});

it('logs a modal submission once even when Slack delivers it twice', async () => {
  const submit = () => t.slack.viewSubmission({ userId: ADA, callbackId: VIEWS.logModal, viewId: 'VLOG2', values: formValues({ minutes: '10m', kind: 'share' }) });
  await submit();
  await submit();
  expect((await entries()).filter((e) => e.minutes === 10)).toHaveLength(1);
});
