/**
 * A Block Kit validator as strict as Slack, by Slack's documented limits. Pure: the fake Slack,
 * the tests and the sandbox all use it. Problems read like Slack's own `response_metadata.messages`:
 * `[ERROR] <what> [json-pointer:/blocks/0/text/text]`.
 */

export type Surface = 'message' | 'modal' | 'home';

type Json = Record<string, unknown>;

const BLOCK_TYPES = new Set([
  'actions', 'context', 'data_visualization', 'divider', 'file', 'header', 'image', 'input', 'markdown', 'rich_text',
  'section', 'video',
]);

/** Slack's "Data visualization block" (changelog 2026-06-16): its documented limits. */
const CHART_TYPES = new Set(['bar', 'line', 'area', 'pie']);
const MAX_CHARTS_PER_MESSAGE = 2;

/**
 * Not a Slack rule but Ballast's (DESIGN.md): people read "week of Mon 30 Nov", never an ISO week
 * code. Checked on every text a person reads, in every payload the fake receives.
 */
export const ISO_WEEK_CODE = /\b\d{4}-W\d{2}\b/;
/** Keys whose strings no person reads (ids, values carried back to the app, URLs). */
const UNREAD_KEYS = new Set([
  'action_id', 'block_id', 'callback_id', 'external_id', 'private_metadata', 'value', 'url', 'image_url', 'id',
  'initial_value', 'initial_date', 'initial_time', 'type', 'style',
]);

const SELECTS = [
  'static_select', 'external_select', 'users_select', 'conversations_select', 'channels_select',
  'multi_static_select', 'multi_external_select', 'multi_users_select', 'multi_conversations_select',
  'multi_channels_select',
];
const ACTIONS_ELEMENTS = new Set([
  'button', 'checkboxes', 'datepicker', 'datetimepicker', 'overflow', 'plain_text_input', 'radio_buttons',
  'rich_text_input', 'timepicker', 'workflow_button', ...SELECTS,
]);
const INPUT_ELEMENTS = new Set([
  'checkboxes', 'datepicker', 'datetimepicker', 'email_text_input', 'file_input', 'number_input',
  'plain_text_input', 'radio_buttons', 'rich_text_input', 'timepicker', 'url_text_input', ...SELECTS,
]);
const ACCESSORY_ELEMENTS = new Set([
  'button', 'checkboxes', 'datepicker', 'image', 'overflow', 'radio_buttons', 'timepicker', 'workflow_button',
  ...SELECTS,
]);

const MAX_BLOCKS: Record<Surface, number> = { message: 50, modal: 100, home: 100 };

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Collects problems while walking one payload. */
class Checker {
  readonly problems: string[] = [];

  error(path: string, message: string): void {
    this.problems.push(`[ERROR] ${message} [json-pointer:${path}]`);
  }

  /** A text object: `{ type: 'plain_text' | 'mrkdwn', text }`, non-empty, within `max`. */
  text(path: string, value: unknown, opts: { max: number; plainOnly?: boolean; required?: boolean }): void {
    if (value === undefined) {
      if (opts.required) this.error(path, 'missing required field: text object');
      return;
    }
    if (!isObject(value)) {
      this.error(path, 'must be a text object');
      return;
    }
    if (value.type === undefined) {
      this.error(`${path}/type`, 'missing required field: type');
    } else if (value.type !== 'plain_text' && value.type !== 'mrkdwn') {
      this.error(`${path}/type`, `must be one of plain_text, mrkdwn, not ${String(value.type)}`);
    } else if (opts.plainOnly && value.type !== 'plain_text') {
      this.error(`${path}/type`, 'must be plain_text (mrkdwn is not allowed here)');
    }
    if (typeof value.text !== 'string') {
      this.error(`${path}/text`, 'missing required field: text');
    } else if (value.text.length === 0) {
      this.error(`${path}/text`, 'must be more than 0 characters (empty text)');
    } else if (value.text.length > opts.max) {
      this.error(`${path}/text`, `must be less than ${opts.max + 1} characters`);
    }
  }

  id(path: string, value: unknown, what: 'block_id' | 'action_id'): void {
    if (value === undefined) return;
    if (typeof value !== 'string' || value.length === 0) this.error(path, `${what} must be a non-empty string`);
    else if (value.length > 255) this.error(path, `${what} must be less than 256 characters`);
  }

  maxString(path: string, value: unknown, max: number): void {
    if (value === undefined) return;
    if (typeof value !== 'string') this.error(path, 'must be a string');
    else if (value.length > max) this.error(path, `must be less than ${max + 1} characters`);
  }

