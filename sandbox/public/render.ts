/**
 * Block Kit to HTML for the sandbox page, and the inverse: what Slack would send back when someone
 * clicks or submits. Pure (no DOM, no globals), so jest runs it in Node and the page loads the same
 * file as an ES module (the sandbox server strips the types with TypeScript on the way out).
 */

type Json = Record<string, unknown>;

export interface RenderContext {
  /** Display name for a Slack user id, used for `<@U…>` mentions and users_select. */
  userName(id: string): string;
  /** People offered by users_select elements. */
  people?: { id: string; name: string }[];
  /** Inline errors by block id, from a view_submission answered with `response_action: errors`. */
  errors?: Record<string, string>;
  /** Emoji by shortcode; see `emojify`. */
  emoji?: EmojiTable;
  /** Where the page can load an uploaded Slack file's bytes (an image block's `slack_file`); absent: its alt text. */
  fileUrl?(id: string): string;
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * Emoji by Slack shortcode (`white_check_mark` → ✅): the emoji and, when the sprite sheet has it, its
 * cell there. The data comes from the emoji-datasource npm package (iamcal's emoji data, the names
 * Slack uses): sandbox/emoji.ts builds it, the server sends it to the page as /emoji.json and the page
 * passes it in the context. Without one, shortcodes stay text.
 */
export interface EmojiTable {
  /** A sprite sheet of `image`-pixel emoji in cells `cell` pixels apart, `width` pixels square. */
  sheet: { url: string; width: number; image: number; cell: number };
  /** `name` and `name::skin-tone-N` → [emoji, column, row], or [emoji] when the sheet lacks it. */
  names: Readonly<Record<string, readonly [string] | readonly [string, number, number]>>;
}

const own = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** `:name:` (and `:name::skin-tone-2:`) drawn as Slack draws them; unknown names stay as typed, as in Slack. */
export function emojify(html: string, table: EmojiTable | undefined): string {
  if (!table) return html;
  const { sheet, names } = table;
  return html.replace(/:([a-z0-9_+-]+):(?::(skin-tone-[2-6]):)?/g, (m, name: string, tone: string | undefined) => {
    const key = tone && own(names, `${name}::${tone}`) ? `${name}::${tone}` : name;
    if (!own(names, key)) return m;
    const [char, x, y] = names[key]!;
    const title = `:${name}:${tone ? `:${tone}:` : ''}`;
    if (x === undefined || y === undefined) return `<span class="bk-emoji" title="${title}">${char}</span>`;
    // Percentages keep the cell in place at any size: offset / (sheet - one image), in the sheet's pixels.
    const at = (i: number): string => `${(((i * sheet.cell + (sheet.cell - sheet.image) / 2) * 100) / (sheet.width - sheet.image)).toFixed(4)}%`;
    const size = `${((sheet.width * 100) / sheet.image).toFixed(4)}%`;
    const style = `background-image:url(${sheet.url});background-size:${size} ${size};background-position:${at(x)} ${at(y)}`;
    return `<span class="bk-emoji bk-emoji-img" role="img" aria-label="${title}" title="${title}" style="${style}">${char}</span>`;
  });
}

/** Slack user ids in plain text (a job report's lines) replaced by the names people know them by. */
export function namePeople(text: string, userName: (id: string) => string): string {
  return text.replace(/\b[UW][A-Z0-9]{2,}\b/g, (id) => userName(id));
}

/** Slack escapes &, < and > in message text; undo that before escaping for HTML. */
const unSlack = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

function token(inner: string, ctx: RenderContext): string {
  const bar = inner.indexOf('|');
  const target = bar >= 0 ? inner.slice(0, bar) : inner;
  const label = bar >= 0 ? inner.slice(bar + 1) : '';
  if (/^@[UW][A-Z0-9]+$/.test(target)) {
    return `<span class="bk-mention">@${escapeHtml(ctx.userName(target.slice(1)))}</span>`;
  }
  if (target.startsWith('#')) return `<span class="bk-mention">#${escapeHtml(unSlack(label) || target.slice(1))}</span>`;
  if (target.startsWith('!')) {
    const special = target.slice(1).split('^')[0] ?? '';
    return `<span class="bk-mention">${escapeHtml(unSlack(label) || `@${special}`)}</span>`;
  }
  const url = unSlack(target);
  if (/^(https?:|mailto:)/i.test(url)) {
    return `<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${escapeHtml(unSlack(label) || url)}</a>`;
  }
  return escapeHtml(`<${unSlack(inner)}>`);
}

/** Slack mrkdwn: *bold*, _italic_, ~strike~, `code`, ``` blocks, > quotes, links, mentions, emoji. */
export function mrkdwn(text: string, ctx: RenderContext): string {
  const saved: string[] = [];
  const keep = (html: string): string => `\u0001${saved.push(html) - 1}\u0002`;
  let s = text.replace(/<([^<>\n]+)>/g, (_m, inner: string) => keep(token(inner, ctx)));
  s = escapeHtml(unSlack(s));
  s = s.replace(/```([\s\S]*?)```/g, (_m, code: string) => keep(`<pre class="bk-pre">${code.replace(/^\n/, '')}</pre>`));
  s = s.replace(/`([^`\n]+)`/g, (_m, code: string) => keep(`<code>${code}</code>`));
  const edge = '(^|[\\s(\\u0002\\u0001>"\'\\-])';
  const end = '(?=$|[\\s).,!?:;\\u0001\\u0002<"\'\\-])';
  const inline = (line: string): string => {
    let l = line.replace(new RegExp(`${edge}\\*(?=\\S)([^*\\n]*?\\S)\\*${end}`, 'g'), '$1<b>$2</b>');
    l = l.replace(new RegExp(`${edge}_(?=\\S)([^_\\n]*?\\S)_${end}`, 'g'), '$1<i>$2</i>');
    l = l.replace(new RegExp(`${edge}~(?=\\S)([^~\\n]*?\\S)~${end}`, 'g'), '$1<s>$2</s>');
    return emojify(l, ctx.emoji);
  };
  // Quotes as Slack draws them: a line starting with `>` (typed or escaped, with or without a space)
  // is quoted, consecutive quoted lines form one quote, and `>>>` quotes the rest of the message.
  const out: string[] = [];
  let quote: string[] | null = null;
  let rest = false;
  const flush = (): void => {
    if (quote) out.push(`<blockquote class="bk-quote">${quote.join('<br>')}</blockquote>`);
    quote = null;
  };
  for (const line of s.split('\n')) {
    if (!rest && line.startsWith('&gt;&gt;&gt;')) {
      rest = true;
      (quote ??= []).push(inline(line.slice(12).replace(/^ /, '')));
    } else if (rest || line.startsWith('&gt;')) {
      (quote ??= []).push(inline(rest ? line : line.slice(4).replace(/^ /, '')));
    } else {
      flush();
      out.push(`${inline(line)}\n`);
    }
  }
  flush();
  s = out.join('').replace(/\n$/, '').replace(/\n/g, '<br>');
  // Saved pieces may themselves hold saved pieces (code inside a link label never, but be safe).
  for (let i = 0; i < 3 && s.includes('\u0001'); i += 1) {
    // eslint-disable-next-line no-control-regex -- the placeholders are control characters on purpose
    s = s.replace(/\u0001(\d+)\u0002/g, (_m, n: string) => saved[Number(n)] ?? '');
  }
  return s;
}

/** A text object (plain_text or mrkdwn) as HTML. */
export function textObject(t: unknown, ctx: RenderContext): string {
  if (!isObject(t)) return '';
  if (t.type === 'mrkdwn') return mrkdwn(str(t.text), ctx);
  const html = escapeHtml(str(t.text)).replace(/\n/g, '<br>');
  return t.emoji === false ? html : emojify(html, ctx.emoji);
}

const plainOf = (t: unknown): string => (isObject(t) ? str(t.text) : '');

export const unsupported = (kind: 'block' | 'element', type: unknown): string =>
  `<div class="bk-unsupported">[unsupported ${kind}: ${escapeHtml(String(type ?? 'unknown'))}]</div>`;

/** The block id Slack would report: the app's own, or one Slack makes up (stable here). */
export function blockIdOf(block: Json, index: number): string {
  return typeof block.block_id === 'string' && block.block_id ? block.block_id : `sbx-block-${index}`;
}

function attrs(type: string, blockId: string, el: Json, extra: Record<string, string | undefined> = {}): string {
  const all: Record<string, string | undefined> = {
    'data-type': type,
    'data-block-id': blockId,
    'data-action-id': str(el.action_id) || `sbx-${type}`,
    ...extra,
  };
  return Object.entries(all)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}="${escapeHtml(v as string)}"`)
    .join(' ');
}

