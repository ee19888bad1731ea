import { startTestApp, type TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  t.fake.addUser({ id: 'U100ADA', name: 'ada', tz: 'Europe/Berlin' });
});
afterAll(() => t.close());

it('logs time from a slash command and replies with the week in the ack', async () => {
  const r = await t.slack.command('U100ADA', 'log 30m reply linkedin great thread');
  expect(r.status).toBe(200);
  expect((r.body as { text: string }).text).toContain('30m');
});
