// node-cron's one-minute tick: each tick runs every registered job as of the clock's now, one tick at a time.
import cron, { type ScheduledTask } from 'node-cron';
import type { Deps } from '../services/ports';
import type { Job, JobName } from './types';
import { JOBS } from './index';

export interface Scheduler {
  /** Start ticking every minute. */
  start(): void;
  /** One pass now; 'skipped' when the previous pass is still running (ticks never overlap). */
  tick(): Promise<'ran' | 'skipped' | 'stopped'>;
  /** Stop ticking and wait for a pass in progress to finish. */
  stop(): Promise<void>;
}

export interface SchedulerOptions {
  jobs?: Partial<Record<JobName, Job>>;
  expression?: string;
}

export function createScheduler(deps: Deps, opts: SchedulerOptions = {}): Scheduler {
  const jobs = opts.jobs ?? JOBS;
  const log = deps.log.child({ component: 'scheduler' });
  let running: Promise<void> | null = null;
  let stopped = false;
  let task: ScheduledTask | undefined;

  const pass = async (): Promise<void> => {
    const at = deps.clock.now();
    for (const [name, job] of Object.entries(jobs) as [JobName, Job][]) {
      // On shutdown the job in hand finishes; the ones after it wait for the next start.
      if (stopped) break;
      try {
        const r = await job(deps, at, { dryRun: false });
        if (r.sent || r.failed || r.inactive.length) log.info({ job: name, sent: r.sent, failed: r.failed, skipped: r.skipped, inactive: r.inactive }, 'job pass done');
      } catch (err) {
        log.error({ err, job: name }, 'job pass failed');
      }
    }
  };

  const tick = async (): Promise<'ran' | 'skipped' | 'stopped'> => {
    if (stopped) return 'stopped';
    if (running) {
      log.warn('previous pass still running; this tick is skipped');
      return 'skipped';
    }
    running = pass().finally(() => {
      running = null;
    });
    await running;
    return 'ran';
  };

  return {
    start() {
      if (task) return;
      task = cron.createTask(opts.expression ?? '* * * * *', () => tick(), { name: 'ballast-jobs' });
      void task.start();
      log.info('scheduler started');
    },
    tick,
    async stop() {
      stopped = true;
      if (task) await task.stop();
      if (running) await running;
    },
  };
}
