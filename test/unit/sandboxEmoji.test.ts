// Every emoji shortcode Ballast sends is one Slack knows, and the sandbox draws each of them.
import fs from 'node:fs';
import path from 'node:path';
import { mrkdwn } from '../../sandbox/public/render';
import { emojiSheetPath, slackEmoji } from '../../sandbox/emoji';

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

describe('the emoji sheet', () => {
  it('puts each emoji at its cell: the first at 0%, the last at 100%, whatever size it is drawn at', () => {
    const table = slackEmoji();
    const at = (x: number, y: number) => mrkdwn(':t:', { userName: (id) => id, emoji: { sheet: table.sheet, names: { t: ['x', x, y] } } });
    const last = table.sheet.width / table.sheet.cell - 1;
    expect(at(0, 0)).toContain('background-position:0.0482% 0.0482%'); // the 1-pixel border, of 2,076
    expect(at(last, last)).toContain('background-position:99.9518% 99.9518%');
  });

  it('is the file the server sends', () => {
    expect(fs.statSync(emojiSheetPath()).size).toBeGreaterThan(1_000_000);
    expect(fs.readFileSync(emojiSheetPath()).subarray(1, 4).toString()).toBe('PNG');
  });
});

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
      // Drawn from the sprite sheet (as Slack draws it), with the emoji itself kept as the text.
      const m = /^before <span class="bk-emoji bk-emoji-img" role="img" aria-label=":([^"]+):" title="[^"]+" style="([^"]+)">(\P{ASCII}+)<\/span> after$/u.exec(html);
      expect(m).not.toBeNull();
      expect(m![1]).toBe(name);
      expect(m![2]).toMatch(/^background-image:url\(\/emoji-sheet\.png\);background-size:[\d.]+% [\d.]+%;background-position:[\d.]+% [\d.]+%$/);
    },
  );
});
