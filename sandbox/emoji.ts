// Slack's emoji names and what they draw, from the emoji-datasource package (iamcal's emoji data, the
// set Slack's own shortcodes follow), with the package's Twemoji sprite sheet: the page draws each
// `:shortcode:` as an image, as Slack does, whatever emoji font the machine has (headless Chromium has none).
import fs from 'node:fs';
import path from 'node:path';
import type { EmojiTable } from './public/render';

interface DataImage {
  unified: string;
  sheet_x: number;
  sheet_y: number;
  has_img_twitter: boolean;
}

interface DataEmoji extends DataImage {
  short_names: string[];
  skin_variations?: Record<string, DataImage>;
}

/** The sheet's cells: 32-pixel images with a 1-pixel border, so 34 pixels apart. */
const IMAGE = 32;
const CELL = 34;
export const EMOJI_SHEET_URL = '/emoji-sheet.png';
const TONES: Record<string, string> = { '1F3FB': 'skin-tone-2', '1F3FC': 'skin-tone-3', '1F3FD': 'skin-tone-4', '1F3FE': 'skin-tone-5', '1F3FF': 'skin-tone-6' };

const glyph = (unified: string): string => String.fromCodePoint(...unified.split('-').map((hex) => parseInt(hex, 16)));
const dataDir = (): string => path.dirname(require.resolve('emoji-datasource/emoji.json'));

let table: EmojiTable | undefined;

/**
 * Every short name (aliases included, e.g. `thumbsup` and `+1`) to its emoji and its place on the sheet;
 * `name::skin-tone-N` for the toned variants. Read once.
 */
export function slackEmoji(): EmojiTable {
  if (table) return table;
  const data = JSON.parse(fs.readFileSync(path.join(dataDir(), 'emoji.json'), 'utf8')) as DataEmoji[];
  const names: Record<string, [string] | [string, number, number]> = {};
  const entry = (e: DataImage): [string] | [string, number, number] => (e.has_img_twitter ? [glyph(e.unified), e.sheet_x, e.sheet_y] : [glyph(e.unified)]);
  let cols = 0;
  for (const e of data) {
    for (const name of e.short_names) names[name] = entry(e);
    cols = Math.max(cols, e.sheet_x + 1, e.sheet_y + 1);
    for (const [tone, v] of Object.entries(e.skin_variations ?? {})) {
      cols = Math.max(cols, v.sheet_x + 1, v.sheet_y + 1);
      if (TONES[tone]) for (const name of e.short_names) names[`${name}::${TONES[tone]}`] = entry(v);
    }
  }
  table = Object.freeze({ sheet: { url: EMOJI_SHEET_URL, width: cols * CELL, image: IMAGE, cell: CELL }, names });
  return table;
}

/** The sprite sheet itself (PNG), for the server to send. */
export function emojiSheetPath(): string {
  return path.join(dataDir(), 'img', 'twitter', 'sheets', '32.png');
}
