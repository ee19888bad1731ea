// What services depend on. The composition root binds these to SQLite, Slack's Web API and the real clock.
import type { Log } from '../logger';
import type { Store } from './store';
import type { Person, SlackProfile } from '../core/model';
import type { Entry } from '../core/model';
import type { WeekModel } from '../core/week';
import type { Level } from '../core/types';
import type { KnownBlock, View } from '@slack/types';

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

export interface MessageRef {
  channel: string;
  ts: string;
}

export interface OutgoingMessage {
  text: string;
  blocks?: KnownBlock[];
}

/** The Slack Web API calls Ballast makes, with Slack's error codes surfaced as SlackError. */
export interface SlackPort {
  userInfo(userId: string): Promise<SlackProfile>;
  lookupByEmail(email: string): Promise<SlackProfile>;
  /** Opens (or finds) the DM channel with a person. */
  openDm(userId: string): Promise<string>;
  postMessage(channel: string, message: OutgoingMessage & { threadTs?: string }): Promise<MessageRef>;
  updateMessage(ref: MessageRef, message: OutgoingMessage): Promise<void>;
  postEphemeral(channel: string, userId: string, message: OutgoingMessage): Promise<void>;
  publishHome(userId: string, view: View): Promise<void>;
  openView(triggerId: string, view: View): Promise<string>;
  updateView(viewId: string, view: View): Promise<void>;
  /** Opens a modal on top of the one a click came from (views.push). */
  pushView(triggerId: string, view: View): Promise<void>;
  permalink(channel: string, ts: string): Promise<string>;
  uploadFile(channel: string, file: { filename: string; title: string; content: string; comment?: string }): Promise<void>;
  /** An image uploaded to no channel, for an image block's `slack_file`; returns the file id. */
  uploadImage(file: { filename: string; title: string; bytes: Buffer }): Promise<string>;
  /** Whether Slack has processed an uploaded image: an image block may name it only then. */
  fileProcessed(fileId: string): Promise<boolean>;
}

/** Slack answered ok:false (or the call failed for good); `code` is Slack's error string. */
export class SlackError extends Error {
  constructor(readonly code: string, readonly method: string) {
    super(`Slack ${method} failed: ${code}`);
    this.name = 'SlackError';
  }
}

/** Slack's answers that mean the person is gone for good. */
export const GONE_CODES = new Set(['account_inactive', 'user_not_found', 'user_disabled', 'users_not_found']);

export interface AppConfig {
  admins: readonly string[];
}

export interface Deps {
  store: Store;
  slack: SlackPort;
  clock: Clock;
  log: Log;
  config: AppConfig;
  /** True once the process has been asked to stop (SIGTERM): passes take no new person after it. */
  stopping?: () => boolean;
  /** Follow-ups after a new entry changes someone's week (warnings); bound by the composition root. */
  afterLog?: AfterLog[];
}

/**
 * Work a use case leaves for after the request is acknowledged (a DM, a message redrawn, a warning):
 * the listener acks first, then runs these in order; each one logs its own failure or throws, and a
 * throw is logged by the runner without stopping the others.
 */
export type FollowUp = () => Promise<void>;

/** What logEngagement stored and the week it landed in (services/entries.ts). */
export interface Logged {
  entry: Entry;
  created: boolean;
  week: WeekModel;
  levelBefore: Level;
  /** The after-log hooks (warnings) still to run, when logEngagement was asked to defer them; else empty. */
  followUps: FollowUp[];
}

/** Called with the person and what logEngagement stored; see services/entries.ts. */
export type AfterLog = (deps: Deps, person: Person, logged: Logged) => Promise<void>;
