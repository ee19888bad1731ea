import { validateBlocks, validateMessage, validateView } from '../support/blockKit';

const plain = (text: string) => ({ type: 'plain_text', text });
const md = (text: string) => ({ type: 'mrkdwn', text });
const section = (text: string) => ({ type: 'section', text: md(text) });
const button = (actionId: string, text = 'Go', extra: Record<string, unknown> = {}) => ({ type: 'button', action_id: actionId, text: plain(text), ...extra });
const option = (text: string, value: string) => ({ text: plain(text), value });
const modal = (extra: Record<string, unknown> = {}) => ({ type: 'modal', title: plain('Log time'), submit: plain('Log'), blocks: [], ...extra });
const numberInput = (extra: Record<string, unknown> = {}) => ({
  type: 'input', block_id: 'minutes', label: plain('Minutes'), element: { type: 'number_input', action_id: 'm', ...extra },
});

describe('validateBlocks', () => {
  it('accepts a realistic check-in message', () => {
    const blocks = [
      { type: 'header', text: plain('Any social engagement today?') },
      section('You logged *45 min* this week of your 240 min budget.'),
      { type: 'section', fields: [md('*Week*'), md('45 / 240 min')], accessory: button('open') },
      {
        type: 'actions',
        block_id: 'checkin',
        elements: [button('log_15', '15m', { value: '15' }), button('log_30', '30m', { value: '30', style: 'primary' }),
          { type: 'static_select', action_id: 'kind', placeholder: plain('Kind'), options: [option('Respond', 'respond'), option('Post', 'post')] },
          { type: 'overflow', action_id: 'more', options: [option('Undo', 'undo'), option('Help', 'help')] }],
      },
      { type: 'context', elements: [md('Ballast keeps advocacy inside its budget'), { type: 'image', image_url: 'https://example.com/a.png', alt_text: 'logo' }] },
      { type: 'divider' },
    ];
    expect(validateBlocks(blocks, 'message')).toEqual([]);
  });

  it.each<[string, unknown[], string]>([
    ['an empty section text', [section('')], 'empty text'],
    ['a text object without a type', [{ type: 'section', text: { text: 'hi' } }], 'missing required field: type'],
    ['a header in mrkdwn', [{ type: 'header', text: md('Week') }], 'must be plain_text'],
    ['a header over 150 characters', [{ type: 'header', text: plain('h'.repeat(151)) }], 'less than 151'],
    ['a button in mrkdwn', [{ type: 'actions', elements: [{ type: 'button', action_id: 'a', text: md('Go') }] }], 'must be plain_text'],
    ['a button text over 75 characters', [{ type: 'actions', elements: [button('a', 'b'.repeat(76))] }], 'less than 76'],
    ['a button value over 2000 characters', [{ type: 'actions', elements: [button('a', 'Go', { value: 'v'.repeat(2001) })] }], 'less than 2001'],
    ['an empty button text', [{ type: 'actions', elements: [button('a', '')] }], 'empty text'],
    ['section text over 3000 characters', [section('x'.repeat(3001))], 'less than 3001'],
    ['more than 10 fields', [{ type: 'section', fields: Array.from({ length: 11 }, (_, i) => md(`f${i}`)) }], 'no more than 10'],
    ['a field over 2000 characters', [{ type: 'section', fields: [md('f'.repeat(2001))] }], 'less than 2001'],
    ['a section with neither text nor fields', [{ type: 'section' }], 'either text or fields'],
    ['a block_id over 255 characters', [{ type: 'divider', block_id: 'b'.repeat(256) }], 'less than 256'],
    ['an action_id over 255 characters', [{ type: 'actions', elements: [button('a'.repeat(256))] }], 'less than 256'],
    ['duplicate block ids', [{ type: 'divider', block_id: 'x' }, { type: 'divider', block_id: 'x' }], 'duplicate block_id'],
    ['duplicate action ids in one block', [{ type: 'actions', elements: [button('a'), button('a')] }], 'duplicate action_id'],
    ['more than 25 elements in actions', [{ type: 'actions', elements: Array.from({ length: 26 }, (_, i) => button(`a${i}`)) }], 'no more than 25'],
    ['an empty actions block', [{ type: 'actions', elements: [] }], 'at least 1'],
    ['more than 10 elements in context', [{ type: 'context', elements: Array.from({ length: 11 }, () => md('c')) }], 'no more than 10'],
    ['more than 50 blocks in a message', Array.from({ length: 51 }, () => ({ type: 'divider' })), 'no more than 50'],
    ['an unknown block type', [{ type: 'table' }], 'unknown block type'],
    ['an unknown element type in actions', [{ type: 'actions', elements: [{ type: 'slider', action_id: 'a' }] }], 'unknown or unsupported element type slider'],
    ['an input-only element in actions', [{ type: 'actions', elements: [{ type: 'number_input', action_id: 'a', is_decimal_allowed: false }] }], 'unsupported element type number_input'],
    ['an unknown accessory type', [{ type: 'section', text: md('x'), accessory: { type: 'toggle' } }], 'unsupported element type toggle'],
    ['more than 100 options in a static select', [{ type: 'actions', elements: [{ type: 'static_select', action_id: 's', options: Array.from({ length: 101 }, (_, i) => option(`o${i}`, `v${i}`)) }] }], 'no more than 100'],
    ['an option text over 75 characters', [{ type: 'actions', elements: [{ type: 'static_select', action_id: 's', options: [option('o'.repeat(76), 'v')] }] }], 'less than 76'],
    ['an option value over 150 characters', [{ type: 'actions', elements: [{ type: 'static_select', action_id: 's', options: [option('o', 'v'.repeat(151))] }] }], 'less than 151'],
    ['a select option in mrkdwn', [{ type: 'actions', elements: [{ type: 'static_select', action_id: 's', options: [{ text: md('o'), value: 'v' }] }] }], 'must be plain_text'],
    ['a number_input without is_decimal_allowed', [numberInput()], 'is_decimal_allowed'],
    ['a plain_text_input with max_length over 3000', [{ type: 'input', label: plain('Note'), element: { type: 'plain_text_input', action_id: 'n', max_length: 3001 } }], 'between 0 and 3000'],
    ['an input without a label', [{ type: 'input', element: { type: 'plain_text_input', action_id: 'n' } }], 'missing required field: text object'],
    ['an image without alt text', [{ type: 'image', image_url: 'https://example.com/a.png' }], 'alt_text'],
  ])('refuses %s', (_name, blocks, expected) => {
    const problems = validateBlocks(blocks, 'message');
    expect(problems).toEqual(expect.arrayContaining([expect.stringContaining(expected)]));
  });

  it('points at the offending field the way Slack does', () => {
    expect(validateBlocks([section('ok'), { type: 'header', text: md('x') }], 'message')).toEqual([
      '[ERROR] must be plain_text (mrkdwn is not allowed here) [json-pointer:/blocks/1/text/type]',
    ]);
  });

  it('allows 100 blocks in a view but not 101', () => {
    const dividers = (n: number) => Array.from({ length: n }, () => ({ type: 'divider' }));
    expect(validateBlocks(dividers(100), 'home')).toEqual([]);
    expect(validateBlocks(dividers(101), 'modal')).toEqual([expect.stringContaining('no more than 100')]);
  });
});

