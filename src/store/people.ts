// People: who Ballast knows, their settings, roles and reporting lines.
import type { Db } from './db';
import type { Person, SlackProfile } from '../core/model';
import type { HHMM, IsoDate, Role, Weekday } from '../core/types';
import type { TermsChange } from '../core/records';
import { termsRecorder } from './budgetHistory';

interface Row {
  id: string; team_id: string; name: string; real_name: string; email: string | null; tz: string;
  is_bot: number; deleted: number; active: number; status_text: string; status_emoji: string;
  status_expiration: number; weekly_hours: number; budget_minutes: number | null; budget_set_by: string | null;
  budget_set_at: number | null; role: Role; manager_id: string | null; checkin_time: string | null;
  checkin_days: string; checkin_enabled: number; nudges_enabled: number; paused: number;
  paused_until: string | null; share_strain: number; refreshed_at: number; created_at: number;
}

export function toPerson(r: Row): Person {
  return {
    id: r.id, teamId: r.team_id, name: r.name, realName: r.real_name, email: r.email, tz: r.tz,
    isBot: r.is_bot === 1, deleted: r.deleted === 1, active: r.active === 1,
    statusText: r.status_text, statusEmoji: r.status_emoji, statusExpiration: r.status_expiration,
    weeklyHours: r.weekly_hours, budgetMinutes: r.budget_minutes, budgetSetBy: r.budget_set_by,
    budgetSetAt: r.budget_set_at, role: r.role, managerId: r.manager_id, checkinTime: r.checkin_time,
    checkinDays: r.checkin_days ? (r.checkin_days.split(',').map(Number) as Weekday[]) : [],
    checkinEnabled: r.checkin_enabled === 1, nudgesEnabled: r.nudges_enabled === 1, paused: r.paused === 1,
    pausedUntil: r.paused_until, shareStrain: r.share_strain === 1, refreshedAt: r.refreshed_at,
    createdAt: r.created_at,
  };
}

/** Record what Slack says about a person (named parameters as in upsertProfile); their settings are kept. */
export const UPSERT_PROFILE_SQL = `
    INSERT INTO people (id, team_id, name, real_name, email, tz, is_bot, deleted, active, status_text,
                        status_emoji, status_expiration, refreshed_at, created_at)
    VALUES (@id, @teamId, @name, @realName, @email, @tz, @isBot, @deleted, @active, @statusText,
            @statusEmoji, @statusExpiration, @now, @now)
    ON CONFLICT(id) DO UPDATE SET
      team_id = excluded.team_id, name = excluded.name, real_name = excluded.real_name,
      email = excluded.email, tz = excluded.tz, is_bot = excluded.is_bot, deleted = excluded.deleted,
      active = excluded.active, status_text = excluded.status_text, status_emoji = excluded.status_emoji,
      status_expiration = excluded.status_expiration, refreshed_at = excluded.refreshed_at`;

