import { actionOf, findElement, mrkdwn, namePeople, renderBlocks, renderMessage, stateValues, type RenderContext } from '../../sandbox/public/render';
import { slackEmoji } from '../../sandbox/emoji';
import { logModal } from '../../src/slack/blocks/logModal';
import { LOG_MODAL } from '../../src/slack/ids';

const ctx: RenderContext = {
  userName: (id) => ({ U100ADA: 'Ada Lindqvist', U200MAR: 'Marta Kowalska' })[id] ?? id,
  people: [{ id: 'U100ADA', name: 'Ada Lindqvist' }, { id: 'U200MAR', name: 'Marta Kowalska' }],
  emoji: slackEmoji(),
};

describe('the sandbox renderer', () => {
  it('shows an unknown block as a labelled placeholder instead of dropping it', () => {
    const html = renderBlocks([{ type: 'rich_text', elements: [] }, { type: 'divider' }], ctx);
    expect(html).toContain('[unsupported block: rich_text]');
    expect(html).toContain('<hr>');
  });

  it('shows an unknown element inside a known block as a labelled placeholder', () => {
    const html = renderBlocks([{ type: 'actions', elements: [{ type: 'workflow_button', text: { type: 'plain_text', text: 'Run' } }] }], ctx);
    expect(html).toContain('[unsupported element: workflow_button]');
  });

  it('renders mrkdwn bold, italic, strike, code, links, mentions as names and emoji', () => {
    const html = mrkdwn('*Week* _so far_ ~old~ `code` <https://example.com/a?b=1&amp;c=2|the thread> for <@U100ADA> :white_check_mark: :no_such_emoji:', ctx);
    expect(html).toContain('<b>Week</b>');
    expect(html).toContain('<i>so far</i>');
    expect(html).toContain('<s>old</s>');
    expect(html).toContain('<code>code</code>');
    expect(html).toContain('<a href="https://example.com/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">the thread</a>');
    expect(html).toContain('@Ada Lindqvist');
    expect(html).toMatch(/<span class="bk-emoji bk-emoji-img" role="img" aria-label=":white_check_mark:" title=":white_check_mark:" style="[^"]+">✅<\/span>/);
    expect(html).toContain(':no_such_emoji:');
  });

  it('draws emoji from the emoji data package, aliases and skin tones included, and leaves unknown names as text', () => {
    const html = mrkdwn(':leftwards_arrow_with_hook: Undo :thumbsup: :+1: :wave::skin-tone-3: :person_shrugging:', ctx);
    expect(html).toContain('↩️');
    expect(html.match(/👍/g)).toHaveLength(2);
    expect(html).toContain('title=":wave::skin-tone-3:"');
    expect(html).toContain('>👋🏼</span>');
    // Slack has no such name (it is :shrug:), so Slack too shows it as typed.
    expect(html).toContain(':person_shrugging:');
    expect(mrkdwn(':white_check_mark:', { userName: ctx.userName })).toBe(':white_check_mark:');
  });

  it('draws > lines as one quote, with or without a space, escaped or not, and >>> as the rest of the message', () => {
    const html = mrkdwn('Asked you:\n>answer the *pricing* question\n&gt; in German\nThanks', ctx);
    expect(html).toBe('Asked you:<br><blockquote class="bk-quote">answer the <b>pricing</b> question<br>in German</blockquote>Thanks<br>'.replace(/<br>$/, ''));
    expect(mrkdwn('Before\n>>>all\nof this', ctx)).toBe('Before<br><blockquote class="bk-quote">all<br>of this</blockquote>');
    expect(mrkdwn('a > b', ctx)).toBe('a &gt; b');
  });

  it('names people in plain text such as a job report, leaving ids it does not know', () => {
    expect(namePeople('U100ADA  sent\nU999ZZZ  skipped: paused\nall in UTC', ctx.userName)).toBe('Ada Lindqvist  sent\nU999ZZZ  skipped: paused\nall in UTC');
  });

  it('escapes HTML in texts so a note cannot inject markup', () => {
    expect(mrkdwn('&lt;script&gt;alert(1)&lt;/script&gt; "q"', ctx)).toBe('&lt;script&gt;alert(1)&lt;/script&gt; &quot;q&quot;');
    expect(renderBlocks([{ type: 'header', text: { type: 'plain_text', text: '<b>hi</b>' } }], ctx)).toContain('&lt;b&gt;hi&lt;/b&gt;');
  });

  it('does not treat a javascript: link as a link', () => {
    expect(mrkdwn('<javascript:alert(1)|click>', ctx)).not.toContain('<a ');
  });

  it('renders header, section text with fields and a button accessory, context, actions and images', () => {
    const html = renderBlocks(
      [
        { type: 'header', text: { type: 'plain_text', text: 'Your week' } },
        {
          type: 'section', block_id: 'week', text: { type: 'mrkdwn', text: '*1h* of *4h*' },
          fields: [{ type: 'mrkdwn', text: 'Mon: 30m' }, { type: 'mrkdwn', text: 'Tue: –' }],
          accessory: { type: 'button', action_id: 'open', text: { type: 'plain_text', text: 'Log time' }, value: 'home', style: 'primary' },
        },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'By kind' }, { type: 'image', image_url: 'https://x.test/i.png', alt_text: 'icon' }] },
        {
          type: 'actions', block_id: 'acts',
          elements: [
            { type: 'button', action_id: 'a15', text: { type: 'plain_text', text: '15m' }, value: '15' },
            { type: 'static_select', action_id: 'pick', placeholder: { type: 'plain_text', text: 'Pick' }, options: [{ text: { type: 'plain_text', text: 'One' }, value: '1' }] },
          ],
        },
        { type: 'image', image_url: 'https://x.test/chart.png', alt_text: 'chart', title: { type: 'plain_text', text: 'Trend' } },
      ],
      ctx,
    );
    expect(html).toContain('class="bk-block bk-header"');
    expect(html).toContain('<b>1h</b> of <b>4h</b>');
    expect(html).toContain('<div class="bk-field">Mon: 30m</div>');
    expect(html).toMatch(/<button type="button" class="bk-button bk-primary" data-type="button" data-block-id="week" data-action-id="open" data-value="home">Log time<\/button>/);
    expect(html).toContain('data-action-id="a15" data-value="15">15m</button>');
    expect(html).toContain('<option value="1">One</option>');
    expect(html).toContain('data-dispatch="1"');
    expect(html).toContain('src="https://x.test/chart.png"');
    expect(html).toContain('Trend');
  });

  it('renders every input of the real log modal, with inline errors by block id', () => {
    const view = logModal({ today: '2026-11-24' });
    const html = renderBlocks(view.blocks, { ...ctx, errors: { [LOG_MODAL.minutesBlock]: 'Not a duration' } });
    expect(html).not.toContain('unsupported');
    expect(html).toContain('type="date" value="2026-11-24"');
    expect(html).toContain('type="url"');
    expect(html).toContain('<textarea');
    expect(html).toContain('<div class="bk-error" role="alert">Not a duration</div>');
  });

  it.each([
    ['number_input', { type: 'number_input', action_id: 'n', is_decimal_allowed: false, min_value: '1' }, 'type="number"'],
    ['users_select', { type: 'users_select', action_id: 'u', initial_user: 'U200MAR' }, '<option value="U200MAR" selected>Marta Kowalska</option>'],
    ['checkboxes', { type: 'checkboxes', action_id: 'c', options: [{ text: { type: 'plain_text', text: 'Share' }, value: 'yes' }] }, 'type="checkbox"'],
    ['radio_buttons', { type: 'radio_buttons', action_id: 'r', options: [{ text: { type: 'plain_text', text: 'A' }, value: 'a' }] }, 'type="radio"'],
    ['email_text_input', { type: 'email_text_input', action_id: 'e' }, 'type="email"'],
    ['timepicker', { type: 'timepicker', action_id: 't', initial_time: '16:30' }, 'type="time" value="16:30"'],
  ])('renders a %s input element', (_type, element, expected) => {
    const html = renderBlocks([{ type: 'input', block_id: 'b', label: { type: 'plain_text', text: 'L' }, element }], ctx);
    expect(html).toContain(expected);
    expect(html).not.toContain('data-dispatch');
  });

  it("carries a button's confirm dialog for the page to ask first, with Slack's defaults for what is left out", () => {
    const html = renderBlocks([{ type: 'actions', elements: [{
      type: 'button', action_id: 'del', text: { type: 'plain_text', text: 'Delete' }, style: 'danger',
      confirm: { title: { type: 'plain_text', text: 'Delete this entry?' }, text: { type: 'plain_text', text: '30m "replying" goes' }, confirm: { type: 'plain_text', text: 'Delete' }, style: 'danger' },
    }] }], ctx);
    const attr = /data-confirm="([^"]*)"/.exec(html)![1]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    expect(JSON.parse(attr)).toEqual({ title: 'Delete this entry?', text: '30m "replying" goes', confirm: 'Delete', deny: 'Cancel', danger: true });
    expect(renderBlocks([{ type: 'actions', elements: [{ type: 'button', action_id: 'x', text: { type: 'plain_text', text: 'X' } }] }], ctx)).not.toContain('data-confirm');
  });

  it('renders a message without blocks from its text', () => {
    expect(renderMessage({ text: 'Hello <@U200MAR>' }, ctx)).toContain('@Marta Kowalska');
  });
});

