// What every per-person pass shares: bounded concurrency, one report line per person, and no person's
// failure stopping the others.
import type { Person } from '../core/model';
import type { OrgSettings } from '../core/settings';
import type { IsoDate } from '../core/types';
import type { Deps } from '../services/ports';
import type { SendOutcome } from '../services/sendOnce';
import { ensurePerson } from '../services/people';
import { emptyReport, type JobName, type JobReport } from './types';

/** Sends in flight at once: enough to keep a workspace-wide rate limit busy, few enough to stay polite. */
export const PASS_CONCURRENCY = 32;

export type Verdict =
  | { kind: 'sent' | 'dry-run' | 'skipped' | 'failed' | 'idle' | 'inactive'; what: string };

export interface PassContext {
  deps: Deps;
  atMs: number;
  dryRun: boolean;
  settings: OrgSettings;
  holidays: ReadonlySet<IsoDate>;
}

export const idle = (what: string): Verdict => ({ kind: 'idle', what });
export const skipped = (what: string): Verdict => ({ kind: 'skipped', what });
/** Slack says the person is gone: they are marked inactive and skipped from then on; not a failure. */
export const inactive = (what: string): Verdict => ({ kind: 'inactive', what });

/** A send's outcome as a report verdict. */
export function verdictOf(out: SendOutcome, what: string): Verdict {
  switch (out.status) {
    case 'sent':
      return { kind: 'sent', what: `sent ${what}` };
    case 'dry-run':
      return { kind: 'dry-run', what: `would send ${what}` };
    case 'duplicate':
      return skipped(`${what} already sent`);
    case 'gone':
      return inactive(`${what} not sent: Slack says the account is gone (${out.error}); marked inactive`);
    default:
      return { kind: 'failed', what: `${what} not sent: ${out.error}` };
  }
}

/**
 * Refresh what Slack says about the person (status, zone) at most daily, as ensurePerson does. A dry
 * run calls nothing. Null when Slack says the account is gone.
 */
export async function freshPerson(ctx: PassContext, p: Person): Promise<Person | null> {
  if (ctx.dryRun) return p;
  const r = await ensurePerson(ctx.deps, p.id);
  return r.ok ? r.value : null;
}

export async function runPass(
  job: JobName, deps: Deps, atMs: number, dryRun: boolean,
  people: Person[], perPerson: (ctx: PassContext, p: Person) => Promise<Verdict>,
): Promise<JobReport> {
  const report = emptyReport(job, atMs);
  const ctx: PassContext = {
    deps, atMs, dryRun, settings: await deps.store.settings.get(), holidays: new Set(await deps.store.settings.holidays()),
  };
  const lines: string[] = new Array(people.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < people.length) {
      // A stop request (SIGTERM) ends the pass at a person boundary: a person whose claim is taken is
      // always sent to (or reported failed), and nobody after is claimed.
      if (deps.stopping?.()) return;
      const i = next++;
      const p = people[i];
      let v: Verdict;
      try {
        v = await perPerson(ctx, p);
      } catch (err) {
        deps.log.error({ err, job, userId: p.id }, 'scheduled job failed for one person');
        v = { kind: 'failed', what: `error: ${(err as Error).message}` };
      }
      if (v.kind === 'sent' || v.kind === 'dry-run') report.sent += 1;
      else if (v.kind === 'failed') report.failed += 1;
      else if (v.kind === 'inactive') report.inactive.push(p.id);
      else report.skipped += 1;
      lines[i] = `${p.id}  ${v.what}`;
    }
  };
  await Promise.all(Array.from({ length: Math.min(PASS_CONCURRENCY, people.length) }, worker));
  if (next < people.length) {
    report.notReached = people.length - next;
    for (let i = next; i < people.length; i++) lines[i] = `${people[i].id}  not reached: the pass was stopped; the next pass takes it`;
    deps.log.info({ job, done: next, notReached: report.notReached }, 'pass stopped at a person boundary');
  }
  report.lines = lines;
  return report;
}