  blocks(path: string, blocks: unknown, surface: Surface): void {
    if (!Array.isArray(blocks)) {
      this.error(path, 'blocks must be an array');
      return;
    }
    if (blocks.length > MAX_BLOCKS[surface]) {
      this.error(path, `no more than ${MAX_BLOCKS[surface]} items allowed in a ${surface}`);
    }
    const blockIds = new Set<string>();
    const charts = blocks.filter((b) => isObject(b) && b.type === 'data_visualization').length;
    if (charts > 0 && surface !== 'message') this.error(path, `data_visualization blocks are not supported in a ${surface}`);
    else if (charts > MAX_CHARTS_PER_MESSAGE) this.error(path, `no more than ${MAX_CHARTS_PER_MESSAGE} data_visualization blocks allowed in a message`);
    blocks.forEach((block, i) => {
      const at = `${path}/${i}`;
      if (!isObject(block)) {
        this.error(at, 'must be an object');
        return;
      }
      if (typeof block.block_id === 'string') {
        if (blockIds.has(block.block_id)) this.error(`${at}/block_id`, `duplicate block_id ${block.block_id}`);
        blockIds.add(block.block_id);
      }
      this.block(at, block);
    });
  }

  block(at: string, block: Json): void {
    this.id(`${at}/block_id`, block.block_id, 'block_id');
    const type = block.type;
    if (typeof type !== 'string' || !BLOCK_TYPES.has(type)) {
      this.error(`${at}/type`, `unknown block type ${String(type)}`);
      return;
    }
    switch (type) {
      case 'section':
        return this.section(at, block);
      case 'header':
        return this.text(`${at}/text`, block.text, { max: 150, plainOnly: true, required: true });
      case 'actions':
        return this.elementList(at, block.elements, 25, ACTIONS_ELEMENTS, 'actions');
      case 'context':
        return this.context(at, block);
      case 'input':
        return this.input(at, block);
      case 'image':
        return this.image(at, block);
      case 'data_visualization':
        return this.dataVisualization(at, block);
      case 'markdown':
        if (typeof block.text !== 'string' || block.text.length === 0) this.error(`${at}/text`, 'empty text');
        else this.maxString(`${at}/text`, block.text, 12000);
        return;
      default:
        return; // divider, rich_text, video, file: nothing Ballast could get wrong
    }
  }

  dataVisualization(at: string, block: Json): void {
    if (typeof block.title !== 'string' || block.title.length === 0) this.error(`${at}/title`, 'missing required field: title');
    else this.maxString(`${at}/title`, block.title, 50);
    const chart = block.chart;
    if (!isObject(chart)) return this.error(`${at}/chart`, 'missing required field: chart');
    if (typeof chart.type !== 'string' || !CHART_TYPES.has(chart.type)) {
      return this.error(`${at}/chart/type`, `must be one of bar, line, area, pie, not ${String(chart.type)}`);
    }
    const points = (p: string, list: unknown, labels?: Set<string>): void => {
      if (!Array.isArray(list) || list.length === 0) return this.error(p, 'must provide at least 1 item');
      list.forEach((d, i) => {
        if (!isObject(d) || typeof d.label !== 'string' || d.label.length === 0) return this.error(`${p}/${i}/label`, 'missing required field: label');
        if (typeof d.value !== 'number' || !Number.isFinite(d.value)) this.error(`${p}/${i}/value`, 'must be a number');
        if (labels && !labels.has(d.label)) this.error(`${p}/${i}/label`, `label ${d.label} is not one of axis_config.categories`);
      });
    };
    if (chart.type === 'pie') {
      if (Array.isArray(chart.segments) && chart.segments.length > 6) this.error(`${at}/chart/segments`, 'no more than 6 items allowed');
      return points(`${at}/chart/segments`, chart.segments);
    }
    const axis = chart.axis_config;
    if (!isObject(axis)) return this.error(`${at}/chart/axis_config`, `missing required field: axis_config (required for ${chart.type})`);
    const categories = Array.isArray(axis.categories) ? axis.categories : undefined;
    if (!categories || categories.length === 0) return this.error(`${at}/chart/axis_config/categories`, 'must provide at least 1 item');
    categories.forEach((c, i) => {
      if (typeof c !== 'string' || c.length === 0) this.error(`${at}/chart/axis_config/categories/${i}`, 'must be a non-empty string');
      else this.maxString(`${at}/chart/axis_config/categories/${i}`, c, 20);
    });
    this.maxString(`${at}/chart/axis_config/x_label`, axis.x_label, 50);
    this.maxString(`${at}/chart/axis_config/y_label`, axis.y_label, 50);
    const series = chart.series;
    if (!Array.isArray(series) || series.length === 0) return this.error(`${at}/chart/series`, 'must provide at least 1 item');
    if (series.length > 6) this.error(`${at}/chart/series`, 'no more than 6 items allowed');
    const names = new Set<string>();
    const labels = new Set(categories.filter((c): c is string => typeof c === 'string'));
    series.forEach((sr, i) => {
      const sp = `${at}/chart/series/${i}`;
      if (!isObject(sr) || typeof sr.name !== 'string' || sr.name.length === 0) return this.error(`${sp}/name`, 'missing required field: name');
      if (names.has(sr.name)) this.error(`${sp}/name`, `duplicate series name ${sr.name}`);
      names.add(sr.name);
      points(`${sp}/data`, sr.data, labels);
    });
  }

