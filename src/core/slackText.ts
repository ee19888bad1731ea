// Slack's text escaping as it applies to what people type: `&`, `<` and `>` arrive as `&amp;`, `&lt;`, `&gt;`.

/** The text as the person typed it. Slack's own markup (`<@U123>`, `<https://…>`) is left as it is. */
export function unescapeSlack(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Plain text made safe inside a Slack message: no `<!channel>` or link can come alive from it. */
export function escapeSlack(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A word of the person's input quoted in a refusal: shown as typed, escaped once (so `<!channel>`
 * is shown, not sent), in backticks unless it holds one.
 */
export function quoteInput(raw: string): string {
  const s = escapeSlack(unescapeSlack(raw));
  return s.includes('`') ? `"${s}"` : `\`${s}\``;
}

/**
 * Plain text drawn as a Slack quote: every line prefixed `> `, escaped. A line the person began with
 * `>` meant "quote this"; that `>` is taken as the quote mark, not shown as a character.
 */
export function quoteText(s: string): string {
  return s.split('\n').map((line) => `> ${escapeSlack(line.replace(/^>\s?/, ''))}`).join('\n');
}

/** Text already in Slack's markup (a message as Slack sent it, `>` arriving as `&gt;`) drawn as a quote. */
export function quoteMrkdwn(s: string): string {
  return s.split('\n').map((line) => `> ${line.replace(/^(?:&gt;|>)\s?/, '')}`).join('\n');
}

/**
 * The text without U+0000: no person types it, and PostgreSQL's text cannot hold it (SQLite stores
 * it). Payloads lose it at the edge (src/slack/middleware/withoutNul.ts); `db copy` for what older
 * versions stored.
 */
export function withoutNul(s: string): string {
  return s.includes('\u0000') ? s.replaceAll('\u0000', '') : s;
}
