// The store port: what the services need from a database, in plain types. The SQLite store
// (store/index.ts) implements it, the PostgreSQL store another; nothing above the store sees a driver.
// Every method returns a promise; a transaction is one method. Failures of the database itself are
// thrown as StorageError (core/records.ts), classified by the implementation.
import type {
  Assignment, AssignmentState, Claim, ClaimStatus, Entry, InstallationRecord, NewEntry, NewInstallation, Person, SlackProfile, StrainAnswer,
} from '../core/model';
import type { HHMM, IsoDate, Kind, Role, Strain, Weekday } from '../core/types';
import type { OrgSettings } from '../core/settings';
import type { BudgetTerms, PercentChange } from '../core/budgetHistory';
import type {
  ClaimKey, CompletedWithEntry, DigestPerson, EntryPatch, NewAssignment, RosterTermsChange, RosterWrite, TermsChange,
} from '../core/records';

export type {
  ClaimKey, CompletedWithEntry, DigestPerson, EntryPatch, NewAssignment, RosterTermsChange, RosterWrite, TermsChange,
} from '../core/records';
export { DatabaseTooNewError, StorageError, type StorageErrorKind } from '../core/records';

export interface PeopleStore {
  get(id: string): Promise<Person | undefined>;
  getByEmail(email: string): Promise<Person | undefined>;
  /** Record or refresh what Slack says about a person; their Ballast settings are kept. */
  upsertProfile(p: SlackProfile, now: number): Promise<Person>;
  markInactive(id: string): Promise<void>;
  /** Contracted hours from `change.fromWeek` on; earlier weeks keep theirs. */
  setHours(id: string, hours: number, change: TermsChange): Promise<void>;
  /** An explicit budget (null: back to the default) from `change.fromWeek` on; earlier weeks keep theirs. */
  setBudget(id: string, minutes: number | null, change: TermsChange): Promise<void>;
  setRole(id: string, role: Role): Promise<void>;
  setManager(id: string, managerId: string | null): Promise<void>;
  setCheckin(id: string, time: HHMM | null, days: Weekday[], enabled: boolean): Promise<void>;
  setNudges(id: string, on: boolean): Promise<void>;
  setPause(id: string, paused: boolean, until: IsoDate | null): Promise<void>;
  setShareStrain(id: string, on: boolean): Promise<void>;
  /** Direct reports, by real name, name, id. */
  reportsOf(managerId: string): Promise<Person[]>;
  managers(): Promise<Person[]>;
  withRole(role: Role): Promise<Person[]>;
  /** Active, not deleted, not bots; by id. */
  listActive(): Promise<Person[]>;
  listAll(): Promise<Person[]>;
}

export interface EntriesStore {
  /** Insert; with a dedupe key already used, returns the earlier entry and created = false. */
  add(e: NewEntry, now: number): Promise<{ entry: Entry; created: boolean }>;
  get(id: number): Promise<Entry | undefined>;
  latestOf(personId: string): Promise<Entry | undefined>;
  /** Remove one of the person's own entries; false if it was not theirs or already gone. */
  remove(id: number, personId: string): Promise<boolean>;
  /** Change one of the person's own entries; undefined if it was not theirs or is gone. */
  updateOwned(id: number, personId: string, patch: EntryPatch): Promise<Entry | undefined>;
  /** The person's entries dated between `from` and `to`, newest first. */
  recentOf(personId: string, from: IsoDate, to: IsoDate): Promise<Entry[]>;
  /** Oldest first. */
  between(personId: string, from: IsoDate, to: IsoDate): Promise<Entry[]>;
  /** Minutes per date and kind. */
  totalsBetween(personId: string, from: IsoDate, to: IsoDate): Promise<{ date: IsoDate; kind: Kind; minutes: number }[]>;
  minutesBetween(personId: string, from: IsoDate, to: IsoDate): Promise<number>;
  hasEntryOn(personId: string, date: IsoDate): Promise<boolean>;
  lastDateOf(personId: string): Promise<IsoDate | null>;
  allBetween(from: IsoDate, to: IsoDate): Promise<Entry[]>;
  allOf(personId: string): Promise<Entry[]>;
}

export interface ClaimsStore {
  /**
   * True if this call won the claim: the key was free, or its row is still 'claimed' under a lease that
   * ran out by `now` (a takeover: of several takers at once exactly one wins); false if someone (any
   * process) has it. Without a lease the claim is never taken over.
   */
  claim(k: ClaimKey, now: number, lease?: ClaimLease): Promise<boolean>;
  /**
   * Record the outcome of a claim still 'claimed' and held by `holder` (null: one claimed without a
   * lease); false, and nothing written, when it was taken over or is finished already.
   */
  finish(
    k: ClaimKey, status: Exclude<ClaimStatus, 'claimed'>, now: number,
    extra?: { detail?: string; channel?: string; ts?: string }, holder?: string | null,
  ): Promise<boolean>;
  /** Give back a claim that never sent anything, so a later pass may try again. */
  release(k: ClaimKey): Promise<void>;
  get(k: ClaimKey): Promise<Claim | undefined>;
  ofJob(job: string): Promise<Claim[]>;
  /** Claims of a job made at or after `since` (epoch ms). */
  ofJobSince(job: string, since: number): Promise<Claim[]>;
  latest(job: string, subject: string): Promise<Claim | undefined>;
}

