// Words a reader understands and charts where people would rather look, through the real receiver:
// the week reply and the warnings carry a data_visualization chart of the last 8 weeks with the same
// in words; App Home, which takes no such block, gets a PNG uploaded to no channel and shown once
// Slack has processed it, or the words alone when the upload fails.
import { startTestApp, type TestApp } from '../support/app';
import { seedEntry, seedPerson } from '../support/org';

let t: TestApp;
const ADA = 'U700ADA';
const BO = 'U700BO';

beforeEach(async () => {
  t = await startTestApp({ now: '2026-11-26T10:00:00Z' });
  await seedPerson(t, { id: ADA, tz: 'Europe/Berlin' });
  await seedPerson(t, { id: BO, tz: 'Europe/Berlin' });
});
afterEach(async () => {
  expect(t.fake.rejections).toEqual([]);
  await t.close();
});

type Block = { type: string; title?: string; chart?: { type: string; series: { name: string; data: { label: string; value: number }[] }[]; axis_config?: { categories: string[] } }; slack_file?: { id: string }; alt_text?: string };
const blocksOf = (b: { blocks?: unknown[] }) => (b.blocks ?? []) as Block[];
const json = (v: unknown) => JSON.stringify(v);

it('answers `/ballast week` with a chart of the last 8 weeks against budget, and the same in words', async () => {
  await seedEntry(t, ADA, '2026-11-16', 250, 'respond');
  await seedEntry(t, ADA, '2026-11-24', 90, 'comment');
  const r = await t.slack.command(ADA, 'week');
  const body = r.body as { text: string; blocks: unknown[] };
  const chart = blocksOf(body).find((b) => b.type === 'data_visualization');
  expect(chart?.title).toBe('Your last 8 weeks against budget');
  expect(chart?.chart?.axis_config?.categories).toEqual(['5 Oct', '12 Oct', '19 Oct', '26 Oct', '2 Nov', '9 Nov', '16 Nov', '23 Nov']);
  expect(chart?.chart?.series.map((s) => [s.name, s.data.map((d) => d.value)])).toEqual([
    ['Logged', [0, 0, 0, 0, 0, 0, 4.2, 1.5]],
    ['Budget', [4, 4, 4, 4, 4, 4, 4, 4]],
  ]);
  expect(json(body.blocks)).toContain('Your last 8 weeks, logged against budget (weeks starting Monday): 5 Oct 0m of 4h');
  expect(json(body.blocks)).toContain('16 Nov 4h 10m of 4h · 23 Nov 1h 30m of 4h; 1 of 8 at or over budget.');
  // The level comes with its reason; no text bar in code.
  expect(json(body.blocks)).toContain(':large_green_circle: within budget: Comfortably inside this week’s budget.');
  expect(json(body.blocks)).not.toMatch(/[▓░]/);
});

it('says why a week at 106% is crowding, once, with the chart: it was over last week too', async () => {
  await seedEntry(t, ADA, '2026-11-16', 250, 'respond');
  await t.slack.command(ADA, 'log 4h15m reply');
  const dm = await t.fake.waitFor((f) => f.messagesTo(ADA).find((m) => (m.text ?? '').startsWith('Heads up')));
  expect(dm.text).toBe('Heads up: advocacy is crowding out your core work (4h 15m of 4h, 106%). Over budget for a second week running (you were over last week too).');
  const words = json(dm.blocks);
  expect(words.match(/crowding out your core work/gi)).toHaveLength(1);
  expect(words).toContain('Over budget for a second week running (you were over last week too). Stop for this week');
  expect(words).toContain('week of Mon 23 Nov');
  expect(words).not.toMatch(/\d{4}-W\d{2}/);
  expect(blocksOf(dm).filter((b) => b.type === 'data_visualization')).toHaveLength(1);
});

it('shows App Home the chart as a processed Slack file uploaded to no channel, and reuses it while nothing changes', async () => {
  await seedEntry(t, ADA, '2026-11-24', 90, 'comment');
  await t.slack.event({ type: 'app_home_opened', user: ADA, channel: 'D700ADA', tab: 'home', event_ts: '1.0' });
  const home = await t.fake.waitFor((f) => f.homeOf(ADA));
  const blocks = home.view.blocks as Block[];
  const image = blocks.find((b) => b.type === 'image');
  expect(image?.slack_file?.id).toMatch(/^F/);
  const file = t.fake.file(image!.slack_file!.id)!;
  expect(file).toMatchObject({ completed: true, processed: true, sharedTo: [] });
  expect(file.bytes!.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(image?.alt_text).toContain('23 Nov 1h 30m of 4h');
  // At the top of the week section: right under the budget and level line.
  expect(blocks.findIndex((b) => b.type === 'image')).toBe(2);
  expect(t.fake.callsTo('files.completeUploadExternal')[0].args.channel_id).toBeUndefined();
  const uploads = t.fake.callsTo('files.getUploadURLExternal').length;
  await t.slack.event({ type: 'app_home_opened', user: ADA, channel: 'D700ADA', tab: 'home', event_ts: '2.0' });
  await t.fake.waitFor((f) => f.callsTo('views.publish').length >= 2);
  expect(t.fake.callsTo('files.getUploadURLExternal').length).toBe(uploads);
});

it('publishes App Home with the chart in words when the upload fails', async () => {
  t.fake.fail('files.getUploadURLExternal', 'not_allowed_token_type');
  await t.slack.event({ type: 'app_home_opened', user: BO, channel: 'D700BO', tab: 'home', event_ts: '3.0' });
  const home = await t.fake.waitFor((f) => f.homeOf(BO));
  const blocks = home.view.blocks as Block[];
  expect(blocks.some((b) => b.type === 'image')).toBe(false);
  expect(json(blocks)).toContain('Your last 8 weeks, logged against budget');
});

it('publishes App Home without the image when Slack no longer has the file, and draws a new one next time', async () => {
  await seedEntry(t, ADA, '2026-11-24', 90, 'comment');
  await t.slack.event({ type: 'app_home_opened', user: ADA, channel: 'D700ADA', tab: 'home', event_ts: '4.0' });
  const first = (await t.fake.waitFor((f) => f.homeOf(ADA))).view.blocks as Block[];
  const fileId = first.find((b) => b.type === 'image')!.slack_file!.id;
  t.fake.deleteFile(fileId);
  await t.slack.event({ type: 'app_home_opened', user: ADA, channel: 'D700ADA', tab: 'home', event_ts: '5.0' });
  await t.fake.waitFor((f) => f.callsTo('views.publish').filter((c) => c.ok).length >= 2);
  // Slack refused the view naming the deleted file; the same Home went out with the chart in words only.
  const refused = t.fake.rejections.splice(0);
  expect(refused.map((r) => r.method)).toEqual(['views.publish']);
  const second = t.fake.homeOf(ADA)!.view.blocks as Block[];
  expect(second.some((b) => b.type === 'image')).toBe(false);
  expect(json(second)).toContain('Your last 8 weeks, logged against budget');
  await t.slack.event({ type: 'app_home_opened', user: ADA, channel: 'D700ADA', tab: 'home', event_ts: '6.0' });
  await t.fake.waitFor((f) => f.callsTo('views.publish').filter((c) => c.ok).length >= 3);
  const third = t.fake.homeOf(ADA)!.view.blocks as Block[];
  const again = third.find((b) => b.type === 'image')?.slack_file?.id;
  expect(again).toMatch(/^F/);
  expect(again).not.toBe(fileId);
});