describe('what the sandbox sends back', () => {
  it('shapes state.values as Slack does, with the options exactly as the app sent them and nulls for empty fields', () => {
    const view = logModal({ today: '2026-11-24' });
    const raw: Record<string, string | null> = {
      [`${LOG_MODAL.minutesBlock}/${LOG_MODAL.minutesAction}`]: '45m',
      [`${LOG_MODAL.kindBlock}/${LOG_MODAL.kindAction}`]: 'comment',
      [`${LOG_MODAL.networkBlock}/${LOG_MODAL.networkAction}`]: null,
      [`${LOG_MODAL.dateBlock}/${LOG_MODAL.dateAction}`]: '2026-11-23',
      [`${LOG_MODAL.linkBlock}/${LOG_MODAL.linkAction}`]: '',
      [`${LOG_MODAL.noteBlock}/${LOG_MODAL.noteAction}`]: 'a note',
    };
    const values = stateValues(view.blocks, (b, a) => raw[`${b}/${a}`] ?? null);
    expect(values[LOG_MODAL.minutesBlock]).toEqual({ [LOG_MODAL.minutesAction]: { type: 'plain_text_input', value: '45m' } });
    expect(values[LOG_MODAL.kindBlock]![LOG_MODAL.kindAction]).toEqual({
      type: 'static_select',
      selected_option: { text: { type: 'plain_text', text: 'Commenting', emoji: true }, value: 'comment' },
    });
    expect(values[LOG_MODAL.networkBlock]![LOG_MODAL.networkAction]).toEqual({ type: 'static_select', selected_option: null });
    expect(values[LOG_MODAL.dateBlock]![LOG_MODAL.dateAction]).toEqual({ type: 'datepicker', selected_date: '2026-11-23' });
    expect(values[LOG_MODAL.linkBlock]![LOG_MODAL.linkAction]).toEqual({ type: 'url_text_input', value: null });
  });

  it('builds a button click as Slack reports it, with value, text and style', () => {
    const blocks = [{ type: 'actions', block_id: 'checkin', elements: [{ type: 'button', action_id: 'log15', text: { type: 'plain_text', text: '15m' }, value: '15', style: 'primary' }] }];
    const el = findElement(blocks, 'checkin', 'log15')!;
    expect(actionOf(el, 'checkin', null, '1.2')).toEqual({
      type: 'button', block_id: 'checkin', action_id: 'log15', action_ts: '1.2', text: { type: 'plain_text', text: '15m' }, value: '15', style: 'primary',
    });
  });

  it('builds a select choice with the chosen option and finds elements in blocks without ids', () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: 'x' }, accessory: { type: 'static_select', action_id: 'who', options: [{ text: { type: 'plain_text', text: 'Ada' }, value: 'U100ADA' }] } }];
    const el = findElement(blocks, 'sbx-block-0', 'who')!;
    expect(actionOf(el, 'sbx-block-0', 'U100ADA', '1.3')).toMatchObject({ type: 'static_select', selected_option: { value: 'U100ADA', text: { type: 'plain_text', text: 'Ada' } } });
  });
});

