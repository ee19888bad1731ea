// The roster file (person, manager, weekly hours, budget, role) and the rules for reporting lines.
import type { Role } from './types';
import { parseDuration } from './duration';
import type { CsvRecord } from './csv';
import { MAX_BUDGET_MINUTES, MIN_BUDGET_MINUTES, SLACK_USER_ID, SLACK_USER_ID_SOURCE } from './limits';

export const ROSTER_HEADER = ['person', 'manager', 'weekly_hours', 'budget', 'role'] as const;
export const ROSTER_EXAMPLE = 'U012ADA,sam@example.com,32,3h,lead';
/** Same range as `/ballast budget`: a quarter hour to a full working week. */
export const BUDGET_MIN = MIN_BUDGET_MINUTES;
export const BUDGET_MAX = MAX_BUDGET_MINUTES;

const MENTION = new RegExp(`^<@(${SLACK_USER_ID_SOURCE})(?:\\|[^>]*)?>$`);
const EMAIL = /^[^@\s,]+@[^@\s,]+\.[^@\s,]+$/;

/** A Slack user id or an email address, as written in the file. */
export type PersonRef = { kind: 'id'; id: string } | { kind: 'email'; email: string };

export interface RosterLine {
  line: number;
  person: PersonRef;
  manager: PersonRef | null;
  weeklyHours: number;
  /** null: the org default applies. */
  budgetMinutes: number | null;
  role: Role;
}

export interface RosterError {
  line: number;
  message: string;
}

export function parseRef(raw: string): PersonRef | null {
  const s = raw.trim();
  const mention = MENTION.exec(s);
  if (mention) return { kind: 'id', id: mention[1] };
  if (SLACK_USER_ID.test(s)) return { kind: 'id', id: s };
  if (EMAIL.test(s)) return { kind: 'email', email: s.toLowerCase() };
  return null;
}

export function refText(r: PersonRef): string {
  return r.kind === 'id' ? r.id : r.email;
}

function isHeader(r: CsvRecord): boolean {
  return r.fields[0]?.trim().toLowerCase() === 'person';
}

/** Each record checked on its own: shape, identifiers, ranges. Every problem is reported, not just the first. */
export function parseRoster(records: CsvRecord[]): { lines: RosterLine[]; errors: RosterError[] } {
  const lines: RosterLine[] = [];
  const errors: RosterError[] = [];
  const body = records.length > 0 && isHeader(records[0]) ? records.slice(1) : records;
  const seen = new Map<string, number>();
  for (const r of body) {
    const bad = (message: string) => errors.push({ line: r.line, message });
    if (r.fields.length !== ROSTER_HEADER.length) {
      bad(`expected ${ROSTER_HEADER.length} columns (${ROSTER_HEADER.join(', ')}), found ${r.fields.length}; for example ${ROSTER_EXAMPLE}`);
      continue;
    }
    const [personRaw, managerRaw, hoursRaw, budgetRaw, roleRaw] = r.fields.map((f) => f.trim());
    const before = errors.length;
    const person = parseRef(personRaw);
    if (!person) bad(`person "${personRaw}" is neither a Slack user id (U012ADA) nor an email address`);
    let manager: PersonRef | null = null;
    if (managerRaw !== '') {
      manager = parseRef(managerRaw);
      if (!manager) bad(`manager "${managerRaw}" is neither a Slack user id (U012ADA) nor an email address`);
    }
    let weeklyHours = 40;
    if (hoursRaw !== '') {
      weeklyHours = Number(hoursRaw);
      if (!/^\d+(\.\d+)?$/.test(hoursRaw) || weeklyHours < 1 || weeklyHours > 80) {
        bad(`weekly hours "${hoursRaw}" must be a number from 1 to 80`);
      }
    }
    let budgetMinutes: number | null = null;
    if (budgetRaw !== '') {
      const m = parseDuration(budgetRaw);
      if (m === null || m < BUDGET_MIN || m > BUDGET_MAX) {
        bad(`budget "${budgetRaw}" must be a duration from 15m to 40h (minutes, or like 3h or 1h30m)`);
      } else budgetMinutes = m;
    }
    const role = (roleRaw === '' ? 'none' : roleRaw.toLowerCase()) as Role;
    if (!['none', 'lead', 'admin'].includes(role)) bad(`role "${roleRaw}" must be lead, admin, none or empty`);
    if (errors.length > before || !person) continue;
    const key = refText(person);
    const first = seen.get(key);
    if (first !== undefined) {
      bad(`${key} already appears on line ${first}; list each person once`);
      continue;
    }
    seen.set(key, r.line);
    lines.push({ line: r.line, person, manager, weeklyHours, budgetMinutes, role });
  }
  return { lines, errors };
}

/**
 * The manager chain above `start` in `lines` (person → manager), stopping at the top. Returns the chain
 * if it comes back to `start` (a cycle), otherwise null.
 */
export function cycleThrough(start: string, lines: ReadonlyMap<string, string | null>): string[] | null {
  const chain = [start];
  const visited = new Set<string>([start]);
  let at = lines.get(start) ?? null;
  while (at !== null) {
    chain.push(at);
    if (at === start) return chain;
    if (visited.has(at)) return null; // a cycle above, not through start: reported at its own members
    visited.add(at);
    at = lines.get(at) ?? null;
  }
  return null;
}

/** Would making `managerId` the manager of `employeeId` close a loop? The loop if so. */
export function reportingLineProblem(
  employeeId: string, managerId: string, existing: ReadonlyMap<string, string | null>,
): string | null {
  if (employeeId === managerId) return 'someone cannot be their own manager';
  const next = new Map(existing);
  next.set(employeeId, managerId);
  const loop = cycleThrough(employeeId, next);
  return loop ? `that would make a loop of managers: ${loop.join(' → ')}` : null;
}

/**
 * Every changed line checked against the whole resulting org (existing lines overlaid with the
 * changes): no self-managers and no loops, however long.
 */
export function checkReportingLines(
  existing: ReadonlyMap<string, string | null>,
  changes: readonly { line: number; personId: string; managerId: string | null }[],
): RosterError[] {
  const next = new Map(existing);
  for (const c of changes) next.set(c.personId, c.managerId);
  const errors: RosterError[] = [];
  for (const c of changes) {
    if (c.managerId === c.personId) {
      errors.push({ line: c.line, message: `${c.personId} cannot be their own manager` });
      continue;
    }
    const loop = cycleThrough(c.personId, next);
    if (loop) errors.push({ line: c.line, message: `a loop of managers: ${loop.join(' → ')}` });
  }
  return errors;
}
