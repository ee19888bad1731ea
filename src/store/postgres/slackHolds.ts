// Slack rate-limit holds on PostgreSQL, shared by every replica; mirrors src/store/slackHolds.ts.
import type { Pg } from './db';
import type { slackHoldsStore } from '../slackHolds';

/** Epoch ms as BIGINT takes them: a clock may read fractions (performance-based), PostgreSQL refuses them. */
const ms = (t: number): number => Math.floor(t);

export function pgSlackHoldsStore({ pool }: Pg) {
  const store = {
    async hold(method: string, channel: string, until: number, now: number): Promise<void> {
      await pool.query('DELETE FROM slack_holds WHERE method = $1 AND until <= $2', [method, ms(now)]);
      await pool.query(
        `INSERT INTO slack_holds (method, channel, until) VALUES ($1, $2, $3)
         ON CONFLICT (method, channel) DO UPDATE SET until = GREATEST(slack_holds.until, excluded.until)`,
        [method, channel, Math.ceil(until)]);
    },
    async heldUntil(method: string, channel: string, now: number): Promise<number | null> {
      const r = await pool.query<{ until: string | null }>(
        "SELECT max(until) AS until FROM slack_holds WHERE method = $1 AND channel IN ($2, '') AND until > $3", [method, channel, ms(now)]);
      const until = r.rows[0]?.until;
      return until === null || until === undefined ? null : Number(until);
    },
    async channelsHeld(method: string, now: number): Promise<number> {
      const r = await pool.query<{ n: string }>(
        "SELECT count(*) AS n FROM slack_holds WHERE method = $1 AND channel <> '' AND until > $2", [method, ms(now)]);
      return Number(r.rows[0]?.n ?? 0);
    },
  };
  return store satisfies ReturnType<typeof slackHoldsStore>;
}
