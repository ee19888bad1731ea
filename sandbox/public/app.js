// The sandbox page: a tiny Slack client. Rendering is render.js's job; this file wires clicks to the sandbox server.
/* global document, window, fetch, EventSource, localStorage, CSS, URLSearchParams */
import { renderBlocks, renderMessage, mrkdwn, escapeHtml, namePeople } from './render.js';

const $ = (sel) => document.querySelector(sel);
let boot = null;
let me = null;
let tab = 'messages';
let state = null;
let modalKey = null;
let emoji;
/** Threads the person has opened (by parent ts); Slack shows a thread collapsed under "N replies". */
const openThreads = new Set();
/** data-surface key → { where, blocks } for every surface on the page. */
const surfaces = new Map();

const names = () => new Map([...boot.people.map((p) => [p.id, p.name]), [boot.bot.id, boot.bot.name]]);
function ctx(errors) {
  const byId = names();
  return { userName: (id) => byId.get(id) ?? id, people: boot.people.map((p) => ({ id: p.id, name: p.name })), errors: errors ?? undefined, emoji };
}

async function post(route, body) {
  const res = await fetch(`/api/${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: me, ...body }) });
  const json = await res.json();
  if (!res.ok) throw new Error(json.error ?? `HTTP ${res.status}`);
  return json;
}

function toast(text) {
  const t = $('#toast');
  t.textContent = text;
  t.hidden = false;
  window.clearTimeout(toast.timer);
  toast.timer = window.setTimeout(() => { t.hidden = true; }, 6000);
}

function surface(key, where, blocks, inner) {
  surfaces.set(key, { where, blocks });
  return `<div class="surface" data-surface="${escapeHtml(key)}">${inner}</div>`;
}

// ------------------------------------------------------------------ reading inputs back

function readNode(node) {
  if (node.tagName === 'SELECT') {
    if (node.multiple) return [...node.selectedOptions].map((o) => o.value);
    return node.value === '' ? null : node.value;
  }
  if (node.tagName === 'FIELDSET') return [...node.querySelectorAll('input:checked')].map((i) => i.value);
  return node.value;
}

function rawState(container) {
  const out = {};
  for (const node of container.querySelectorAll('[data-block-id][data-action-id]')) {
    if (node.dataset.type === 'button') continue;
    (out[node.dataset.blockId] ??= {})[node.dataset.actionId] = readNode(node);
  }
  return out;
}

function restore(container, raw) {
  for (const node of container.querySelectorAll('[data-block-id][data-action-id]')) {
    const value = raw[node.dataset.blockId]?.[node.dataset.actionId];
    if (value === undefined || node.dataset.type === 'button') continue;
    const chosen = new Set(Array.isArray(value) ? value : value === null ? [] : [value]);
    if (node.tagName === 'SELECT') for (const o of node.options) o.selected = chosen.has(o.value);
    else if (node.tagName === 'FIELDSET') for (const i of node.querySelectorAll('input')) i.checked = chosen.has(i.value);
    else node.value = value ?? '';
  }
}

// ------------------------------------------------------------------ rendering

function renderTimeline() {
  const c = ctx();
  const items = state.timeline.map((item) => {
    if (item.kind === 'typed') {
      return `<div class="msg" data-kind="typed" data-ts="${escapeHtml(item.ts)}"><div class="who">You</div><div class="surface">${escapeHtml(item.text)}</div></div>`;
    }
    if (item.kind === 'ephemeral') {
      const key = `eph:${item.id}`;
      const body = item.text !== undefined || item.blocks ? renderMessage(item, c) : '<div class="empty">…</div>';
      const note = item.note ? `<div class="note">${escapeHtml(item.note)}</div>` : '';
      return `<div class="msg" data-kind="ephemeral"><div class="who">Ballast <small>Only visible to you · ${escapeHtml(item.label)}</small></div>${surface(key, { kind: 'ephemeral', id: item.id }, item.blocks, body)}${note}</div>`;
    }
    const key = `msg:${item.channel}:${item.ts}`;
    const n = item.replies.length;
    const open = openThreads.has(item.ts);
    const toggle = n
      ? `<button type="button" class="thread-toggle" data-thread="${escapeHtml(item.ts)}" aria-expanded="${open}">${open ? 'Hide replies' : `${n} ${n === 1 ? 'reply' : 'replies'}`}</button>`
      : '';
    const replies = n && open
      ? `<div class="thread" data-testid="thread">${item.replies.map((r) => `<div class="msg" data-kind="reply">${surface(`msg:${r.channel}:${r.ts}`, { kind: 'message', channel: r.channel, ts: r.ts }, r.blocks, renderMessage(r, c))}</div>`).join('')}</div>`
      : '';
    const thread = `${toggle}${replies}`;
    return `<div class="msg" data-kind="message" data-ts="${escapeHtml(item.ts)}"><div class="who">Ballast <small>APP${item.edited ? ' · (edited)' : ''}</small></div>${surface(key, { kind: 'message', channel: item.channel, ts: item.ts }, item.blocks, renderMessage(item, c))}${thread}</div>`;
  });
  const tl = $('#timeline');
  const keep = tl.dataset.keepScroll === '1';
  delete tl.dataset.keepScroll;
  tl.innerHTML = items.length ? items.join('') : '<div class="empty">No messages from Ballast yet. Try <code>/ballast help</code>, or move the clock to the next check-in.</div>';
  if (!keep) tl.lastElementChild?.scrollIntoView({ block: 'end' });
}

function renderHome() {
  const home = $('#home');
  if (!state.home) {
    home.innerHTML = '<div class="empty">Opening App Home…</div>';
    return;
  }
  home.innerHTML = surface(`view:${state.home.id}`, { kind: 'view', viewId: state.home.id }, state.home.view.blocks, renderBlocks(state.home.view.blocks, ctx()));
}

function renderModal() {
  const m = state.modal;
  const backdrop = $('#modal-backdrop');
  if (!m) {
    backdrop.hidden = true;
    modalKey = null;
    return;
  }
  const key = `${m.id}:${m.hash}`;
  // Slack keeps what was typed across views.update for inputs whose block and action ids stay the same.
  const typed = !backdrop.hidden && modalKey?.startsWith(`${m.id}:`) ? rawState($('#modal-body')) : null;
  if (key === modalKey && !backdrop.hidden) {
    // Keep what the person has typed; only re-register the surface.
    surfaces.set(`view:${m.id}`, { where: { kind: 'view', viewId: m.id }, blocks: m.view.blocks });
    return;
  }
  modalKey = key;
  $('#modal-title').textContent = m.view.title?.text ?? '';
  $('#modal-submit').hidden = !m.view.submit;
  $('#modal-submit').textContent = m.view.submit?.text ?? 'Submit';
  $('#modal-close').textContent = m.view.close?.text ?? 'Cancel';
  $('#modal-error').hidden = true;
  $('#modal-body').innerHTML = surface(`view:${m.id}`, { kind: 'view', viewId: m.id }, m.view.blocks, renderBlocks(m.view.blocks, ctx(m.errors)));
  if (typed) restore($('#modal-body'), typed);
  backdrop.hidden = false;
}

function showFieldErrors(errors) {
  for (const old of $('#modal-body').querySelectorAll('.bk-error')) old.remove();
  for (const block of $('#modal-body').querySelectorAll('.bk-has-error')) block.classList.remove('bk-has-error');
  for (const [blockId, message] of Object.entries(errors)) {
    const block = $('#modal-body').querySelector(`[data-block="${CSS.escape(blockId)}"]`);
    if (!block) {
      $('#modal-error').textContent = message;
      $('#modal-error').hidden = false;
      continue;
    }
    block.classList.add('bk-has-error');
    const div = document.createElement('div');
    div.className = 'bk-error';
    div.setAttribute('role', 'alert');
    div.textContent = message;
    const hint = block.querySelector('.bk-hint');
    block.insertBefore(div, hint);
  }
}

function renderJobs() {
  const named = (text) => namePeople(text, ctx().userName);
  $('#jobs-registered').innerHTML = boot.jobs.map((j) => `<div>${mrkdwn(j.registered ? ':white_check_mark:' : ':white_large_square:', ctx())} ${escapeHtml(j.name)}${j.registered ? '' : ' <span class="muted">(not in this build)</span>'}</div>`).join('');
  $('#jobs').innerHTML = state.jumps
    .map((j) => {
      const lines = j.reports.map((r) => `${r.job}: sent ${r.sent}, skipped ${r.skipped}, failed ${r.failed}\n${r.lines.join('\n')}`);
      if (j.failures.length) lines.push(...j.failures);
      if (!j.reports.length && !j.failures.length) lines.push('No scheduled jobs in this build yet.');
      return `<div class="report" data-testid="job-report"><b>${escapeHtml(j.label)}</b><pre>${escapeHtml(named(lines.join('\n')))}</pre></div>`;
    })
    .join('');
  $('#rejections').innerHTML = state.rejections.length
    ? `<div class="report"><b>Slack refused Ballast's Block Kit</b><pre>${escapeHtml(state.rejections.join('\n'))}</pre></div>`
    : '';
}

function renderCommunity() {
  $('#community').innerHTML = `<h3>#${escapeHtml(boot.channel.name)}</h3>` + boot.posts
    .map((p) => `<div class="post"><div><b>${escapeHtml(p.author)}</b><div>${mrkdwn(p.text, ctx())}</div></div><button type="button" class="bk-button" data-shortcut-ts="${escapeHtml(p.ts)}">⋯ Assign to an advocate</button></div>`)
    .join('');
}

function render() {
  surfaces.clear();
  const person = boot.people.find((p) => p.id === me);
  $('#who-info').textContent = `${person.title} · ${person.roles.join(', ')} · ${person.tz}`;
  $('#clock').textContent = state.nowLabel;
  for (const t of ['messages', 'home', 'community']) {
    $(`#view-${t}`).hidden = t !== tab;
    $(`#tab-${t}`).classList.toggle('active', t === tab);
  }
  renderTimeline();
  renderHome();
  renderCommunity();
  renderJobs();
  renderModal();
}

let inFlight = null;
let again = false;
async function refresh() {
  if (!me) return;
  if (inFlight) {
    again = true;
    return inFlight;
  }
  inFlight = (async () => {
    do {
      again = false;
      const res = await fetch(`/api/state?user=${encodeURIComponent(me)}`);
      state = await res.json();
      render();
    } while (again);
  })().finally(() => { inFlight = null; });
  return inFlight;
}

// ------------------------------------------------------------------ what the person does

async function act(fn) {
  document.body.dataset.busy = '1';
  try {
    const out = await fn();
    if (out && out.ok === false && out.error) toast(out.error);
    return out;
  } catch (err) {
    toast(err.message);
    return undefined;
  } finally {
    delete document.body.dataset.busy;
    await refresh();
  }
}

function openTab(next) {
  tab = next;
  if (state) render();
  if (next === 'home') void act(() => post('home', {}));
}

async function sendAction(node, value) {
  const host = node.closest('[data-surface]');
  const s = host && surfaces.get(host.dataset.surface);
  if (!s) return;
  await act(() => post('action', { where: s.where, blockId: node.dataset.blockId, actionId: node.dataset.actionId, value, state: rawState(host) }));
}

function askFirst(c, then) {
  $('#confirm-title').textContent = c.title;
  $('#confirm-text').textContent = c.text;
  $('#confirm-deny').textContent = c.deny;
  $('#confirm-ok').textContent = c.confirm;
  $('#confirm-ok').classList.toggle('bk-danger-confirm', c.danger);
  const backdrop = $('#confirm-backdrop');
  backdrop.hidden = false;
  const done = (ok) => {
    backdrop.hidden = true;
    $('#confirm-ok').onclick = null;
    $('#confirm-deny').onclick = null;
    if (ok) then();
  };
  $('#confirm-ok').onclick = () => done(true);
  $('#confirm-deny').onclick = () => done(false);
}

document.addEventListener('click', (e) => {
  const target = e.target instanceof window.Element ? e.target : null;
  if (!target) return;
  const button = target.closest('button[data-type="button"]');
  if (button) {
    const go = () => {
      if (button.dataset.url) window.open(button.dataset.url, '_blank', 'noopener');
      void sendAction(button, null);
    };
    // Slack asks first when a button carries a confirm dialog, and sends nothing if the person backs out.
    if (button.dataset.confirm) askFirst(JSON.parse(button.dataset.confirm), go);
    else go();
    return;
  }
  const toggle = target.closest('button[data-thread]');
  if (toggle) {
    const ts = toggle.dataset.thread;
    if (openThreads.has(ts)) openThreads.delete(ts);
    else openThreads.add(ts);
    $('#timeline').dataset.keepScroll = '1';
    renderTimeline();
    return;
  }
  const shortcut = target.closest('[data-shortcut-ts]');
  if (shortcut) void act(() => post('message-shortcut', { channel: boot.channel.id, ts: shortcut.dataset.shortcutTs }));
});

document.addEventListener('change', (e) => {
  const node = e.target instanceof window.Element ? e.target.closest('[data-dispatch="1"]') : null;
  if (node && node.closest('[data-surface]')) void sendAction(node, readNode(node));
});

$('#composer-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const typed = $('#composer').value.trim();
  $('#composer').value = '';
  if (!typed) return;
  // `/ballast …` is the slash command (an ephemeral reply); anything else is a message to Ballast in
  // its DM, which Slack delivers as a message.im event and Ballast answers in the DM.
  if (/^\/ballast\b/.test(typed)) void act(() => post('command', { text: typed.replace(/^\/ballast\b\s*/, '') }));
  else void act(() => post('message', { text: typed }));
});

