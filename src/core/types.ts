// Domain vocabulary shared by the core, the store and the services.

export const KINDS = ['respond', 'comment', 'share', 'post', 'monitor', 'other'] as const;
export type Kind = (typeof KINDS)[number];
/** Relationship work: the kinds Ballast nudges people towards. */
export const RELATIONSHIP_KINDS: readonly Kind[] = ['respond', 'comment', 'share'];

export const NETWORKS = [
  'linkedin', 'x', 'facebook', 'instagram', 'youtube', 'tiktok', 'reddit',
  'mastodon', 'bluesky', 'threads', 'blog', 'forum', 'other',
] as const;
export type Network = (typeof NETWORKS)[number];

export const SOURCES = ['command', 'checkin', 'modal', 'assignment'] as const;
export type Source = (typeof SOURCES)[number];

export type Level = 'ok' | 'near' | 'over' | 'crowding';
export type Role = 'lead' | 'admin' | 'none';
export type Strain = 'none' | 'bit' | 'back';

/** A local calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;
/** A local wall-clock time, `HH:MM`. */
export type HHMM = string;

/** Weekday numbers as ISO: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** What every parser needs to resolve relative dates: the person's "now" in their own zone. */
export interface ParseContext {
  /** Epoch milliseconds of the moment the command arrived. */
  nowMs: number;
  /** IANA zone of the person typing, e.g. `Europe/Berlin`. */
  zone: string;
}

/** A parsed `/ballast …` command. Mentions are Slack user ids (`U123`); links are plain URLs. */
export type Command =
  /** A week: the current one, or (with `date`, any day inside it) an earlier one as it stood when it ended. */
  | { type: 'week'; date?: IsoDate }
  /** Your entries of the last 14 days, each with Edit and Delete. */
  | { type: 'entries' }
  | {
      type: 'log';
      minutes: number;
      kind: Kind;
      network?: Network;
      date: IsoDate;
      link?: string;
      note?: string;
    }
  | { type: 'undo' }
  | { type: 'budget' }
  | { type: 'budget-set'; userId: string; minutes: number }
  | { type: 'hours'; hours: number }
  | { type: 'pause'; until?: IsoDate }
  | { type: 'resume' }
  | { type: 'checkin'; time: HHMM; days?: Weekday[] }
  | { type: 'checkin-off' }
  | { type: 'nudges'; on: boolean }
  | { type: 'team' }
  | {
      type: 'assign';
      userId?: string;
      link: string;
      estimate?: number;
      /** Epoch ms of the due time, resolved in the lead's zone. */
      dueMs?: number;
      brief?: string;
    }
  | { type: 'assignments' }
  | { type: 'privacy' }
  | { type: 'privacy-share-strain'; on: boolean }
  | { type: 'admin-manager'; employeeId: string; managerId: string }
  | { type: 'admin-role'; userId: string; role: Role }
  | { type: 'admin-settings' }
  | { type: 'admin-settings-set'; key: string; value: string }
  | { type: 'admin-report' }
  | { type: 'export' }
  | { type: 'help'; topic?: string };

/** A rejected command: what was wrong, and an example that would work. */
export interface ParseError {
  message: string;
  example: string;
  /** For an unknown subcommand: the nearest known one, if any is close. */
  suggestion?: string;
}

export type ParseResult = { ok: true; command: Command } | { ok: false; error: ParseError };
