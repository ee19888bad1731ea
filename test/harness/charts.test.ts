import { LogLevel, WebClient, type Logger } from '@slack/web-api';
import { validateBlocks, validateMessage, validateView } from '../support/blockKit';
import { startFakeSlack, type FakeSlack } from '../support/fakeSlack';
import { slackPort } from '../../src/slack/webApi';

const chart = (extra: Record<string, unknown> = {}, chartExtra: Record<string, unknown> = {}) => ({
  type: 'data_visualization',
  title: 'Your last 2 weeks against budget',
  chart: {
    type: 'bar',
    series: [{ name: 'Logged', data: [{ label: '23 Nov', value: 2 }, { label: '30 Nov', value: 4.5 }] }],
    axis_config: { categories: ['23 Nov', '30 Nov'], y_label: 'Hours' },
    ...chartExtra,
  },
  ...extra,
});

describe('the strict fake knows the data_visualization block', () => {
  it('accepts a bar chart in a message', () => {
    expect(validateBlocks([chart()], 'message')).toEqual([]);
  });

  it('accepts a pie chart without axis_config', () => {
    expect(validateBlocks([chart({}, { type: 'pie', series: undefined, axis_config: undefined, segments: [{ label: 'Replying', value: 3 }] })], 'message')).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown>, RegExp]>([
    ['a title over 50 characters', { title: 'x'.repeat(51) }, {}, /less than 51.*\/title/],
    ['a bar chart without axis_config', {}, { axis_config: undefined }, /axis_config/],
    ['no series', {}, { series: [] }, /at least 1.*\/series/],
    ['seven series', {}, { series: Array.from({ length: 7 }, (_, i) => ({ name: `s${i}`, data: [{ label: '23 Nov', value: 1 }] })) }, /no more than 6/],
    ['two series of one name', {}, { series: [{ name: 'A', data: [{ label: '23 Nov', value: 1 }] }, { name: 'A', data: [{ label: '23 Nov', value: 1 }] }] }, /duplicate series name/],
    ['a label that is not a category', {}, { series: [{ name: 'A', data: [{ label: '7 Dec', value: 1 }] }] }, /not one of axis_config.categories/],
    ['a category over 20 characters', {}, { axis_config: { categories: ['x'.repeat(21)] }, series: [{ name: 'A', data: [{ label: 'x'.repeat(21), value: 1 }] }] }, /less than 21/],
    ['an unknown chart type', {}, { type: 'scatter' }, /must be one of bar, line, area, pie/],
  ])('refuses %s', (_what, extra, chartExtra, problem) => {
    const problems = validateBlocks([chart(extra, chartExtra)], 'message');
    expect(problems.join('\n')).toMatch(problem);
  });

  it('allows two charts in a message but not three', () => {
    expect(validateBlocks([chart(), chart()], 'message')).toEqual([]);
    expect(validateBlocks([chart(), chart(), chart()], 'message').join()).toMatch(/no more than 2 data_visualization/);
  });

  it('refuses a chart on App Home and in a modal, where Slack does not document it', () => {
    expect(validateView({ type: 'home', blocks: [chart()] }).join()).toMatch(/not supported in a home/);
    expect(validateView({ type: 'modal', title: { type: 'plain_text', text: 'T' }, blocks: [chart()] }).join()).toMatch(/not supported in a modal/);
  });
});

describe('no ISO week code reaches a reader', () => {
  it('refuses one in a message text, a block text and a view', () => {
    expect(validateMessage({ text: 'Your week 2026-W49' }).error).toBe('invalid_blocks');
    expect(validateMessage({ text: 'ok', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'the week 2026-W49' } }] }).problems.join()).toMatch(/ISO week code 2026-W49/);
    expect(validateView({ type: 'home', blocks: [{ type: 'context', elements: [{ type: 'mrkdwn', text: '(2026-W01)' }] }] }).join()).toMatch(/ISO week code/);
  });

  it('lets a button carry one in its value, which no one reads', () => {
    const blocks = [{ type: 'actions', elements: [{ type: 'button', action_id: 'a', text: { type: 'plain_text', text: 'Not at all' }, value: '2026-W49' }] }];
    expect(validateMessage({ text: 'Weekly pulse, week of Mon 30 Nov', blocks })).toEqual({ problems: [] });
  });
});

describe('images from Slack files', () => {
  let fake: FakeSlack;
  beforeEach(async () => {
    fake = await startFakeSlack({ fileProcessingPolls: 1 });
    fake.addUser({ id: 'U1', name: 'ada' });
  });
  afterEach(async () => {
    await fake.close();
  });

  const silent: Logger = {
    debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined,
    setLevel: () => undefined, getLevel: () => LogLevel.ERROR, setName: () => undefined,
  };
  const port = () => slackPort(new WebClient('xoxb-test-token', { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 }, logger: silent }));
  const home = (fileId: string) => ({ type: 'home' as const, blocks: [{ type: 'image', slack_file: { id: fileId }, alt_text: 'chart' }] as never[] });

  it('uploads to no channel, says "not processed" once, then processed; an image block may name it only then', async () => {
    const slack = port();
    const id = await slack.uploadImage({ filename: 'c.png', title: 'Chart', bytes: Buffer.from('png') });
    expect(fake.file(id)).toMatchObject({ completed: true, sharedTo: [] });
    await expect(slack.publishHome('U1', home(id))).rejects.toThrow(/invalid_arguments/);
    expect(fake.rejections.at(-1)?.problems.join()).toMatch(/not processed yet/);
    expect(await slack.fileProcessed(id)).toBe(false);
    expect(await slack.fileProcessed(id)).toBe(true);
    await slack.publishHome('U1', home(id));
    expect(fake.homeOf('U1')?.view.blocks).toEqual(home(id).blocks);
  });

  it('refuses an image naming a file that does not exist', async () => {
    await expect(port().publishHome('U1', home('F404'))).rejects.toThrow(/invalid_arguments/);
    expect(fake.rejections.at(-1)?.problems.join()).toMatch(/F404 not found/);
  });
});
