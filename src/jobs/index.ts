// The jobs this build knows, by name: the scheduler runs them all each tick, the CLI runs one.
import type { Job, JobName } from './types';
import { JOB_NAMES } from './types';
import { runCheckins } from './checkins';
import { runPulse } from './pulse';
import { runNudges } from './nudges';
import { reminders } from './reminders';
import { digests } from './digests';

/** Every job in JOB_NAMES is here. */
export const JOBS: Partial<Record<JobName, Job>> = {
  checkins: runCheckins,
  pulse: runPulse,
  nudges: runNudges,
  reminders,
  digests,
};

export type JobLookup = { ok: true; name: JobName; job: Job } | { ok: false; message: string };

export function findJob(name: string | undefined): JobLookup {
  const known = Object.keys(JOBS).join(', ');
  if (!name) return { ok: false, message: `Say which job to run: one of ${known}.` };
  if (!(JOB_NAMES as readonly string[]).includes(name)) {
    return { ok: false, message: `Unknown job "${name}". Jobs: ${known}.` };
  }
  const job = JOBS[name as JobName];
  if (!job) return { ok: false, message: `The "${name}" job is not part of this build yet. Jobs: ${known}.` };
  return { ok: true, name: name as JobName, job };
}
