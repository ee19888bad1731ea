// Events API deliveries already handled, on PostgreSQL; mirrors src/store/events.ts. The primary key
// makes "first sighting" true for exactly one replica.
import type { Pg } from './db';
import type { eventsStore } from '../events';

export function pgEventsStore({ pool }: Pg) {
  const store = {
    async firstSighting(eventId: string, now: number): Promise<boolean> {
      const r = await pool.query('INSERT INTO events_seen (event_id, seen_at) VALUES ($1, $2) ON CONFLICT DO NOTHING', [eventId, now]);
      return r.rowCount === 1;
    },
    async prune(before: number): Promise<void> {
      await pool.query('DELETE FROM events_seen WHERE seen_at < $1', [before]);
    },
  };
  return store satisfies ReturnType<typeof eventsStore>;
}