const options = (el: Json): Json[] => {
  const flat = Array.isArray(el.options) ? (el.options as Json[]) : [];
  const grouped = Array.isArray(el.option_groups) ? (el.option_groups as Json[]).flatMap((g) => (Array.isArray(g.options) ? (g.options as Json[]) : [])) : [];
  return [...flat, ...grouped];
};

const initialValues = (el: Json): string[] => {
  if (isObject(el.initial_option)) return [str(el.initial_option.value)];
  if (Array.isArray(el.initial_options)) return (el.initial_options as Json[]).map((o) => str(o.value));
  return [];
};

/** A button's confirmation dialog, as Slack shows it before sending the click (its defaults filled in). */
export interface Confirm {
  title: string;
  text: string;
  confirm: string;
  deny: string;
  danger: boolean;
}

export function confirmOf(c: unknown): Confirm | undefined {
  if (!isObject(c)) return undefined;
  return {
    title: plainOf(c.title) || 'Are you sure?',
    text: plainOf(c.text),
    confirm: plainOf(c.confirm) || 'Yes',
    deny: plainOf(c.deny) || 'Cancel',
    danger: c.style === 'danger',
  };
}

/** An interactive element; `inInput` elements do not dispatch actions unless told to. */
export function element(el: unknown, blockId: string, ctx: RenderContext, inInput = false): string {
  if (!isObject(el)) return unsupported('element', el);
  const type = str(el.type);
  const dispatch = !inInput || el.dispatch_action === true ? '1' : undefined;
  const placeholder = plainOf(el.placeholder);
  switch (type) {
    case 'button': {
      const style = el.style === 'primary' || el.style === 'danger' ? ` bk-${el.style}` : '';
      const confirm = confirmOf(el.confirm);
      return `<button type="button" class="bk-button${style}" ${attrs(type, blockId, el, { 'data-value': typeof el.value === 'string' ? el.value : undefined, 'data-url': typeof el.url === 'string' ? el.url : undefined, 'data-confirm': confirm ? JSON.stringify(confirm) : undefined })}>${textObject(el.text, ctx)}</button>`;
    }
    case 'static_select':
    case 'multi_static_select':
    case 'overflow': {
      const chosen = new Set(initialValues(el));
      const multiple = type === 'multi_static_select' ? ' multiple' : '';
      const first = multiple ? '' : `<option value="">${escapeHtml(type === 'overflow' ? '⋯' : placeholder || 'Choose…')}</option>`;
      const opts = options(el)
        .map((o) => `<option value="${escapeHtml(str(o.value))}"${chosen.has(str(o.value)) ? ' selected' : ''}>${escapeHtml(plainOf(o.text))}</option>`)
        .join('');
      return `<select class="bk-select"${multiple} ${attrs(type, blockId, el, { 'data-dispatch': dispatch })}>${first}${opts}</select>`;
    }
    case 'users_select':
    case 'multi_users_select': {
      const chosen = new Set(typeof el.initial_user === 'string' ? [el.initial_user] : Array.isArray(el.initial_users) ? (el.initial_users as string[]) : []);
      const multiple = type === 'multi_users_select' ? ' multiple' : '';
      const people = ctx.people ?? [];
      const opts = people
        .map((p) => `<option value="${escapeHtml(p.id)}"${chosen.has(p.id) ? ' selected' : ''}>${escapeHtml(p.name)}</option>`)
        .join('');
      const first = multiple ? '' : `<option value="">${escapeHtml(placeholder || 'Choose a person…')}</option>`;
      return `<select class="bk-select"${multiple} ${attrs(type, blockId, el, { 'data-dispatch': dispatch })}>${first}${opts}</select>`;
    }
    case 'datepicker':
      return `<input class="bk-input" type="date" value="${escapeHtml(str(el.initial_date))}" ${attrs(type, blockId, el, { 'data-dispatch': dispatch })}>`;
    case 'timepicker':
      return `<input class="bk-input" type="time" value="${escapeHtml(str(el.initial_time))}" ${attrs(type, blockId, el, { 'data-dispatch': dispatch })}>`;
    case 'plain_text_input': {
      const max = typeof el.max_length === 'number' ? ` maxlength="${el.max_length}"` : '';
      const ph = placeholder ? ` placeholder="${escapeHtml(placeholder)}"` : '';
      const value = str(el.initial_value);
      return el.multiline === true
        ? `<textarea class="bk-input" rows="3"${max}${ph} ${attrs(type, blockId, el)}>${escapeHtml(value)}</textarea>`
        : `<input class="bk-input" type="text" value="${escapeHtml(value)}"${max}${ph} ${attrs(type, blockId, el)}>`;
    }
    case 'url_text_input':
    case 'email_text_input':
    case 'number_input': {
      const kind = type === 'url_text_input' ? 'url' : type === 'email_text_input' ? 'email' : 'number';
      const ph = placeholder ? ` placeholder="${escapeHtml(placeholder)}"` : '';
      const step = type === 'number_input' ? ` step="${el.is_decimal_allowed === true ? 'any' : '1'}"${el.min_value !== undefined ? ` min="${escapeHtml(String(el.min_value))}"` : ''}${el.max_value !== undefined ? ` max="${escapeHtml(String(el.max_value))}"` : ''}` : '';
      return `<input class="bk-input" type="${kind}" value="${escapeHtml(str(el.initial_value))}"${ph}${step} ${attrs(type, blockId, el)}>`;
    }
    case 'checkboxes':
    case 'radio_buttons': {
      const chosen = new Set(initialValues(el));
      const input = type === 'checkboxes' ? 'checkbox' : 'radio';
      const name = `${blockId}/${str(el.action_id)}`;
      const items = options(el)
        .map((o) => {
          const desc = isObject(o.description) ? `<div class="bk-muted">${textObject(o.description, ctx)}</div>` : '';
          return `<label class="bk-choice"><input type="${input}" name="${escapeHtml(name)}" value="${escapeHtml(str(o.value))}"${chosen.has(str(o.value)) ? ' checked' : ''}> ${textObject(o.text, ctx)}${desc}</label>`;
        })
        .join('');
      return `<fieldset class="bk-choices" ${attrs(type, blockId, el, { 'data-dispatch': dispatch })}>${items}</fieldset>`;
    }
    case 'image':
      return `<img class="bk-thumb" src="${escapeHtml(str(el.image_url))}" alt="${escapeHtml(str(el.alt_text))}">`;
    default:
      return unsupported('element', type);
  }
}

