// The contract every scheduled job follows: one pass as of an instant, reporting one line per person.
import type { Deps } from '../services/ports';

export const JOB_NAMES = ['checkins', 'pulse', 'digests', 'nudges', 'reminders'] as const;
export type JobName = (typeof JOB_NAMES)[number];

export interface JobOptions {
  /** Report what would be sent, send nothing, claim nothing. */
  dryRun: boolean;
}

export interface JobReport {
  job: JobName;
  at: number;
  /** One line per person considered: who, what was (or would be) sent, or why not. */
  lines: string[];
  sent: number;
  skipped: number;
  failed: number;
  /**
   * People Slack reported as gone (deactivated, not found) during the pass and marked inactive: an
   * expected, handled event, so it is reported by name but is not a failure of the pass.
   */
  inactive: string[];
  /** People not reached because the process was asked to stop; the next pass takes them. */
  notReached?: number;
}

export type Job = (deps: Deps, atMs: number, opts: JobOptions) => Promise<JobReport>;

export function emptyReport(job: JobName, at: number): JobReport {
  return { job, at, lines: [], sent: 0, skipped: 0, failed: 0, inactive: [] };
}
