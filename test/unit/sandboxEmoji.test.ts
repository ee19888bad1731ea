// Every emoji shortcode Ballast sends is one Slack knows, and the sandbox draws each of them.
import fs from 'node:fs';
import path from 'node:path';
import { mrkdwn } from '../../sandbox/public/render';
import { slackEmoji } from '../../sandbox/emoji';

const SRC = path.join(__dirname, '..', '..', 'src');

/** `:name:` tokens that are not emoji, with where they come from. */
const NOT_EMOJI: Record<string, string> = {
  memory: "SQLite's in-memory database name in src/store/db.ts, never shown to anyone",
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    return d.isDirectory() ? sourceFiles(full) : d.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every `:shortcode:` written anywhere in src/, by name, with the files it appears in. */
function shortcodesInSource(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const text = fs.readFileSync(file, 'utf8');
    // A name holds a letter: `08:00-19:00` and `12:30:` are times, not emoji.
    for (const [, name] of text.matchAll(/:([a-z0-9_+-]*[a-z][a-z0-9_+-]*):/g)) {
      if (name in NOT_EMOJI) continue;
      const files = found.get(name) ?? [];
      const rel = path.relative(SRC, file);
      if (!files.includes(rel)) files.push(rel);
      found.set(name, files);
    }
  }
  return found;
}

describe('emoji Ballast sends', () => {
  const found = shortcodesInSource();
  const ctx = { userName: (id: string) => id, emoji: slackEmoji() };

  it('finds the shortcodes (the scan itself works)', () => {
    for (const name of ['white_check_mark', 'leftwards_arrow_with_hook', 'double_vertical_bar', 'arrow_forward', 'alarm_clock', 'envelope_with_arrow', 'raised_hand', 'no_entry_sign']) {
      expect(found.has(name)).toBe(true);
    }
  });

  it.each([...found.keys()].sort().map((name) => [name, found.get(name)!.join(', ')]))(
    'draws :%s: (used in %s) as an emoji, not as text',
    (name) => {
      const html = mrkdwn(`before :${name}: after`, ctx);
      expect(html).not.toContain(`:${name}:</`);
      expect(html).toMatch(new RegExp(`^before <span class="bk-emoji" title=":${name.replace(/[+]/g, '\\+')}:">\\P{ASCII}+</span> after$`, 'u'));
    },
  );
});