function block(b: unknown, index: number, ctx: RenderContext): string {
  if (!isObject(b)) return unsupported('block', b);
  const id = blockIdOf(b, index);
  const wrap = (cls: string, inner: string): string => `<div class="bk-block ${cls}" data-block="${escapeHtml(id)}">${inner}</div>`;
  switch (b.type) {
    case 'header':
      return wrap('bk-header', textObject(b.text, ctx));
    case 'divider':
      return wrap('bk-divider', '<hr>');
    case 'section': {
      const text = b.text ? `<div class="bk-text">${textObject(b.text, ctx)}</div>` : '';
      const fields = Array.isArray(b.fields)
        ? `<div class="bk-fields">${b.fields.map((f) => `<div class="bk-field">${textObject(f, ctx)}</div>`).join('')}</div>`
        : '';
      const accessory = b.accessory ? `<div class="bk-accessory">${element(b.accessory, id, ctx)}</div>` : '';
      return wrap('bk-section', `<div class="bk-section-main">${text}${fields}</div>${accessory}`);
    }
    case 'context': {
      const items = (Array.isArray(b.elements) ? b.elements : [])
        .map((e) => (isObject(e) && e.type === 'image' ? element(e, id, ctx) : `<span>${textObject(e, ctx)}</span>`))
        .join(' ');
      return wrap('bk-context', items);
    }
    case 'actions':
      return wrap('bk-actions', (Array.isArray(b.elements) ? b.elements : []).map((e) => element(e, id, ctx)).join(''));
    case 'image': {
      const title = b.title ? `<div class="bk-muted">${textObject(b.title, ctx)}</div>` : '';
      const fileId = isObject(b.slack_file) ? str(b.slack_file.id) : '';
      if (fileId && !ctx.fileUrl) return wrap('bk-image', `${title}<div class="bk-muted">[image: ${escapeHtml(str(b.alt_text))}]</div>`);
      const src = fileId ? ctx.fileUrl!(fileId) : str(b.image_url);
      return wrap('bk-image', `${title}<img src="${escapeHtml(src)}" alt="${escapeHtml(str(b.alt_text))}">`);
    }
    case 'data_visualization':
      return wrap('bk-chart', chartSvg(b));
    case 'input': {
      const error = ctx.errors?.[id];
      const optional = b.optional === true ? ' <span class="bk-muted">(optional)</span>' : '';
      const hint = b.hint ? `<div class="bk-hint">${textObject(b.hint, ctx)}</div>` : '';
      const err = error ? `<div class="bk-error" role="alert">${escapeHtml(error)}</div>` : '';
      return wrap(
        `bk-input-block${error ? ' bk-has-error' : ''}`,
        `<label class="bk-label">${textObject(b.label, ctx)}${optional}</label>${element(b.element, id, ctx, true)}${err}${hint}`,
      );
    }
    default:
      return unsupported('block', b.type);
  }
}