describe('validateView', () => {
  it('accepts a log modal with inputs and a submit button', () => {
    const view = modal({
      callback_id: 'log_modal',
      private_metadata: JSON.stringify({ source: 'home' }),
      blocks: [
        numberInput({ is_decimal_allowed: false, min_value: '1', max_value: '720' }),
        { type: 'input', block_id: 'kind', label: plain('Kind'), element: { type: 'static_select', action_id: 'k', options: [option('Respond', 'respond')] } },
        { type: 'input', block_id: 'date', label: plain('Date'), element: { type: 'datepicker', action_id: 'd', initial_date: '2024-03-04' } },
        { type: 'input', block_id: 'note', optional: true, label: plain('Note'), element: { type: 'plain_text_input', action_id: 'n', multiline: true, max_length: 3000 } },
      ],
    });
    expect(validateView(view)).toEqual([]);
  });

  it('accepts an App Home without a title', () => {
    expect(validateView({ type: 'home', blocks: [section('Your week')] })).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a modal title over 24 characters', modal({ title: plain('t'.repeat(25)) }), 'less than 25'],
    ['a modal without a title', modal({ title: undefined }), 'missing required field'],
    ['a submit label over 24 characters', modal({ submit: plain('s'.repeat(25)) }), 'less than 25'],
    ['a close label over 24 characters', modal({ close: plain('c'.repeat(25)) }), 'less than 25'],
    ['a modal with inputs but no submit', modal({ submit: undefined, blocks: [numberInput({ is_decimal_allowed: true })] }), 'needs a submit'],
    ['private_metadata over 3000 characters', modal({ private_metadata: 'p'.repeat(3001) }), 'less than 3001'],
    ['more than 100 blocks', modal({ blocks: Array.from({ length: 101 }, () => ({ type: 'divider' })) }), 'no more than 100'],
    ['an unknown view type', { type: 'dialog', blocks: [] }, 'must be one of modal, home'],
    ['an invalid block inside', modal({ blocks: [section('')] }), 'empty text'],
    ['an unknown element type in an input', modal({ blocks: [{ type: 'input', label: plain('x'), element: { type: 'button', action_id: 'b', text: plain('b') } }] }), 'unsupported element type button'],
  ])('refuses %s', (_name, view, expected) => {
    expect(validateView(view)).toEqual(expect.arrayContaining([expect.stringContaining(expected)]));
  });
});

describe('validateMessage', () => {
  it('refuses a message with neither text nor blocks as no_text', () => {
    expect(validateMessage({ channel: 'C1' }).error).toBe('no_text');
    expect(validateMessage({ channel: 'C1', text: '' }).error).toBe('no_text');
  });

  it('refuses bad blocks sent as the JSON string the Web API client sends', () => {
    const result = validateMessage({ text: 'fallback', blocks: JSON.stringify([{ type: 'header', text: md('x') }]) });
    expect(result.error).toBe('invalid_blocks');
    expect(result.problems).toHaveLength(1);
  });

  it('accepts text alone, and blocks alone', () => {
    expect(validateMessage({ text: 'hello' })).toEqual({ problems: [] });
    expect(validateMessage({ blocks: [section('hello')] })).toEqual({ problems: [] });
  });
});