/** Who holds a claim, and until when (epoch ms) nobody else may take it over. */
export interface ClaimLease {
  holder: string;
  until: number;
}

export interface SettingsStore {
  get(): Promise<OrgSettings>;
  /** Any setting but the budget percent, which has a history: setBudgetPercent. */
  set<K extends Exclude<keyof OrgSettings, 'budgetPercent'>>(key: K, value: OrgSettings[K]): Promise<void>;
  /** The org's budget percent from the week holding `now` in each person's zone; earlier weeks keep theirs. */
  setBudgetPercent(percent: number, by: string | null, now: number): Promise<void>;
  holidays(): Promise<IsoDate[]>;
  addHoliday(date: IsoDate, by: string | null): Promise<boolean>;
  removeHoliday(date: IsoDate): Promise<boolean>;
  isHoliday(date: IsoDate): Promise<boolean>;
}

export interface StrainStore {
  record(personId: string, weekKey: string, answer: Strain, now: number): Promise<void>;
  get(personId: string, weekKey: string): Promise<StrainAnswer | undefined>;
  /** Newest first. */
  ofPerson(personId: string): Promise<StrainAnswer[]>;
}

export interface EventsStore {
  /** True the first time an event id is seen (by any process on this database). */
  firstSighting(eventId: string, now: number): Promise<boolean>;
  prune(before: number): Promise<void>;
}

export interface AssignmentsStore {
  /** Offer; if this person already has this link open, nothing is inserted and created is false. */
  create(a: NewAssignment, now: number): Promise<{ assignment: Assignment; created: boolean }>;
  get(id: number): Promise<Assignment | undefined>;
  /** Compare-and-set from `from` to `to`; false means someone got there first. */
  transition(
    id: number, from: AssignmentState, to: AssignmentState, now: number,
    extra?: { declineReason?: string; doneMinutes?: number; entryId?: number },
  ): Promise<boolean>;
  /**
   * One transaction: if the assignment is still in one of `from`, log `entry` (its dedupe key finds an
   * earlier submission's entry instead) and move it to done with that entry's minutes; if it is not,
   * nothing is written and the entry an earlier submission logged (by the dedupe key), if any, is returned.
   */
  completeWithEntry(id: number, from: readonly AssignmentState[], entry: NewEntry, now: number): Promise<CompletedWithEntry>;
  setAssigneeMessage(id: number, channel: string, ts: string): Promise<boolean>;
  setLeadThread(id: number, channel: string, ts: string): Promise<boolean>;
  ofAssignee(personId: string): Promise<Assignment[]>;
  ofLead(leadId: string): Promise<Assignment[]>;
  openEstimateMinutes(personId: string): Promise<number>;
  openEstimatesByPerson(): Promise<Map<string, number>>;
  loggedByPersonBetween(from: string, to: string): Promise<Map<string, number>>;
  countsSince(sinceMs: number): Promise<Map<string, number>>;
  openDueBy(ms: number): Promise<Assignment[]>;
  expiredDueSince(ms: number): Promise<Assignment[]>;
  assigneesOfLink(leadId: string, link: string): Promise<string[]>;
}

export interface ReportingStore {
  /** Minutes per person per week, row by row in week order; `onlyFor` narrows, but `visit` may see others. */
  eachWeekSum(
    weekKeys: readonly string[], onlyFor: readonly string[] | undefined,
    visit: (personId: string, weekKey: string, minutes: number) => void,
  ): Promise<void>;
  eachRelationshipSum(
    weekKey: string, onlyFor: readonly string[] | undefined, visit: (personId: string, minutes: number) => void,
  ): Promise<void>;
  eachStrain(weekKeys: readonly string[], visit: (personId: string, weekKey: string, answer: Strain) => void): Promise<void>;
  digestPeople(): Promise<DigestPerson[]>;
  digestReportsOf(managerId: string): Promise<DigestPerson[]>;
  assignmentCounts(weekKey: string): Promise<Map<string, { done: number; open: number }>>;
  reportingLines(): Promise<Map<string, string | null>>;
  /** Entries between two dates inclusive, by date, person, id; read lazily so an export of years does not fill memory. */
  iterateEntries(from: IsoDate, to: IsoDate): AsyncIterable<Entry>;
  /** The roster in one transaction; returns the people whose hours or budget it changed. */
  applyRoster(profiles: SlackProfile[], writes: RosterWrite[], by: string, now: number): Promise<RosterTermsChange[]>;
}