const SERIES_COLOURS = ['#2eb67d', '#1264a3', '#e01e5a', '#ecb22e', '#36c5f0', '#616061'];

/** A data_visualization block drawn as simple inline SVG: grouped bars (or points for line and area), a legend; pie as shares. */
export function chartSvg(b: Json): string {
  const chart = isObject(b.chart) ? b.chart : {};
  const title = `<div class="bk-text"><b>${escapeHtml(str(b.title))}</b></div>`;
  if (chart.type === 'pie') {
    const segs = (Array.isArray(chart.segments) ? chart.segments : []).filter(isObject);
    const total = segs.reduce((n, sg) => n + (typeof sg.value === 'number' ? sg.value : 0), 0) || 1;
    return `${title}<div>${segs.map((sg, i) => `<span style="color:${SERIES_COLOURS[i % 6]}">■</span> ${escapeHtml(str(sg.label))} ${Math.round(((sg.value as number) * 100) / total)}%`).join(' · ')}</div>`;
  }
  const axis = isObject(chart.axis_config) ? chart.axis_config : {};
  const cats = (Array.isArray(axis.categories) ? axis.categories : []).map(str);
  const series = (Array.isArray(chart.series) ? chart.series : []).filter(isObject);
  const valueOf = (sr: Json, cat: string): number => {
    const d = (Array.isArray(sr.data) ? sr.data : []).find((p) => isObject(p) && p.label === cat);
    return isObject(d) && typeof d.value === 'number' ? d.value : 0;
  };
  const max = Math.max(1, ...series.flatMap((sr) => cats.map((c) => valueOf(sr, c))));
  const W = 560;
  const H = 200;
  const slot = (W - 40) / Math.max(1, cats.length);
  const barW = (slot * 0.7) / Math.max(1, series.length);
  const parts: string[] = [];
  cats.forEach((c, i) => {
    const x0 = 40 + i * slot + slot * 0.15;
    series.forEach((sr, j) => {
      const v = valueOf(sr, c);
      const h = (v / max) * (H - 40);
      parts.push(`<rect x="${(x0 + j * barW).toFixed(1)}" y="${(H - 20 - h).toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}" fill="${SERIES_COLOURS[j % 6]}"><title>${escapeHtml(`${str(sr.name)} ${c}: ${v}`)}</title></rect>`);
    });
    parts.push(`<text x="${(40 + i * slot + slot / 2).toFixed(1)}" y="${H - 5}" font-size="10" text-anchor="middle">${escapeHtml(c)}</text>`);
  });
  parts.push(`<text x="2" y="12" font-size="10">${escapeHtml(str(axis.y_label))} ${max}</text>`);
  const legend = series.map((sr, j) => `<span style="color:${SERIES_COLOURS[j % 6]}">■</span> ${escapeHtml(str(sr.name))}`).join(' ');
  return `${title}<svg role="img" aria-label="${escapeHtml(str(b.title))}" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">${parts.join('')}</svg><div class="bk-muted">${legend}</div>`;
}