export function peopleStore(db: Db) {
  const byId = db.prepare<[string], Row>('SELECT * FROM people WHERE id = ?');
  const upsert = db.prepare(UPSERT_PROFILE_SQL);
  const setField = (column: string) => db.prepare(`UPDATE people SET ${column} = ? WHERE id = ?`);
  const setHours = setField('weekly_hours');
  const setRole = setField('role');
  const setManager = setField('manager_id');
  const setNudges = setField('nudges_enabled');
  const setShare = setField('share_strain');
  const setInactive = db.prepare('UPDATE people SET active = 0 WHERE id = ?');
  const setBudget = db.prepare('UPDATE people SET budget_minutes = ?, budget_set_by = ?, budget_set_at = ? WHERE id = ?');
  const setCheckin = db.prepare('UPDATE people SET checkin_time = ?, checkin_days = ?, checkin_enabled = ? WHERE id = ?');
  const setPause = db.prepare('UPDATE people SET paused = ?, paused_until = ? WHERE id = ?');
  const reports = db.prepare<[string], Row>('SELECT * FROM people WHERE manager_id = ? ORDER BY real_name, name, id');
  const all = db.prepare<[], Row>('SELECT * FROM people ORDER BY id');
  const active = db.prepare<[], Row>(
    'SELECT * FROM people WHERE active = 1 AND deleted = 0 AND is_bot = 0 ORDER BY id');
  const byRole = db.prepare<[string], Row>('SELECT * FROM people WHERE role = ? ORDER BY id');
  const managers = db.prepare<[], Row>(
    'SELECT * FROM people WHERE id IN (SELECT DISTINCT manager_id FROM people WHERE manager_id IS NOT NULL) ORDER BY id');
  const byEmail = db.prepare<[string], Row>('SELECT * FROM people WHERE lower(email) = lower(?)');

  const one = (r: Row | undefined) => (r ? toPerson(r) : undefined);
  const terms = termsRecorder(db);
  // The people row holds the values now; the history row the week they hold from (store/budgetHistory.ts).
  const changeTerms = db.transaction((id: string, change: TermsChange, write: () => void) => {
    terms.before(id);
    write();
    terms.after(id, change);
  });

  return {
    async get(id: string): Promise<Person | undefined> {
      return one(byId.get(id));
    },
    async getByEmail(email: string): Promise<Person | undefined> {
      return one(byEmail.get(email));
    },
    /** Record or refresh what Slack says about a person; their Ballast settings are kept. */
    async upsertProfile(p: SlackProfile, now: number): Promise<Person> {
      upsert.run({
        ...p, isBot: p.isBot ? 1 : 0, deleted: p.deleted ? 1 : 0, active: p.deleted ? 0 : 1, now,
      });
      return toPerson(byId.get(p.id)!);
    },
    async markInactive(id: string): Promise<void> {
      setInactive.run(id);
    },
    /** Contracted hours from `change.fromWeek` on; earlier weeks keep theirs. */
    async setHours(id: string, hours: number, change: TermsChange): Promise<void> {
      changeTerms.immediate(id, change, () => setHours.run(hours, id));
    },
    /** An explicit budget (null: back to the default) from `change.fromWeek` on; earlier weeks keep theirs. */
    async setBudget(id: string, minutes: number | null, change: TermsChange): Promise<void> {
      changeTerms.immediate(id, change, () => setBudget.run(minutes, minutes === null ? null : change.by, minutes === null ? null : change.now, id));
    },
    async setRole(id: string, role: Role): Promise<void> {
      setRole.run(role, id);
    },
    async setManager(id: string, managerId: string | null): Promise<void> {
      setManager.run(managerId, id);
    },
    async setCheckin(id: string, time: HHMM | null, days: Weekday[], enabled: boolean): Promise<void> {
      setCheckin.run(time, days.join(','), enabled ? 1 : 0, id);
    },
    async setNudges(id: string, on: boolean): Promise<void> {
      setNudges.run(on ? 1 : 0, id);
    },
    async setPause(id: string, paused: boolean, until: IsoDate | null): Promise<void> {
      setPause.run(paused ? 1 : 0, paused ? until : null, id);
    },
    async setShareStrain(id: string, on: boolean): Promise<void> {
      setShare.run(on ? 1 : 0, id);
    },
    async reportsOf(managerId: string): Promise<Person[]> {
      return reports.all(managerId).map(toPerson);
    },
    async managers(): Promise<Person[]> {
      return managers.all().map(toPerson);
    },
    async withRole(role: Role): Promise<Person[]> {
      return byRole.all(role).map(toPerson);
    },
    async listActive(): Promise<Person[]> {
      return active.all().map(toPerson);
    },
    async listAll(): Promise<Person[]> {
      return all.all().map(toPerson);
    },
  };
}

export type PeopleStore = ReturnType<typeof peopleStore>;