  /** Every string a person reads in `value`, checked for ISO week codes. */
  words(path: string, value: unknown): void {
    if (typeof value === 'string') {
      const m = ISO_WEEK_CODE.exec(value);
      if (m) this.error(path, `shows the ISO week code ${m[0]}: people read "week of Mon 30 Nov" (Ballast's rule)`);
    } else if (Array.isArray(value)) value.forEach((v, i) => this.words(`${path}/${i}`, v));
    else if (isObject(value)) {
      for (const [k, v] of Object.entries(value)) if (!UNREAD_KEYS.has(k)) this.words(`${path}/${k}`, v);
    }
  }

  section(at: string, block: Json): void {
    if (block.text === undefined && block.fields === undefined) {
      this.error(at, 'must provide either text or fields');
    }
    this.text(`${at}/text`, block.text, { max: 3000 });
    if (block.fields !== undefined) {
      if (!Array.isArray(block.fields)) this.error(`${at}/fields`, 'must be an array');
      else {
        if (block.fields.length > 10) this.error(`${at}/fields`, 'no more than 10 items allowed');
        if (block.fields.length === 0) this.error(`${at}/fields`, 'must provide at least 1 item');
        block.fields.forEach((f, i) => this.text(`${at}/fields/${i}`, f, { max: 2000, required: true }));
      }
    }
    if (block.accessory !== undefined) this.element(`${at}/accessory`, block.accessory, ACCESSORY_ELEMENTS, 'accessory');
  }

  context(at: string, block: Json): void {
    const elements = block.elements;
    if (!Array.isArray(elements) || elements.length === 0) {
      this.error(`${at}/elements`, 'must provide at least 1 element');
      return;
    }
    if (elements.length > 10) this.error(`${at}/elements`, 'no more than 10 items allowed');
    elements.forEach((el, i) => {
      const p = `${at}/elements/${i}`;
      if (isObject(el) && el.type === 'image') this.imageElement(p, el);
      else this.text(p, el, { max: 3000, required: true });
    });
  }

  input(at: string, block: Json): void {
    this.text(`${at}/label`, block.label, { max: 2000, plainOnly: true, required: true });
    this.text(`${at}/hint`, block.hint, { max: 2000, plainOnly: true });
    if (block.element === undefined) this.error(`${at}/element`, 'missing required field: element');
    else this.element(`${at}/element`, block.element, INPUT_ELEMENTS, 'input');
  }

  image(at: string, block: Json): void {
    if (block.image_url === undefined && block.slack_file === undefined) this.error(at, 'must provide image_url or slack_file');
    this.maxString(`${at}/image_url`, block.image_url, 3000);
    if (typeof block.alt_text !== 'string' || block.alt_text.length === 0) this.error(`${at}/alt_text`, 'missing required field: alt_text');
    else this.maxString(`${at}/alt_text`, block.alt_text, 2000);
    this.text(`${at}/title`, block.title, { max: 2000, plainOnly: true });
  }

  imageElement(at: string, el: Json): void {
    if (el.image_url === undefined && el.slack_file === undefined) this.error(at, 'must provide image_url or slack_file');
    if (typeof el.alt_text !== 'string' || el.alt_text.length === 0) this.error(`${at}/alt_text`, 'missing required field: alt_text');
  }