export function renderBlocks(blocks: unknown, ctx: RenderContext): string {
  if (!Array.isArray(blocks)) return '';
  return blocks.map((b, i) => block(b, i, ctx)).join('');
}

/** A message as Slack shows it: its blocks, or its text when it has none. */
export function renderMessage(m: { text?: string; blocks?: unknown[] }, ctx: RenderContext): string {
  return m.blocks && m.blocks.length > 0 ? renderBlocks(m.blocks, ctx) : `<div class="bk-text">${mrkdwn(m.text ?? '', ctx)}</div>`;
}

// ---------------------------------------------------------------- what goes back to Slack

/** Raw values read from the page for one element: text, chosen option values, a date, a user id. */
export type RawValue = string | string[] | null;

/** Finds an element by block and action id, with its block id as Slack reports it. */
export function findElement(blocks: unknown, blockId: string, actionId: string): Json | undefined {
  if (!Array.isArray(blocks)) return undefined;
  for (let i = 0; i < blocks.length; i += 1) {
    const b = blocks[i];
    if (!isObject(b) || blockIdOf(b, i) !== blockId) continue;
    const candidates = [b.element, b.accessory, ...(Array.isArray(b.elements) ? b.elements : [])];
    const found = candidates.find((e) => isObject(e) && (str(e.action_id) || `sbx-${str(e.type)}`) === actionId);
    if (isObject(found)) return found;
  }
  return undefined;
}

