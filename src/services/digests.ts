// Manager digests: built for many managers at once from weekly sums, sent once per manager per week.
import type { Person } from '../core/model';
import type { OrgSettings } from '../core/settings';
import type { IsoDate, Strain } from '../core/types';
import { buildDigest, digestWindow, type DigestModel, type ReportInput, type WeekSum } from '../core/digest';
import { effectiveBudget } from '../core/week';
import { localClock, localDate, parseHHMM } from '../core/time';
import { fail, ok, type Outcome } from './result';
import type { Deps } from './ports';

/** People a manager's digest covers: direct reports Ballast can still reach. */
export function countsInDigest(p: Person): boolean {
  return p.active && !p.deleted && !p.isBot;
}

export function displayName(p: Person): string {
  return p.realName || p.name || p.id;
}

/** Group people under their direct manager. */
export function reportsByManager(people: readonly Person[]): Map<string, Person[]> {
  const out = new Map<string, Person[]>();
  for (const p of people) {
    if (!p.managerId || !countsInDigest(p)) continue;
    const list = out.get(p.managerId);
    if (list) list.push(p);
    else out.set(p.managerId, [p]);
  }
  return out;
}

export interface DigestRequest {
  manager: Person;
  reports: Person[];
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
  for (const r of requests) {
    const key = digestWindow(r.today).weekKeys.join(',');
    const list = byWindow.get(key);
    if (list) list.push(r);
    else byWindow.set(key, [r]);
  }
  for (const group of byWindow.values()) {
    const window = digestWindow(group[0].today);
    const keys = window.weekKeys;
    const index = new Map(keys.map((k, i) => [k, i]));
    const personIds = group.flatMap((g) => g.reports.map((p) => p.id));
    const [sums, strainRows, counts] = await Promise.all([
      deps.store.reporting.weekSums(keys, personIds),
      deps.store.reporting.strainIn(keys),
      deps.store.reporting.assignmentCounts(keys[keys.length - 1]),
    ]);
    const weeks = new Map<string, WeekSum[]>();
    for (const s of sums) {
      let list = weeks.get(s.personId);
      if (!list) {
        list = keys.map(() => ({ minutes: 0, relationship: 0 }));
        weeks.set(s.personId, list);
      }
      list[index.get(s.weekKey)!] = { minutes: s.minutes, relationship: s.relationship };
    }
    const strain = new Map<string, Map<string, Strain>>();
    for (const s of strainRows) {
      let m = strain.get(s.personId);
      if (!m) strain.set(s.personId, (m = new Map()));
      m.set(s.weekKey, s.answer);
    }
    const empty = keys.map(() => ({ minutes: 0, relationship: 0 }));
    const noStrain = new Map<string, Strain>();
    for (const g of group) {
      const reports: ReportInput[] = g.reports.map((p) => ({
        id: p.id,
        name: displayName(p),
        budget: effectiveBudget(p, settings).minutes,
        shareStrain: p.shareStrain,
        paused: p.paused,
        weeks: weeks.get(p.id) ?? empty,
        strain: strain.get(p.id) ?? noStrain,
        assignmentsDone: counts.get(p.id)?.done ?? 0,
        assignmentsOpen: counts.get(p.id)?.open ?? 0,
      }));
      out.set(g.manager.id, buildDigest({ window, reports, minGroupSize: settings.minGroupSize }));
    }
  }
  return out;
}

/** `/ballast team`: the same digest, now, for the asking manager's direct reports only. */
export async function teamDigest(deps: Deps, manager: Person): Promise<Outcome<DigestModel>> {
  const reports = (await deps.store.people.reportsOf(manager.id)).filter(countsInDigest);
  if (reports.length === 0) {
    return fail(
      'not_a_manager',
      'You have no direct reports in Ballast, so there is no team digest to show. An admin sets reporting lines.',
      '/ballast admin manager @dana @you',
    );
  }
  const settings = await deps.store.settings.get();
  const today = localDate(deps.clock.now(), manager.tz);
  const models = await buildDigests(deps, [{ manager, reports, today }], settings);
  return ok(models.get(manager.id)!);
}

/**
 * Whether a manager's digest is due at this instant: the digest day, from the digest time until the end
 * of the hours Ballast may send DMs, so a pass after downtime still catches up the same day.
 */
export function digestDue(atMs: number, zone: string, settings: OrgSettings): boolean {
  const now = localClock(atMs, zone);
  if (now.weekday !== settings.digestDay) return false;
  const toMinutes = (t: string) => {
    const [h, m] = (parseHHMM(t) ?? '00:00').split(':').map(Number);
    return h * 60 + m;
  };
  const from = Math.max(toMinutes(settings.digestTime), toMinutes(settings.quietStart));
  return now.minuteOfDay >= from && now.minuteOfDay < toMinutes(settings.quietEnd);
}
