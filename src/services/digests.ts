// Manager digests: built for many managers at once from weekly sums, sent once per manager per week.
import type { Person } from '../core/model';
import type { OrgSettings } from '../core/settings';
import type { IsoDate, Strain, Weekday } from '../core/types';
import { buildDigest, digestWindow, type DigestModel, type ReportInput } from '../core/digest';
import { weekBudgets } from './weekBudgets';
import type { DigestPerson } from './store';
import { localDate } from '../core/time';
import { dailySlot } from '../core/schedule';
import { fail, ok, type Outcome } from './result';
import type { Deps } from './ports';

/** Group people under their direct manager. */
export function reportsByManager(people: readonly DigestPerson[]): Map<string, DigestPerson[]> {
  const out = new Map<string, DigestPerson[]>();
  for (const p of people) {
    if (!p.managerId) continue;
    const list = out.get(p.managerId);
    if (list) list.push(p);
    else out.set(p.managerId, [p]);
  }
  return out;
}

export interface DigestRequest {
  managerId: string;
  reports: DigestPerson[];
  /** The manager's local date; the digest covers the last full week before it. */
  today: IsoDate;
}

/**
 * Digests for many managers with one aggregate query per distinct window: never entries one by one.
 * Returns the models keyed by manager id.
 */
export async function buildDigests(
  deps: Deps, requests: readonly DigestRequest[], settings: OrgSettings,
): Promise<Map<string, DigestModel>> {
  const out = new Map<string, DigestModel>();
  const byWindow = new Map<string, DigestRequest[]>();
  // Managers whose local date is the same share one window (and one query).
  for (const r of requests) {
    const list = byWindow.get(r.today);
    if (list) list.push(r);
    else byWindow.set(r.today, [r]);
  }
  for (const [today, group] of byWindow) {
    const window = digestWindow(today);
    const keys = window.weekKeys;
    const index = new Map(keys.map((k, i) => [k, i]));
    // Each report gets a slot; their weekly minutes live in two flat typed arrays, not in objects.
    const slotOf = new Map<string, number>();
    for (const g of group) for (const p of g.reports) if (!slotOf.has(p.id)) slotOf.set(p.id, slotOf.size);
    const width = keys.length;
    const minutes = new Int32Array(slotOf.size * width);
    const relationship = new Int32Array(slotOf.size);
    const onlyFor = [...slotOf.keys()];
    let lastKey = '';
    let week = -1;
    await deps.store.reporting.eachWeekSum(keys, onlyFor, (personId, weekKey, m) => {
      const slot = slotOf.get(personId);
      if (slot === undefined) return;
      if (weekKey !== lastKey) {
        lastKey = weekKey;
        week = index.get(weekKey)!;
      }
      minutes[slot * width + week] = m;
    });
    await deps.store.reporting.eachRelationshipSum(keys[width - 1], onlyFor, (personId, m) => {
      const slot = slotOf.get(personId);
      if (slot !== undefined) relationship[slot] = m;
    });
    // Strain matters for the digest week (the team figure) and the three before it (the level of
    // those who share it); older answers are not read.
    const strain = new Map<string, (Strain | undefined)[]>();
    await deps.store.reporting.eachStrain(keys.slice(-3), (personId, weekKey, answer) => {
      if (!slotOf.has(personId)) return;
      let answers = strain.get(personId);
      if (!answers) strain.set(personId, (answers = new Array<Strain | undefined>(width).fill(undefined)));
      answers[index.get(weekKey)!] = answer;
    });
    const counts = await deps.store.reporting.assignmentCounts(keys[keys.length - 1]);
    // Each window week with its own budget: a week that has ended keeps the one it had.
    const reportsOfWindow = group.flatMap((g) => g.reports);
    const budgets = await weekBudgets(deps, reportsOfWindow, slotOf, keys, settings, onlyFor);
    const noStrain: (Strain | undefined)[] = [];
    for (const g of group) {
      const reports: ReportInput[] = g.reports.map((p) => {
        const at = slotOf.get(p.id)! * width;
        return {
          id: p.id,
          name: p.name,
          budget: budgets[at + width - 1],
          budgets: budgets.subarray(at, at + width),
          shareStrain: p.shareStrain,
          paused: p.paused,
          minutes: minutes.subarray(at, at + width),
          relationship: relationship[at / width],
          strain: strain.get(p.id) ?? noStrain,
          assignmentsDone: counts.get(p.id)?.done ?? 0,
          assignmentsOpen: counts.get(p.id)?.open ?? 0,
        };
      });
      out.set(g.managerId, buildDigest({ window, reports, minGroupSize: settings.minGroupSize }));
    }
  }
  return out;
}

/** `/ballast team`: the same digest, now, for the asking manager's direct reports only. */
export async function teamDigest(deps: Deps, manager: Person): Promise<Outcome<DigestModel>> {
  const reports = await deps.store.reporting.digestReportsOf(manager.id);
  if (reports.length === 0) {
    return fail(
      'not_a_manager',
      'You have no direct reports in Ballast, so there is no team digest to show. An admin sets reporting lines.',
      '/ballast admin manager @dana @you',
    );
  }
  const settings = await deps.store.settings.get();
  const today = localDate(deps.clock.now(), manager.tz);
  const models = await buildDigests(deps, [{ managerId: manager.id, reports, today }], settings);
  return ok(models.get(manager.id)!);
}

/**
 * Whether a manager's digest is due at this instant: the digest day, from the digest time until the end
 * of the hours Ballast may send DMs, so a pass after downtime still catches up the same day.
 */
export function digestDue(atMs: number, zone: string, settings: OrgSettings): boolean {
  return dailySlot(atMs, zone, settings.digestTime, [settings.digestDay as Weekday], settings).due;
}

/**
 * Every manager whose digest is due at this instant, with their reachable direct reports. Managers
 * Slack no longer knows (inactive) are returned separately so the job can say why they got nothing.
 */
export async function digestRequestsAt(
  deps: Deps, atMs: number, settings: OrgSettings,
): Promise<{ requests: DigestRequest[]; skipped: string[] }> {
  const people = await deps.store.reporting.digestPeople();
  const byId = new Map(people.map((p) => [p.id, p]));
  const requests: DigestRequest[] = [];
  const skipped: string[] = [];
  // Zones repeat across thousands of managers; the local clock is worked out once per zone.
  const todayIn = new Map<string, IsoDate | null>();
  for (const [managerId, reports] of reportsByManager(people)) {
    const manager = byId.get(managerId);
    if (!manager) {
      skipped.push(managerId);
      continue;
    }
    let today = todayIn.get(manager.tz);
    if (today === undefined) {
      today = digestDue(atMs, manager.tz, settings) ? localDate(atMs, manager.tz) : null;
      todayIn.set(manager.tz, today);
    }
    if (today !== null) requests.push({ managerId, reports, today });
  }
  return { requests, skipped };
}