export interface BudgetHistoryStore {
  ofPerson(personId: string): Promise<BudgetTerms[]>;
  eachUpTo(
    week: string, onlyFor: readonly string[] | undefined,
    visit: (personId: string, weekKey: string, budgetMinutes: number | null, weeklyHours: number) => void,
  ): Promise<void>;
  percentChanges(): Promise<PercentChange[]>;
}

/**
 * Slack rate-limit holds shared by every process on the database: a 429 with Retry-After that one saw,
 * which the others wait out before calling the same method (on the same channel).
 */
export interface SlackHoldsStore {
  /** Hold `method` on `channel` ('' = every channel) until `until` (epoch ms); a longer hold standing is kept. */
  hold(method: string, channel: string, until: number, now: number): Promise<void>;
  /** When the latest hold on `method` for `channel` (its own or the method-wide one) ends; null if none stands at `now`. */
  heldUntil(method: string, channel: string, now: number): Promise<number | null>;
  /** How many channels of `method` are held at `now` (method-wide holds not counted). */
  channelsHeld(method: string, now: number): Promise<number>;
}

/** Slack installations (many-workspace mode), one per tenant. */
export interface InstallationsStore {
  /** Record an install; a reinstall replaces the tokens, keeps the tenant's data and clears the uninstall. */
  save(i: NewInstallation, now: number): Promise<InstallationRecord>;
  /**
   * New tokens for the install made at `installedAt` (a token rotation); false, and nothing written,
   * when the tenant uninstalled or installed again since, so a late refresh never brings it back.
   */
  refresh(tenantId: string, installation: string, installedAt: number): Promise<boolean>;
  /** The tenant's installation, installed or not; undefined if it never installed. */
  get(tenantId: string): Promise<InstallationRecord | undefined>;
  /**
   * Drop the tenant's tokens and mark it uninstalled; true only the first time (later calls change
   * nothing). With `madeBefore`, only an install made before it: an uninstall Slack sent before a
   * reinstall, delivered after it, leaves the new install standing.
   */
  uninstall(tenantId: string, now: number, madeBefore?: number): Promise<boolean>;
  /** Every tenant uninstalled and not yet forgotten, by tenant id. */
  uninstalled(): Promise<InstallationRecord[]>;
  /** Delete the row of a tenant uninstalled at `uninstalledAt` (its data gone); false if it installed again since. */
  forget(tenantId: string, uninstalledAt: number): Promise<boolean>;
  /** Every tenant installed now, by tenant id. */
  installed(): Promise<InstallationRecord[]>;
  /**
   * Run `fn` holding the tenant's token-refresh lock: across every replica on PostgreSQL (an advisory
   * lock), in this process on SQLite (one process serves a SQLite file). One refresh at a time per tenant.
   */
  whileRefreshing<T>(tenantId: string, fn: () => Promise<T>): Promise<T>;
}

export interface Store {
  people: PeopleStore;
  entries: EntriesStore;
  claims: ClaimsStore;
  settings: SettingsStore;
  strain: StrainStore;
  events: EventsStore;
  assignments: AssignmentsStore;
  reporting: ReportingStore;
  budgetHistory: BudgetHistoryStore;
  slackHolds: SlackHoldsStore;
  installations: InstallationsStore;
  /** A cheap query for /healthz. */
  ping(): Promise<boolean>;
  /** A copy of the whole database to a file (SQLite); an implementation that cannot says what to use instead. */
  backup(file: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * One store per tenant (many-workspace mode, docs/TENANCY.md): each tenant's tables are its own (a
 * schema on PostgreSQL, a file on SQLite), so no statement of one tenant can reach another's rows,
 * whatever their ids. A tenant is a Slack team or enterprise id; anything else is refused.
 */
export interface TenantStores {
  /**
   * The tenant's store, its tables made and migrated on first use. With `recheck`, a store this process
   * holds is first checked against the database: tables another replica deleted are made afresh.
   */
  forTenant(tenantId: string, opts?: { recheck?: boolean }): Promise<Store>;
  /**
   * Upgrading from one workspace: the main database's own data (people, entries, settings…) moved into
   * the tables of `tenantId`, which must not have any yet; the rows moved per table, or null when there
   * was nothing to move (or the tenant has tables already). The counts are compared before the main
   * database lets go of them.
   */
  adoptMain(tenantId: string): Promise<{ table: string; rows: number }[] | null>;
  /** Delete every table and row of the tenant (its retention period over); a later forTenant starts it empty. */
  drop(tenantId: string): Promise<void>;
  /** Close every tenant store opened so far. */
  close(): Promise<void>;
}

/** A Slack team (T…) or enterprise (E…) id: the only names a tenant's tables are given. */
export const TENANT_ID = /^[TE][A-Z0-9]{1,63}$/;

export class NotATenantError extends Error {
  constructor(tenantId: string) {
    super(`not a Slack team or enterprise id: ${JSON.stringify(tenantId.slice(0, 80))}`);
    this.name = 'NotATenantError';
  }
}