  elementList(at: string, elements: unknown, max: number, allowed: Set<string>, where: string): void {
    if (!Array.isArray(elements) || elements.length === 0) {
      this.error(`${at}/elements`, 'must provide at least 1 element');
      return;
    }
    if (elements.length > max) this.error(`${at}/elements`, `no more than ${max} items allowed`);
    const actionIds = new Set<string>();
    elements.forEach((el, i) => {
      if (isObject(el) && typeof el.action_id === 'string') {
        if (actionIds.has(el.action_id)) this.error(`${at}/elements/${i}/action_id`, `duplicate action_id ${el.action_id}`);
        actionIds.add(el.action_id);
      }
      this.element(`${at}/elements/${i}`, el, allowed, where);
    });
  }

  element(at: string, el: unknown, allowed: Set<string>, where: string): void {
    if (!isObject(el)) {
      this.error(at, 'must be an object');
      return;
    }
    const type = el.type;
    if (typeof type !== 'string' || !allowed.has(type)) {
      this.error(`${at}/type`, `unknown or unsupported element type ${String(type)} in ${where}`);
      return;
    }
    this.id(`${at}/action_id`, el.action_id, 'action_id');
    this.text(`${at}/placeholder`, el.placeholder, { max: 150, plainOnly: true });
    if (el.confirm !== undefined) this.confirm(`${at}/confirm`, el.confirm);
    switch (type) {
      case 'button':
      case 'workflow_button':
        this.text(`${at}/text`, el.text, { max: 75, plainOnly: true, required: true });
        this.maxString(`${at}/value`, el.value, 2000);
        this.maxString(`${at}/url`, el.url, 3000);
        if (el.style !== undefined && el.style !== 'primary' && el.style !== 'danger') {
          this.error(`${at}/style`, 'must be one of primary, danger');
        }
        return;
      case 'image':
        return this.imageElement(at, el);
      case 'overflow':
        return this.options(at, el.options, { min: 2, max: 5, plainOnly: true });
      case 'radio_buttons':
      case 'checkboxes':
        return this.options(at, el.options, { min: 1, max: 10, plainOnly: false });
      case 'static_select':
      case 'multi_static_select':
        if (el.options === undefined && el.option_groups === undefined) this.error(at, 'must provide options or option_groups');
        if (el.options !== undefined) this.options(at, el.options, { min: 1, max: 100, plainOnly: true });
        if (Array.isArray(el.option_groups)) {
          if (el.option_groups.length > 100) this.error(`${at}/option_groups`, 'no more than 100 items allowed');
          el.option_groups.forEach((g, i) => {
            const gp = `${at}/option_groups/${i}`;
            if (!isObject(g)) return this.error(gp, 'must be an object');
            this.text(`${gp}/label`, g.label, { max: 75, plainOnly: true, required: true });
            this.options(gp, g.options, { min: 1, max: 100, plainOnly: true });
          });
        }
        if (el.initial_option !== undefined) this.option(`${at}/initial_option`, el.initial_option, true);
        return;
      case 'number_input':
        if (typeof el.is_decimal_allowed !== 'boolean') {
          this.error(`${at}/is_decimal_allowed`, 'missing required field: is_decimal_allowed');
        }
        return;
      case 'plain_text_input':
        for (const key of ['max_length', 'min_length'] as const) {
          const n = el[key];
          if (n !== undefined && (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 3000)) {
            this.error(`${at}/${key}`, 'must be an integer between 0 and 3000');
          }
        }
        this.maxString(`${at}/initial_value`, el.initial_value, 3000);
        return;
      case 'datepicker':
        if (el.initial_date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(el.initial_date))) {
          this.error(`${at}/initial_date`, 'must be YYYY-MM-DD');
        }
        return;
      case 'timepicker':
        if (el.initial_time !== undefined && !/^([01]\d|2[0-3]):[0-5]\d$/.test(String(el.initial_time))) {
          this.error(`${at}/initial_time`, 'must be HH:mm');
        }
        return;
      default:
        return;
    }
  }

  options(at: string, options: unknown, opts: { min: number; max: number; plainOnly: boolean }): void {
    if (!Array.isArray(options)) {
      this.error(`${at}/options`, 'must be an array');
      return;
    }
    if (options.length < opts.min) this.error(`${at}/options`, `must provide at least ${opts.min} items`);
    if (options.length > opts.max) this.error(`${at}/options`, `no more than ${opts.max} items allowed`);
    options.forEach((o, i) => this.option(`${at}/options/${i}`, o, opts.plainOnly));
  }

  option(at: string, option: unknown, plainOnly: boolean): void {
    if (!isObject(option)) {
      this.error(at, 'must be an object');
      return;
    }
    this.text(`${at}/text`, option.text, { max: 75, plainOnly, required: true });
    this.text(`${at}/description`, option.description, { max: 75, plainOnly });
    if (typeof option.value !== 'string' || option.value.length === 0) this.error(`${at}/value`, 'missing required field: value');
    else this.maxString(`${at}/value`, option.value, 150);
  }

  confirm(at: string, confirm: unknown): void {
    if (!isObject(confirm)) {
      this.error(at, 'must be an object');
      return;
    }
    this.text(`${at}/title`, confirm.title, { max: 100, plainOnly: true, required: true });
    this.text(`${at}/text`, confirm.text, { max: 300, required: true });
    this.text(`${at}/confirm`, confirm.confirm, { max: 30, plainOnly: true, required: true });
    this.text(`${at}/deny`, confirm.deny, { max: 30, plainOnly: true, required: true });
  }
}

