// The job registry: every scheduled job by name (the scheduler, `jobs run` and the sandbox read it).
import type { Job, JobName } from './types';

export const JOBS: Partial<Record<JobName, Job>> = {};
