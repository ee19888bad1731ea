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

/** One tenant a pass covers (many-workspace mode): `run` runs a job as that tenant (src/tenancy.ts). */
export interface TenantRun {
  id: string;
  run<T>(fn: () => Promise<T>): Promise<T>;
}

export interface SchedulerOptions {
  jobs?: Partial<Record<JobName, Job>>;
  expression?: string;
  /**
   * Many-workspace mode: the tenants installed now, asked once per tick; each pass runs every job for
   * each of them in turn, and one tenant's failure (a revoked token, its database away) stops only its own.
   * Without it, one pass over the one workspace.
   */
  tenants?: () => Promise<TenantRun[]>;
  /** After each tick's jobs (many-workspace mode: deleting what outlived its retention). */
  afterPass?: () => Promise<void>;
}

export function createScheduler(deps: Deps, opts: SchedulerOptions = {}): Scheduler {
  const jobs = opts.jobs ?? JOBS;
  const log = deps.log.child({ component: 'scheduler' });
  let running: Promise<void> | null = null;
  let stopped = false;
  let task: ScheduledTask | undefined;

  const runJobs = async (at: number, tenant?: TenantRun): Promise<void> => {
    for (const [name, job] of Object.entries(jobs) as [JobName, Job][]) {
      // On shutdown the job in hand finishes; the ones after it wait for the next start.
      if (stopped) break;
      const where = tenant ? { job: name, tenant: tenant.id } : { job: name };
      try {
        const r = await (tenant ? tenant.run(() => job(deps, at, { dryRun: false })) : job(deps, at, { dryRun: false }));
        if (r.sent || r.failed || r.inactive.length) log.info({ ...where, sent: r.sent, failed: r.failed, skipped: r.skipped, inactive: r.inactive }, 'job pass done');
      } catch (err) {
        log.error({ err, ...where }, 'job pass failed');
      }
    }
  };

  const pass = async (): Promise<void> => {
    const at = deps.clock.now();
    if (!opts.tenants) {
      await runJobs(at);
      return;
    }
    let tenants: TenantRun[] = [];
    try {
      tenants = await opts.tenants();
    } catch (err) {
      log.error({ err }, 'could not list the installed workspaces; this tick is skipped');
    }
    for (const tenant of tenants) {
      if (stopped) break;
      await runJobs(at, tenant);
    }
    if (stopped || !opts.afterPass) return;
    try {
      await opts.afterPass();
    } catch (err) {
      log.error({ err }, 'the end-of-pass work failed');
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
