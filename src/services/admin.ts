// Admin use cases: reporting lines, roles, org settings and the cost report. Every one checks isAdmin first.
import type { Person } from '../core/model';
import type { OrgSettings } from '../core/settings';
import type { IsoDate, Role } from '../core/types';
import { reportingLineProblem } from '../core/roster';
import { parseSettingChange } from '../core/settingsChange';
import { outsideWindowReason } from '../core/sendingWindow';
import { digestWindow } from '../core/digest';
import { buildOrgReport, REPORT_WEEKS, type OrgReport } from '../core/orgReport';
import { localDate } from '../core/time';
import { fail, ok, type Outcome } from './result';
import type { Deps } from './ports';
import { ensurePerson, isAdmin } from './people';
import { weekBudgets } from './weekBudgets';

const NOT_ADMIN = 'Only Ballast admins can do that. Ask an admin, or see `/ballast privacy` for what admins can see.';

function denied<T>(): Outcome<T> {
  return fail('forbidden', NOT_ADMIN);
}

export async function setManager(
  deps: Deps, actor: Person, employeeId: string, managerId: string,
): Promise<Outcome<{ employee: Person; manager: Person }>> {
  if (!isAdmin(deps, actor)) return denied();
  const lines = await deps.store.reporting.reportingLines();
  const problem = reportingLineProblem(employeeId, managerId, lines);
  if (problem) return fail('bad_line', `I can't do that: ${problem}.`, '/ballast admin manager @dana @sam');
  const employee = await ensurePerson(deps, employeeId);
  if (!employee.ok) return fail('unknown_user', `<@${employeeId}>: ${employee.error.message}`);
  const manager = await ensurePerson(deps, managerId);
  if (!manager.ok) return fail('unknown_user', `<@${managerId}>: ${manager.error.message}`);
  await deps.store.people.setManager(employeeId, managerId);
  deps.log.info({ actor: actor.id, employee: employeeId, manager: managerId }, 'reporting line set');
  return ok({ employee: (await deps.store.people.get(employeeId))!, manager: manager.value });
}

export async function setRole(deps: Deps, actor: Person, userId: string, role: Role): Promise<Outcome<Person>> {
  if (!isAdmin(deps, actor)) return denied();
  const target = await ensurePerson(deps, userId);
  if (!target.ok) return fail('unknown_user', `<@${userId}>: ${target.error.message}`);
  await deps.store.people.setRole(userId, role);
  deps.log.info({ actor: actor.id, target: userId, role }, 'role set');
  return ok((await deps.store.people.get(userId))!);
}

export async function viewSettings(deps: Deps, actor: Person): Promise<Outcome<{ settings: OrgSettings; holidays: IsoDate[] }>> {
  if (!isAdmin(deps, actor)) return denied();
  return ok({ settings: await deps.store.settings.get(), holidays: await deps.store.settings.holidays() });
}

/**
 * The org check-in and digest times must lie inside the hours Ballast may DM, or the scheduler would
 * move them to the window's start or never send them without a word: refused, with the reason.
 */
function outsideWindow(current: OrgSettings, patch: Partial<OrgSettings>): { message: string; example: string } | null {
  const next = { ...current, ...patch };
  const checkin = outsideWindowReason(next.checkinTime, next, 'the org check-in time');
  const digest = outsideWindowReason(next.digestTime, next, 'the manager digest');
  const problem = checkin ?? digest;
  if (!problem) return null;
  if (patch.quietStart !== undefined) {
    const what = checkin ? `checkin_time (now ${next.checkinTime})` : `digest_time (now ${next.digestTime})`;
    return { message: `${problem.replace(/: pick a time.*$/, '.')} Move ${what} inside the new hours first.`, example: `/ballast admin settings quiet_hours ${current.quietStart}-${current.quietEnd}` };
  }
  return { message: problem, example: checkin ? '/ballast admin settings checkin_time 16:30' : '/ballast admin settings digest_time 09:00' };
}

export async function changeSetting(
  deps: Deps, actor: Person, key: string, value: string,
): Promise<Outcome<{ settings: OrgSettings; holidays: IsoDate[]; summary: string }>> {
  if (!isAdmin(deps, actor)) return denied();
  const parsed = parseSettingChange(key, value);
  if (!parsed.ok) return fail('bad_setting', parsed.message, parsed.example);
  const change = parsed.change;
  if (change.kind === 'settings') {
    const refused = outsideWindow(await deps.store.settings.get(), change.patch);
    if (refused) return fail('bad_setting', refused.message, refused.example);
  }
  let summary: string;
  if (change.kind === 'holiday') {
    if (change.action === 'add') {
      const added = await deps.store.settings.addHoliday(change.date, actor.id);
      summary = added ? `${change.date} is now an org holiday.` : `${change.date} was already an org holiday.`;
    } else {
      const removed = await deps.store.settings.removeHoliday(change.date);
      if (!removed) return fail('bad_setting', `${change.date} is not an org holiday.`, '/ballast admin settings holidays remove 2026-12-24');
      summary = `${change.date} is no longer an org holiday.`;
    }
  } else {
    for (const [k, v] of Object.entries(change.patch) as [keyof OrgSettings, never][]) {
      // The budget percent has a history: it holds from the current week in each person's zone on.
      if (k === 'budgetPercent') await deps.store.settings.setBudgetPercent(v, actor.id, deps.clock.now());
      else await deps.store.settings.set(k, v);
    }
    summary = `Updated ${key.toLowerCase()}.`;
  }
  deps.log.info({ actor: actor.id, key, value }, 'setting changed');
  return ok({ settings: await deps.store.settings.get(), holidays: await deps.store.settings.holidays(), summary });
}

/** The last four full weeks (in the asking admin's zone) across every active person. */
export async function loadOrgReport(deps: Deps, asOf: { tz: string }): Promise<OrgReport> {
  const settings = await deps.store.settings.get();
  const today = localDate(deps.clock.now(), asOf.tz);
  const weekKeys = digestWindow(today).weekKeys.slice(-REPORT_WEEKS);
  const index = new Map(weekKeys.map((k, i) => [k, i]));
  const people = await deps.store.reporting.digestPeople();
  const weeks = new Map<string, number[]>();
  await deps.store.reporting.eachWeekSum(weekKeys, undefined, (personId, weekKey, minutes) => {
    let list = weeks.get(personId);
    if (!list) weeks.set(personId, (list = weekKeys.map(() => 0)));
    list[index.get(weekKey)!] = minutes;
  });
  // Budgets as they were in the report weeks; the most recent one is shown for people over it.
  const slotOf = new Map(people.map((p, i) => [p.id, i]));
  const budgets = await weekBudgets(deps, people, slotOf, weekKeys, settings);
  const width = weekKeys.length;
  return buildOrgReport({
    weekKeys,
    hourlyCost: settings.hourlyCost,
    currency: settings.currency,
    people: people.map((p, i) => ({
      id: p.id,
      name: p.name,
      managerId: p.managerId,
      budget: budgets[i * width + width - 1],
      weeks: weeks.get(p.id) ?? weekKeys.map(() => 0),
    })),
  });
}

export async function orgReport(deps: Deps, actor: Person): Promise<Outcome<OrgReport>> {
  if (!isAdmin(deps, actor)) return denied();
  return ok(await loadOrgReport(deps, actor));
}
