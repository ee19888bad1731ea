// Plain records the store port takes and gives besides the model's own (core/model.ts): one floor
// below both the port (services/store.ts) and its implementations (store/), so neither imports the other.
import type { Assignment, Entry } from './model';
import type { Role } from './types';

/** A once-only send: (job, subject, period) is claimed before anything goes out. */
export interface ClaimKey {
  job: string;
  subject: string;
  period: string;
}

/** What an edit of an entry may change. */
export type EntryPatch = Pick<Entry, 'minutes' | 'kind' | 'network' | 'link' | 'note' | 'date' | 'weekKey'>;

/** What a lead's offer stores; the rest of an Assignment is set as it moves on. */
export type NewAssignment = Pick<Assignment, 'leadId' | 'assigneeId' | 'link' | 'brief' | 'estimateMinutes' | 'dueAt'>;

/** Who changed a person's terms, when, and the week the change takes effect from. */
export interface TermsChange {
  fromWeek: string;
  by: string | null;
  now: number;
}

/** What digests and cost reports need to know about a person; a slim row, read for everyone at once. */
export interface DigestPerson {
  id: string;
  managerId: string | null;
  name: string;
  tz: string;
  weeklyHours: number;
  budgetMinutes: number | null;
  shareStrain: boolean;
  paused: boolean;
}

export interface RosterWrite {
  personId: string;
  managerId: string | null;
  weeklyHours: number;
  budgetMinutes: number | null;
  role: Role;
  /** The week a change of hours or budget takes effect from: the person's current week. */
  fromWeek: string;
}

/** A person whose hours or explicit budget the roster changed, with their values before. */
export interface RosterTermsChange {
  personId: string;
  before: { weeklyHours: number; budgetMinutes: number | null };
}

/** What `assignments.completeWithEntry` did, in its one transaction. */
export interface CompletedWithEntry {
  /** The assignment's entry: the one just logged, or the one an earlier submission logged; null if none. */
  entry: Entry | null;
  /** True if this call inserted the entry. */
  created: boolean;
  /** True if this call moved the assignment to done. */
  moved: boolean;
  /** The assignment as it stands after the transaction. */
  assignment: Assignment;
}

/** How a storage failure looks to the people using Ballast, whatever the database. */
export type StorageErrorKind = 'busy' | 'full' | 'readonly' | 'corrupt' | 'constraint' | 'unavailable' | 'unknown';

/** A failure of the database, classified by the store that saw it; `code` is the driver's own code. */
export class StorageError extends Error {
  constructor(readonly kind: StorageErrorKind, readonly code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageError';
  }
}

/** The database's schema is newer than this code knows (either kind of database): refuse to run on it. */
export class DatabaseTooNewError extends Error {
  constructor(readonly dbVersion: number, readonly codeVersion: number) {
    super(
      `The database is at schema version ${dbVersion}, but this Ballast only knows up to ${codeVersion}. ` +
        'It was written by a newer Ballast: run that version, or restore a backup made for this one.',
    );
    this.name = 'DatabaseTooNewError';
  }
}
