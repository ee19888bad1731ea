// Slack's emoji names and what they draw, from the emoji-datasource package (iamcal's emoji data, the
// set Slack's own shortcodes follow), for the page to draw `:shortcode:` as Slack does.
import fs from 'node:fs';
import type { EmojiTable } from './public/render';

interface DataEmoji {
  unified: string;
  short_names: string[];
  skin_variations?: Record<string, unknown>;
}

const glyph = (unified: string): string => String.fromCodePoint(...unified.split('-').map((hex) => parseInt(hex, 16)));

let table: EmojiTable | undefined;

/** Every short name (aliases included, e.g. `thumbsup` and `+1`) to its emoji, read once. */
export function slackEmoji(): EmojiTable {
  if (table) return table;
  const data = JSON.parse(fs.readFileSync(require.resolve('emoji-datasource/emoji.json'), 'utf8')) as DataEmoji[];
  const out: Record<string, string> = {};
  for (const e of data) for (const name of e.short_names) out[name] = glyph(e.unified);
  table = Object.freeze(out);
  return table;
}
