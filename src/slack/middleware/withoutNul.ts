// U+0000 never comes from a person: no Slack client types it, and PostgreSQL's text cannot hold it
// (SQLite stores it). A forged or broken payload could carry one in any field (a note, a link, a
// trigger id), so it is taken out of every string of the payload before anything reads it: what is
// stored is then the same on either database, and a NUL never turns a log into "something went wrong".
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { withoutNul } from '../../core/slackText';

/**
 * Every string in `value` (objects and arrays, to any depth) without NULs, changed in place: Bolt hands
 * listeners several references into the same body (`payload`, `view`, `action`, `command`).
 */
export function scrubNul(value: unknown, depth = 0): void {
  if (typeof value !== 'object' || value === null || depth > 64) return;
  // Every request passes through here: index loops, not an entries array per object.
  const record = value as Record<string, unknown>;
  const keys = Array.isArray(value) ? null : Object.keys(value);
  const count = keys ? keys.length : (value as unknown[]).length;
  for (let i = 0; i < count; i++) {
    const key = keys ? keys[i] : i;
    const v = record[key];
    if (typeof v === 'string') {
      if (v.includes('\u0000')) record[key] = withoutNul(v);
    } else {
      scrubNul(v, depth + 1);
    }
  }
}

export const withoutNulBytes: Middleware<AnyMiddlewareArgs> = async (args) => {
  scrubNul(args.body);
  await args.next();
};