describe('the sandbox draws charts', () => {
  it('draws a data_visualization bar chart as inline SVG, one bar per series and category', () => {
    const html = renderBlocks([{
      type: 'data_visualization', title: 'Your last 2 weeks against budget',
      chart: {
        type: 'bar',
        series: [{ name: 'Logged', data: [{ label: '23 Nov', value: 2 }, { label: '30 Nov', value: 5 }] }, { name: 'Budget', data: [{ label: '23 Nov', value: 4 }, { label: '30 Nov', value: 4 }] }],
        axis_config: { categories: ['23 Nov', '30 Nov'], y_label: 'Hours' },
      },
    }], ctx);
    expect(html).toContain('<svg role="img" aria-label="Your last 2 weeks against budget"');
    expect(html.match(/<rect /g)).toHaveLength(4);
    expect(html).toContain('Logged 30 Nov: 5');
    expect(html).not.toContain('unsupported');
  });

  it('draws an image from a Slack file where the page can load it, else says what it shows', () => {
    const img = [{ type: 'image', slack_file: { id: 'F1' }, alt_text: 'Your last 8 weeks' }];
    expect(renderBlocks(img, { ...ctx, fileUrl: (id) => `/files/${id}` })).toContain('<img src="/files/F1" alt="Your last 8 weeks">');
    expect(renderBlocks(img, ctx)).toContain('[image: Your last 8 weeks]');
  });
});
