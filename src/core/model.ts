// Records as the store hands them out: plain objects, no behaviour.
import type { HHMM, IsoDate, Kind, Network, Role, Source, Strain, Weekday } from './types';

export interface Person {
  id: string;
  teamId: string;
  name: string;
  realName: string;
  email: string | null;
  tz: string;
  isBot: boolean;
  deleted: boolean;
  /** False once Slack reports the account deactivated or missing. */
  active: boolean;
  statusText: string;
  statusEmoji: string;
  /** Epoch seconds; 0 when the status does not expire. */
  statusExpiration: number;
  weeklyHours: number;
  /** An explicit budget; null means the org default applies. */
  budgetMinutes: number | null;
  budgetSetBy: string | null;
  budgetSetAt: number | null;
  role: Role;
  managerId: string | null;
  checkinTime: HHMM | null;
  checkinDays: Weekday[];
  checkinEnabled: boolean;
  nudgesEnabled: boolean;
  paused: boolean;
  pausedUntil: IsoDate | null;
  shareStrain: boolean;
  refreshedAt: number;
  createdAt: number;
}

/** What Slack's users.info tells us about a person. */
export interface SlackProfile {
  id: string;
  teamId: string;
  name: string;
  realName: string;
  email: string | null;
  tz: string;
  isBot: boolean;
  deleted: boolean;
  statusText: string;
  statusEmoji: string;
  statusExpiration: number;
}

export interface Entry {
  id: number;
  personId: string;
  minutes: number;
  kind: Kind;
  network: Network | null;
  link: string | null;
  note: string | null;
  date: IsoDate;
  weekKey: string;
  source: Source;
  assignmentId: number | null;
  createdAt: number;
}

export type NewEntry = Omit<Entry, 'id' | 'createdAt' | 'network' | 'link' | 'note' | 'assignmentId'> & {
  network?: Network | null;
  link?: string | null;
  note?: string | null;
  assignmentId?: number | null;
  /** When set, a second insert with the same key returns the first entry instead. */
  dedupeKey?: string;
};

export interface StrainAnswer {
  personId: string;
  weekKey: string;
  answer: Strain;
  answeredAt: number;
}

export type AssignmentState = 'offered' | 'accepted' | 'declined' | 'done' | 'expired';

export interface Assignment {
  id: number;
  leadId: string;
  assigneeId: string;
  link: string;
  brief: string | null;
  estimateMinutes: number;
  dueAt: number;
  state: AssignmentState;
  declineReason: string | null;
  doneMinutes: number | null;
  entryId: number | null;
  assigneeChannel: string | null;
  assigneeTs: string | null;
  leadChannel: string | null;
  leadTs: string | null;
  createdAt: number;
  updatedAt: number;
}

export type ClaimStatus = 'claimed' | 'sent' | 'skipped' | 'failed';

export interface Claim {
  job: string;
  subject: string;
  period: string;
  status: ClaimStatus;
  detail: string | null;
  channel: string | null;
  ts: string | null;
  claimedAt: number;
  doneAt: number | null;
  /** Who holds (or held) it: the replica and which of its sends; null for a claim without a lease. */
  holder: string | null;
  /** Epoch ms after which a claim still 'claimed' may be taken over; null: never. */
  leaseUntil: number | null;
  /** 1, plus one per takeover. */
  attempts: number;
}

/**
 * One Slack installation of Ballast (many-workspace mode): a tenant. `installation` is Bolt's
 * Installation as JSON, tokens included; it is null once the tenant uninstalled, when its tokens go.
 */
export interface InstallationRecord {
  /** The enterprise id of an org-wide install, the team id otherwise. */
  tenantId: string;
  teamId: string | null;
  enterpriseId: string | null;
  isEnterpriseInstall: boolean;
  installerUserId: string;
  botUserId: string | null;
  installation: string | null;
  /** Epoch ms of the latest install. */
  installedAt: number;
  /** Epoch ms of the uninstall; null while installed. */
  uninstalledAt: number | null;
}

export type NewInstallation = Omit<InstallationRecord, 'installation' | 'installedAt' | 'uninstalledAt'> & { installation: string };
