// Warnings when a week first reaches near, over or crowding; crowding also alerts the person's manager.
import type { Person } from '../core/model';
import type { WeekModel } from '../core/week';
import type { Level } from '../core/types';
import { levelsCrossed } from '../core/budget';
import { canDmNow } from '../core/schedule';
import { localDate, weekKey } from '../core/time';
import { managerCrowdingAlert, warningMessage } from '../slack/blocks/warnings';
import type { AfterLog, Deps } from './ports';
import { alreadyClaimed, sendOnce, type SendOutcome } from './sendOnce';
import { dmDirect } from './directDm';
import { recentWeeks } from './week';

type WarnLevel = Exclude<Level, 'ok'>;

export const warningJob = (level: WarnLevel): string => `warning-${level}`;
export const MANAGER_ALERT_JOB = 'warning-crowding-manager';

/**
 * The person gets one DM for the highest level newly reached; lower levels passed on the way are
 * claimed as covered by it, so jumping from ok to over is one message, and near never follows later.
 * These DMs answer something the person just did, so quiet hours do not hold them back.
 */
export async function warnOnLevels(deps: Deps, person: Person, before: Level, week: WeekModel): Promise<SendOutcome | null> {
  const crossed = levelsCrossed(before, week.level) as WarnLevel[];
  if (crossed.length === 0) return null;
  const top = crossed[crossed.length - 1];
  const now = deps.clock.now();
  for (const level of crossed.slice(0, -1)) {
    const key = { job: warningJob(level), subject: person.id, period: week.weekKey };
    if (await deps.store.claims.claim(key, now)) {
      await deps.store.claims.finish(key, 'skipped', now, { detail: `covered by ${top}` });
    }
  }
  const out = await sendOnce(
    deps, { job: warningJob(top), subject: person.id, period: week.weekKey },
    async () => dmDirect(deps, person.id, warningMessage(top, week, await recentWeeks(deps, person, 8, week.start))), { personId: person.id },
  );
  if (top === 'crowding') await alertManager(deps, person, week);
  return out;
}

/** The hook the composition root registers in deps.afterLog. */
export const warningsAfterLog: AfterLog = async (deps, person, logged) => {
  await warnOnLevels(deps, person, logged.levelBefore, logged.week);
};

/**
 * Crowding alerts the manager at once when they are inside their own sending hours; otherwise the
 * nudges pass delivers it when they are. Off when the org turns manager alerts off.
 */
export async function alertManager(deps: Deps, person: Person, week: WeekModel, atMs = deps.clock.now()): Promise<SendOutcome | null> {
  if (!person.managerId) return null;
  const settings = await deps.store.settings.get();
  if (!settings.managerAlerts) return null;
  const manager = await deps.store.people.get(person.managerId);
  if (!manager || !manager.active || manager.deleted) return null;
  if (!canDmNow(atMs, manager.tz, settings)) return null;
  return sendOnce(
    deps, { job: MANAGER_ALERT_JOB, subject: person.id, period: week.weekKey },
    () => dmDirect(deps, manager.id, managerCrowdingAlert(person.id, week, { seesStrain: person.shareStrain })), { personId: manager.id },
  );
}

/** People whose crowding warning this week has not reached their manager yet. */
export async function pendingManagerAlerts(deps: Deps, atMs: number): Promise<{ person: Person; weekKey: string }[]> {
  const settings = await deps.store.settings.get();
  if (!settings.managerAlerts) return [];
  const out: { person: Person; weekKey: string }[] = [];
  // A week is at most 8 days old anywhere on Earth by the time it ends; older claims are done with.
  for (const claim of await deps.store.claims.ofJobSince(warningJob('crowding'), atMs - 8 * 86_400_000)) {
    const person = await deps.store.people.get(claim.subject);
    if (!person?.managerId || !person.active) continue;
    if (claim.period !== weekKey(localDate(atMs, person.tz))) continue;
    if (await alreadyClaimed(deps, { job: MANAGER_ALERT_JOB, subject: person.id, period: claim.period })) continue;
    out.push({ person, weekKey: claim.period });
  }
  return out;
}
