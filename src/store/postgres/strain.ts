// Weekly strain answers on PostgreSQL; mirrors src/store/strain.ts.
import type { Pg } from './db';
import type { StrainAnswer } from '../../core/model';
import type { Strain } from '../../core/types';
import type { strainStore } from '../strain';

interface Row { person_id: string; week_key: string; answer: Strain; answered_at: number }
const toAnswer = (r: Row): StrainAnswer => ({
  personId: r.person_id, weekKey: r.week_key, answer: r.answer, answeredAt: r.answered_at,
});

export function pgStrainStore({ pool }: Pg) {
  const store = {
    async record(personId: string, weekKey: string, answer: Strain, now: number): Promise<void> {
      await pool.query(`INSERT INTO strain (person_id, week_key, answer, answered_at) VALUES ($1, $2, $3, $4)
        ON CONFLICT (person_id, week_key) DO UPDATE SET answer = excluded.answer, answered_at = excluded.answered_at`,
      [personId, weekKey, answer, now]);
    },
    async get(personId: string, weekKey: string): Promise<StrainAnswer | undefined> {
      const r = await pool.query<Row>('SELECT * FROM strain WHERE person_id = $1 AND week_key = $2', [personId, weekKey]);
      return r.rows[0] ? toAnswer(r.rows[0]) : undefined;
    },
    async ofPerson(personId: string): Promise<StrainAnswer[]> {
      return (await pool.query<Row>('SELECT * FROM strain WHERE person_id = $1 ORDER BY week_key DESC', [personId])).rows.map(toAnswer);
    },
  };
  return store satisfies ReturnType<typeof strainStore>;
}
