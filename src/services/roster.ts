// Roster import and export: the whole file is checked, and only then written in one transaction.
import type { Person, SlackProfile } from '../core/model';
import { csvRow, parseCsv } from '../core/csv';
import {
  checkReportingLines, parseRoster, refText, ROSTER_HEADER, type PersonRef, type RosterError,
} from '../core/roster';
import type { RosterWrite } from './store';
import { effectiveWeek, FROM_THE_START } from '../core/budgetHistory';
import { effectiveBudget } from '../core/week';
import { GONE_CODES, SlackError, type Deps } from './ports';
import { rosterChanges, type BudgetChange } from './budget';

export type ImportResult =
  | {
      ok: true; applied: number; created: number;
      /** People whose budget this import changed: each is told (announceBudgetChange). */
      budgetChanges: BudgetChange[];
    }
  | { ok: false; errors: RosterError[] };

export interface ImportOptions {
  /** Called while people are being looked up, for a progress line on large files. */
  progress?: (done: number, total: number) => void;
  /** How often progress is reported, in people looked up. */
  progressEvery?: number;
}

type Resolved = { ok: true; person: Person | SlackProfile; isNew: boolean } | { ok: false; message: string };

async function resolve(deps: Deps, ref: PersonRef): Promise<Resolved> {
  const known = ref.kind === 'id' ? await deps.store.people.get(ref.id) : await deps.store.people.getByEmail(ref.email);
  const usable = (p: { isBot: boolean; deleted: boolean }, what: string): Resolved | null => {
    if (p.isBot) return { ok: false, message: `${what} is a bot, not a person` };
    if (p.deleted) return { ok: false, message: `${what} is a deactivated Slack account` };
    return null;
  };
  if (known && known.active) return usable(known, refText(ref)) ?? { ok: true, person: known, isNew: false };
  try {
    const profile = ref.kind === 'id' ? await deps.slack.userInfo(ref.id) : await deps.slack.lookupByEmail(ref.email);
    return usable(profile, refText(ref)) ?? { ok: true, person: profile, isNew: !known };
  } catch (e) {
    if (e instanceof SlackError && (GONE_CODES.has(e.code) || e.code === 'users_not_found')) {
      return {
        ok: false,
        message: ref.kind === 'email' ? `no Slack user has the email ${ref.email}` : `Slack has no user ${ref.id}`,
      };
    }
    throw e;
  }
}

export async function importRoster(deps: Deps, text: string, opts: ImportOptions = {}): Promise<ImportResult> {
  const csv = parseCsv(text);
  if (!csv.ok) return { ok: false, errors: [{ line: csv.line, message: csv.message }] };
  const { lines, errors } = parseRoster(csv.records);
  if (lines.length === 0 && errors.length === 0) {
    return { ok: false, errors: [{ line: 1, message: `the file has no people; the columns are ${ROSTER_HEADER.join(',')}` }] };
  }

  // Look each distinct person up once, remembering the first line that named them.
  const refs = new Map<string, { ref: PersonRef; line: number }>();
  for (const l of lines) {
    for (const ref of [l.person, l.manager]) if (ref && !refs.has(refText(ref))) refs.set(refText(ref), { ref, line: l.line });
  }
  const resolved = new Map<string, Resolved>();
  const every = opts.progressEvery ?? 100;
  let done = 0;
  for (const [key, { ref }] of refs) {
    resolved.set(key, await resolve(deps, ref));
    done++;
    if (opts.progress && (done % every === 0 || done === refs.size) && refs.size >= every) opts.progress(done, refs.size);
  }

  const writes: (RosterWrite & { line: number })[] = [];
  const now = deps.clock.now();
  for (const l of lines) {
    const person = resolved.get(refText(l.person))!;
    const manager = l.manager ? resolved.get(refText(l.manager))! : null;
    if (!person.ok) errors.push({ line: l.line, message: `person: ${person.message}` });
    if (manager && !manager.ok) errors.push({ line: l.line, message: `manager: ${manager.message}` });
    if (!person.ok || (manager && !manager.ok)) continue;
    writes.push({
      line: l.line,
      personId: person.person.id,
      managerId: manager && manager.ok ? manager.person.id : null,
      weeklyHours: l.weeklyHours,
      budgetMinutes: l.budgetMinutes,
      role: l.role,
      // From the person's current week in their own zone, so the weeks they finished keep their budgets;
      // for someone new to Ballast the roster's values are theirs from the beginning.
      fromWeek: person.isNew ? FROM_THE_START : effectiveWeek(now, person.person.tz),
    });
  }
  // The same person named once by id and once by email is still one person.
  const byId = new Map<string, number>();
  for (const w of writes) {
    const first = byId.get(w.personId);
    if (first !== undefined) errors.push({ line: w.line, message: `${w.personId} already appears on line ${first}; list each person once` });
    else byId.set(w.personId, w.line);
  }
  if (errors.length === 0) {
    const existing = await deps.store.reporting.reportingLines();
    errors.push(...checkReportingLines(existing, writes.map((w) => ({ line: w.line, personId: w.personId, managerId: w.managerId }))));
  }
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };

  const profiles = [...resolved.values()]
    .filter((r): r is Extract<Resolved, { ok: true }> => r.ok && !('createdAt' in r.person))
    .map((r) => r.person as SlackProfile);
  const changed = await deps.store.reporting.applyRoster(profiles, writes, 'roster', now);
  const created = [...resolved.values()].filter((r) => r.ok && r.isNew).length;
  // Told only when the budget they work to now really moved (hours change a default budget too), and
  // only people Ballast knew before: someone new to it never had a budget to change.
  const settings = await deps.store.settings.get();
  const newIds = new Set([...resolved.values()].flatMap((r) => (r.ok && r.isNew ? [r.person.id] : [])));
  const moved: Parameters<typeof rosterChanges>[1][number][] = [];
  for (const c of changed) {
    if (newIds.has(c.personId)) continue;
    const person = (await deps.store.people.get(c.personId))!;
    const budget = effectiveBudget(person, settings);
    const before = effectiveBudget({ ...person, ...c.before }, settings);
    if (budget.minutes !== before.minutes) moved.push({ person, budget });
  }
  deps.log.info({ applied: writes.length, created, budgetChanges: moved.length }, 'roster imported');
  return { ok: true, applied: writes.length, created, budgetChanges: rosterChanges(deps, moved) };
}

/** The roster in the import format: one line per active person, ids rather than emails. */
export async function exportRoster(deps: Deps): Promise<string> {
  const people = (await deps.store.people.listAll()).filter((p) => p.active && !p.deleted && !p.isBot);
  return csvRow([...ROSTER_HEADER]) + people
    .map((p) => csvRow([p.id, p.managerId, p.weeklyHours, p.budgetMinutes, p.role]))
    .join('');
}
