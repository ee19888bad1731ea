// People on PostgreSQL; mirrors src/store/people.ts.
import type { PoolClient } from 'pg';
import { transaction, type Pg, type Queryable } from './db';
import { termsRecorder } from './budgetHistory';
import type { Person, SlackProfile } from '../../core/model';
import type { HHMM, IsoDate, Role, Weekday } from '../../core/types';
import type { TermsChange } from '../budgetHistory';
import type { peopleStore } from '../people';

export interface PersonRow {
  id: string; team_id: string; name: string; real_name: string; email: string | null; tz: string;
  is_bot: boolean; deleted: boolean; active: boolean; status_text: string; status_emoji: string;
  status_expiration: number; weekly_hours: number; budget_minutes: number | null; budget_set_by: string | null;
  budget_set_at: number | null; role: Role; manager_id: string | null; checkin_time: string | null;
  checkin_days: string; checkin_enabled: boolean; nudges_enabled: boolean; paused: boolean;
  paused_until: string | null; share_strain: boolean; refreshed_at: number; created_at: number;
}

export function toPerson(r: PersonRow): Person {
  return {
    id: r.id, teamId: r.team_id, name: r.name, realName: r.real_name, email: r.email, tz: r.tz,
    isBot: r.is_bot, deleted: r.deleted, active: r.active,
    statusText: r.status_text, statusEmoji: r.status_emoji, statusExpiration: r.status_expiration,
    weeklyHours: r.weekly_hours, budgetMinutes: r.budget_minutes, budgetSetBy: r.budget_set_by,
    budgetSetAt: r.budget_set_at, role: r.role, managerId: r.manager_id, checkinTime: r.checkin_time,
    checkinDays: r.checkin_days ? (r.checkin_days.split(',').map(Number) as Weekday[]) : [],
    checkinEnabled: r.checkin_enabled, nudgesEnabled: r.nudges_enabled, paused: r.paused,
    pausedUntil: r.paused_until, shareStrain: r.share_strain, refreshedAt: r.refreshed_at,
    createdAt: r.created_at,
  };
}

/** Record what Slack says about a person; their settings are kept. Returns the row. */
export async function upsertProfile(q: Queryable, p: SlackProfile, now: number): Promise<PersonRow> {
  const r = await q.query<PersonRow>(`
    INSERT INTO people (id, team_id, name, real_name, email, tz, is_bot, deleted, active, status_text,
                        status_emoji, status_expiration, refreshed_at, created_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)
    ON CONFLICT (id) DO UPDATE SET
      team_id = excluded.team_id, name = excluded.name, real_name = excluded.real_name,
      email = excluded.email, tz = excluded.tz, is_bot = excluded.is_bot, deleted = excluded.deleted,
      active = excluded.active, status_text = excluded.status_text, status_emoji = excluded.status_emoji,
      status_expiration = excluded.status_expiration, refreshed_at = excluded.refreshed_at
    RETURNING *`, [p.id, p.teamId, p.name, p.realName, p.email, p.tz, p.isBot, p.deleted, !p.deleted, p.statusText,
    p.statusEmoji, p.statusExpiration, now]);
  return r.rows[0];
}

/** Lock a person's row for the rest of the transaction, so changes to their terms never interleave. */
export async function lockPerson(c: PoolClient, id: string): Promise<void> {
  await c.query('SELECT 1 FROM people WHERE id = $1 FOR UPDATE', [id]);
}

export function pgPeopleStore({ pool }: Pg) {
  const list = async (sql: string, values: unknown[] = []) => (await pool.query<PersonRow>(sql, values)).rows.map(toPerson);
  const one = async (sql: string, values: unknown[]) => {
    const r = (await pool.query<PersonRow>(sql, values)).rows[0];
    return r ? toPerson(r) : undefined;
  };
  const run = async (sql: string, values: unknown[]) => {
    await pool.query(sql, values);
  };
  // The people row holds the values now; the history row the week they hold from.
  const changeTerms = (id: string, change: TermsChange, write: (c: PoolClient) => Promise<unknown>) =>
    transaction(pool, async (c) => {
      await lockPerson(c, id);
      await termsRecorder.before(c, id);
      await write(c);
      await termsRecorder.after(c, id, change);
    });

  const store = {
    async get(id: string): Promise<Person | undefined> {
      return one('SELECT * FROM people WHERE id = $1', [id]);
    },
    async getByEmail(email: string): Promise<Person | undefined> {
      // SQLite's lower() folds ASCII only, as lower() does under the C collation. SQLite answers the
      // first row it finds; ORDER BY id makes that choice stable here.
      return one('SELECT * FROM people WHERE lower(email COLLATE "C") = lower($1 COLLATE "C") ORDER BY id LIMIT 1', [email]);
    },
    async upsertProfile(p: SlackProfile, now: number): Promise<Person> {
      return toPerson(await upsertProfile(pool, p, now));
    },
    async markInactive(id: string): Promise<void> {
      await run('UPDATE people SET active = FALSE WHERE id = $1', [id]);
    },
    async setHours(id: string, hours: number, change: TermsChange): Promise<void> {
      await changeTerms(id, change, (c) => c.query('UPDATE people SET weekly_hours = $1 WHERE id = $2', [hours, id]));
    },
    async setBudget(id: string, minutes: number | null, change: TermsChange): Promise<void> {
      await changeTerms(id, change, (c) => c.query(
        'UPDATE people SET budget_minutes = $1, budget_set_by = $2, budget_set_at = $3 WHERE id = $4',
        [minutes, minutes === null ? null : change.by, minutes === null ? null : change.now, id]));
    },
    async setRole(id: string, role: Role): Promise<void> {
      await run('UPDATE people SET role = $1 WHERE id = $2', [role, id]);
    },
    async setManager(id: string, managerId: string | null): Promise<void> {
      await run('UPDATE people SET manager_id = $1 WHERE id = $2', [managerId, id]);
    },
    async setCheckin(id: string, time: HHMM | null, days: Weekday[], enabled: boolean): Promise<void> {
      await run('UPDATE people SET checkin_time = $1, checkin_days = $2, checkin_enabled = $3 WHERE id = $4',
        [time, days.join(','), enabled, id]);
    },
    async setNudges(id: string, on: boolean): Promise<void> {
      await run('UPDATE people SET nudges_enabled = $1 WHERE id = $2', [on, id]);
    },
    async setPause(id: string, paused: boolean, until: IsoDate | null): Promise<void> {
      await run('UPDATE people SET paused = $1, paused_until = $2 WHERE id = $3', [paused, paused ? until : null, id]);
    },
    async setShareStrain(id: string, on: boolean): Promise<void> {
      await run('UPDATE people SET share_strain = $1 WHERE id = $2', [on, id]);
    },
    async reportsOf(managerId: string): Promise<Person[]> {
      return list('SELECT * FROM people WHERE manager_id = $1 ORDER BY real_name, name, id', [managerId]);
    },
    async managers(): Promise<Person[]> {
      return list('SELECT * FROM people WHERE id IN (SELECT DISTINCT manager_id FROM people WHERE manager_id IS NOT NULL) ORDER BY id');
    },
    async withRole(role: Role): Promise<Person[]> {
      return list('SELECT * FROM people WHERE role = $1 ORDER BY id', [role]);
    },
    async listActive(): Promise<Person[]> {
      return list('SELECT * FROM people WHERE active AND NOT deleted AND NOT is_bot ORDER BY id');
    },
    async listAll(): Promise<Person[]> {
      return list('SELECT * FROM people ORDER BY id');
    },
  };
  return store satisfies ReturnType<typeof peopleStore>;
}