const STATEFUL = new Set([
  'plain_text_input', 'url_text_input', 'email_text_input', 'number_input', 'static_select', 'multi_static_select',
  'users_select', 'multi_users_select', 'datepicker', 'timepicker', 'checkboxes', 'radio_buttons',
]);

const asList = (v: RawValue): string[] => (v === null ? [] : Array.isArray(v) ? v : v === '' ? [] : [v]);
const first = (v: RawValue): string | null => asList(v)[0] ?? null;

/** The option object Slack echoes back: exactly as the app sent it. */
function pickOptions(el: Json, values: string[]): Json[] {
  return values.map((v) => options(el).find((o) => str(o.value) === v)).filter(isObject);
}

/** One element's entry in `state.values`, shaped as Slack shapes it (nulls included). */
export function stateValue(el: Json, raw: RawValue): Json {
  const type = str(el.type);
  switch (type) {
    case 'static_select':
    case 'radio_buttons':
      return { type, selected_option: pickOptions(el, asList(raw).slice(0, 1))[0] ?? null };
    case 'multi_static_select':
    case 'checkboxes':
      return { type, selected_options: pickOptions(el, asList(raw)) };
    case 'users_select':
      return { type, selected_user: first(raw) };
    case 'multi_users_select':
      return { type, selected_users: asList(raw) };
    case 'datepicker':
      return { type, selected_date: first(raw) };
    case 'timepicker':
      return { type, selected_time: first(raw) };
    default: {
      const v = first(raw);
      return { type, value: v === '' ? null : v };
    }
  }
}

/**
 * `state.values` for a surface: every stateful element in input and actions blocks and section
 * accessories, `{ [blockId]: { [actionId]: value } }`. `read` gives the page's current raw value.
 */
export function stateValues(blocks: unknown, read: (blockId: string, actionId: string, el: Json) => RawValue): Record<string, Record<string, Json>> {
  const out: Record<string, Record<string, Json>> = {};
  if (!Array.isArray(blocks)) return out;
  blocks.forEach((b, i) => {
    if (!isObject(b)) return;
    const id = blockIdOf(b, i);
    const candidates = b.type === 'input' ? [b.element] : b.type === 'actions' ? (Array.isArray(b.elements) ? b.elements : []) : b.type === 'section' ? [b.accessory] : [];
    for (const el of candidates) {
      if (!isObject(el) || !STATEFUL.has(str(el.type))) continue;
      const actionId = str(el.action_id) || `sbx-${str(el.type)}`;
      (out[id] ??= {})[actionId] = stateValue(el, read(id, actionId, el));
    }
  });
  return out;
}

/** The `actions[0]` of a block_actions payload for a click or a choice. */
export function actionOf(el: Json, blockId: string, raw: RawValue, actionTs: string): Json {
  const type = str(el.type);
  const base: Json = { type, block_id: blockId, action_id: str(el.action_id) || `sbx-${type}`, action_ts: actionTs };
  if (type === 'button') {
    return {
      ...base,
      text: el.text,
      ...(typeof el.value === 'string' ? { value: el.value } : {}),
      ...(typeof el.style === 'string' ? { style: el.style } : {}),
      ...(typeof el.url === 'string' ? { url: el.url } : {}),
    };
  }
  if (type === 'overflow') return { ...base, selected_option: pickOptions(el, asList(raw).slice(0, 1))[0] ?? null };
  const value = stateValue(el, raw);
  const initial = isObject(el.initial_option) ? { initial_option: el.initial_option } : {};
  const placeholder = isObject(el.placeholder) ? { placeholder: el.placeholder } : {};
  return { ...base, ...value, ...initial, ...placeholder, type };
}
