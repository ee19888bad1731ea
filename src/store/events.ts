// Events API deliveries already handled: Slack retries with the same event_id.
import type { Db } from './db';

export function eventsStore(db: Db) {
  const mark = db.prepare('INSERT INTO events_seen (event_id, seen_at) VALUES (?, ?) ON CONFLICT DO NOTHING');
  const prune = db.prepare('DELETE FROM events_seen WHERE seen_at < ?');
  return {
    /** True the first time an event id is seen. */
    async firstSighting(eventId: string, now: number): Promise<boolean> {
      return mark.run(eventId, now).changes === 1;
    },
    async prune(before: number): Promise<void> {
      prune.run(before);
    },
  };
}
