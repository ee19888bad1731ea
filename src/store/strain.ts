// Weekly strain answers ("how did advocacy affect your core work?").
import type { Db } from './db';
import type { StrainAnswer } from '../core/model';
import type { Strain } from '../core/types';

interface Row { person_id: string; week_key: string; answer: Strain; answered_at: number }
const toAnswer = (r: Row): StrainAnswer => ({
  personId: r.person_id, weekKey: r.week_key, answer: r.answer, answeredAt: r.answered_at,
});

export function strainStore(db: Db) {
  const upsert = db.prepare(`INSERT INTO strain (person_id, week_key, answer, answered_at) VALUES (?, ?, ?, ?)
    ON CONFLICT(person_id, week_key) DO UPDATE SET answer = excluded.answer, answered_at = excluded.answered_at`);
  const get = db.prepare<[string, string], Row>('SELECT * FROM strain WHERE person_id = ? AND week_key = ?');
  const ofPerson = db.prepare<[string], Row>('SELECT * FROM strain WHERE person_id = ? ORDER BY week_key DESC');

  return {
    async record(personId: string, weekKey: string, answer: Strain, now: number): Promise<void> {
      upsert.run(personId, weekKey, answer, now);
    },
    async get(personId: string, weekKey: string): Promise<StrainAnswer | undefined> {
      const r = get.get(personId, weekKey);
      return r ? toAnswer(r) : undefined;
    },
    /** Newest first. */
    async ofPerson(personId: string): Promise<StrainAnswer[]> {
      return ofPerson.all(personId).map(toAnswer);
    },
  };
}

export type StrainStore = ReturnType<typeof strainStore>;
