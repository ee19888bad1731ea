// Slack rate-limit holds shared by every process on this database (migration 0005): a 429 with
// Retry-After that one process saw, so the others wait it out instead of earning their own.
import type { Db } from './db';

export function slackHoldsStore(db: Db) {
  // A hold already standing longer is kept: two 429s at once never shorten a hold.
  const upsert = db.prepare(
    `INSERT INTO slack_holds (method, channel, until) VALUES (?, ?, ?)
     ON CONFLICT (method, channel) DO UPDATE SET until = max(slack_holds.until, excluded.until)`);
  const prune = db.prepare('DELETE FROM slack_holds WHERE method = ? AND until <= ?');
  const heldUntil = db.prepare<[string, string, number], { until: number | null }>(
    "SELECT max(until) AS until FROM slack_holds WHERE method = ? AND channel IN (?, '') AND until > ?");
  const channels = db.prepare<[string, number], { n: number }>(
    "SELECT count(*) AS n FROM slack_holds WHERE method = ? AND channel <> '' AND until > ?");
  return {
    /** Hold `method` on `channel` ('' = every channel) until `until` (epoch ms); ended holds of the method are dropped. */
    async hold(method: string, channel: string, until: number, now: number): Promise<void> {
      prune.run(method, now);
      upsert.run(method, channel, until);
    },
    /** When the latest hold on `method` for `channel` (its own or the method-wide one) ends; null if none stands at `now`. */
    async heldUntil(method: string, channel: string, now: number): Promise<number | null> {
      return heldUntil.get(method, channel, now)?.until ?? null;
    },
    /** How many channels of `method` are held at `now` (method-wide holds not counted). */
    async channelsHeld(method: string, now: number): Promise<number> {
      return channels.get(method, now)?.n ?? 0;
    },
  };
}
