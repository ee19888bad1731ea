// Small typed Block Kit helpers; every builder in this folder is made of these.
import type {
  ActionsBlock, Button, ContextBlock, DividerBlock, HeaderBlock, KnownBlock, MrkdwnElement, PlainTextOption,
  PlainTextElement, SectionBlock,
} from '@slack/types';

export type { KnownBlock };

export const plain = (text: string): PlainTextElement => ({ type: 'plain_text', text: clip(text || ' ', 3000), emoji: true });
export const mrkdwn = (text: string): MrkdwnElement => ({ type: 'mrkdwn', text: clip(text || ' ', 3000) });

/** Slack refuses over-long texts; cut with an ellipsis rather than fail the whole message. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Slack's mrkdwn treats &, < and > specially; user-supplied text is escaped before display. */
export function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export const header = (text: string): HeaderBlock => ({ type: 'header', text: plain(clip(text, 150)) });
export const divider = (): DividerBlock => ({ type: 'divider' });

export function section(text: string, opts: { blockId?: string; accessory?: Button; fields?: string[] } = {}): SectionBlock {
  const block: SectionBlock = { type: 'section', text: mrkdwn(clip(text, 3000)) };
  if (opts.blockId) block.block_id = opts.blockId;
  if (opts.accessory) block.accessory = opts.accessory;
  if (opts.fields?.length) block.fields = opts.fields.slice(0, 10).map((f) => mrkdwn(clip(f, 2000)));
  return block;
}

export function fields(items: string[], blockId?: string): SectionBlock {
  const block: SectionBlock = { type: 'section', fields: items.slice(0, 10).map((f) => mrkdwn(clip(f || ' ', 2000))) };
  if (blockId) block.block_id = blockId;
  return block;
}

export const context = (...texts: string[]): ContextBlock => ({
  type: 'context',
  elements: texts.slice(0, 10).map((t) => mrkdwn(t)),
});

export function button(
  text: string, actionId: string, value?: string, style?: 'primary' | 'danger', url?: string,
): Button {
  const b: Button = { type: 'button', text: plain(clip(text, 75)), action_id: actionId };
  if (value !== undefined) b.value = clip(value, 2000);
  if (style) b.style = style;
  if (url) b.url = url;
  return b;
}

export const actions = (elements: Button[], blockId?: string): ActionsBlock => {
  const block: ActionsBlock = { type: 'actions', elements: elements.slice(0, 25) };
  if (blockId) block.block_id = blockId;
  return block;
};

export const option = (text: string, value: string): PlainTextOption => ({ text: plain(clip(text, 75)), value: clip(value, 150) });