$('#modal-submit').addEventListener('click', () => {
  const m = state.modal;
  if (!m) return;
  void act(async () => {
    const out = await post('submit', { viewId: m.id, state: rawState($('#modal-body')) });
    if (out.errors) showFieldErrors(out.errors);
    return out;
  });
});
for (const id of ['#modal-close', '#modal-x']) {
  $(id).addEventListener('click', () => {
    if (state.modal) void act(() => post('close', { viewId: state.modal.id }));
  });
}

for (const b of document.querySelectorAll('[data-tab]')) b.addEventListener('click', () => openTab(b.dataset.tab));
$('#shortcut-log').addEventListener('click', () => void act(() => post('shortcut', {})));
for (const b of document.querySelectorAll('[data-jump]')) {
  b.addEventListener('click', () =>
    void act(async () => {
      const out = await post('clock', { jump: b.dataset.jump });
      // App Home shows the new day only once Slack tells Ballast it was opened again.
      if (tab === 'home') await post('home', {});
      return out;
    }),
  );
}

$('#who').addEventListener('change', () => {
  me = $('#who').value;
  localStorage.setItem('ballast-sandbox-me', me);
  modalKey = null;
  void refresh().then(() => { if (tab === 'home') openTab('home'); });
});

async function start() {
  boot = await (await fetch('/api/bootstrap')).json();
  emoji = await (await fetch('/emoji.json')).json();
  // The page's own emoji too, from the same sheet: the machine may have no emoji font.
  for (const el of document.querySelectorAll('[data-emoji]')) el.innerHTML = mrkdwn(el.dataset.emoji, ctx());
  const asked = new URLSearchParams(window.location.search).get('as');
  const saved = localStorage.getItem('ballast-sandbox-me');
  me = [asked, saved].find((id) => id && boot.people.some((p) => p.id === id)) ?? boot.people[0].id;
  $('#who').innerHTML = boot.people.map((p) => `<option value="${escapeHtml(p.id)}">${escapeHtml(p.name)} (${escapeHtml(p.roles.join(', '))})</option>`).join('');
  $('#who').value = me;
  await refresh();
  const events = new EventSource('/api/events');
  events.onmessage = () => void refresh();
  document.body.dataset.ready = '1';
}

void start();