/** Problems with a list of blocks on one surface; empty when Slack would accept it. */
export function validateBlocks(blocks: unknown, surface: Surface): string[] {
  const c = new Checker();
  c.blocks('/blocks', blocks, surface);
  c.words('/blocks', blocks);
  return c.problems;
}

/** Problems with a view for `views.open`/`push`/`update`/`publish` or a `response_action`. */
export function validateView(view: unknown): string[] {
  const c = new Checker();
  if (!isObject(view)) {
    c.error('/view', 'view must be an object');
    return c.problems;
  }
  if (view.type !== 'modal' && view.type !== 'home') {
    c.error('/view/type', `must be one of modal, home, not ${String(view.type)}`);
    return c.problems;
  }
  c.blocks('/view/blocks', view.blocks, view.type);
  c.words('/view/blocks', view.blocks);
  c.words('/view/title', view.title);
  c.maxString('/view/private_metadata', view.private_metadata, 3000);
  c.maxString('/view/callback_id', view.callback_id, 255);
  c.maxString('/view/external_id', view.external_id, 255);
  if (view.type === 'modal') {
    c.text('/view/title', view.title, { max: 24, plainOnly: true, required: true });
    c.text('/view/submit', view.submit, { max: 24, plainOnly: true });
    c.text('/view/close', view.close, { max: 24, plainOnly: true });
    const hasInput = Array.isArray(view.blocks) && view.blocks.some((b) => isObject(b) && b.type === 'input');
    if (hasInput && view.submit === undefined) c.error('/view/submit', 'a modal with input blocks needs a submit button');
  }
  return c.problems;
}

export interface MessageProblems {
  /** Slack's error code: `no_text`, `invalid_blocks` or `msg_too_long`; undefined when fine. */
  error?: 'no_text' | 'invalid_blocks' | 'msg_too_long';
  problems: string[];
}

/**
 * Checks a message payload (chat.postMessage/update/postEphemeral arguments, a response_url body,
 * or a slash command's ack body). `blocks` may still be the JSON string the Web API client sends.
 */
export function validateMessage(message: Record<string, unknown>): MessageProblems {
  let blocks = message.blocks;
  if (typeof blocks === 'string') {
    try {
      blocks = JSON.parse(blocks) as unknown;
    } catch {
      return { error: 'invalid_blocks', problems: ['[ERROR] blocks is not valid JSON [json-pointer:/blocks]'] };
    }
  }
  const hasText = typeof message.text === 'string' && message.text.length > 0;
  const hasBlocks = Array.isArray(blocks) && blocks.length > 0;
  const hasAttachments = message.attachments !== undefined && message.attachments !== '[]';
  if (!hasText && !hasBlocks && !hasAttachments) {
    return { error: 'no_text', problems: ['[ERROR] a message needs text or blocks [json-pointer:/text]'] };
  }
  if (typeof message.text === 'string' && message.text.length > 40000) {
    return { error: 'msg_too_long', problems: ['[ERROR] text must be less than 40001 characters [json-pointer:/text]'] };
  }
  if (blocks !== undefined) {
    const problems = validateBlocks(blocks, 'message');
    if (problems.length > 0) return { error: 'invalid_blocks', problems };
  }
  const c = new Checker();
  c.words('/text', message.text);
  if (c.problems.length > 0) return { error: 'invalid_blocks', problems: c.problems };
  return { problems: [] };
}

/** The Slack file ids that image blocks and image elements reference (`slack_file: { id }`). */
export function slackFileIds(blocks: unknown): string[] {
  const ids: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (isObject(v)) {
      if (v.type === 'image' && isObject(v.slack_file) && typeof v.slack_file.id === 'string') ids.push(v.slack_file.id);
      Object.values(v).forEach(walk);
    }
  };
  walk(blocks);
  return ids;
}
