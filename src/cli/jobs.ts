// `npm run ballast -- jobs run <job> [--at <ISO instant>] [--dry-run]`: one pass, one line per person.
import { Writable } from 'node:stream';
import type { CliCommand } from './types';
import { composeDeps, composeLogger } from '../composition';
import { findJob, JOBS } from '../jobs/index';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

export const JOBS_USAGE = `jobs run <${Object.keys(JOBS).join('|')}> [--at <ISO instant>] [--dry-run]`;

export interface JobsArgs {
  name?: string;
  atMs?: number;
  dryRun: boolean;
}

export function parseJobsArgs(args: string[]): { ok: true; value: JobsArgs } | { ok: false; message: string } {
  if (args[0] !== 'run') return { ok: false, message: `usage: npm run ballast -- ${JOBS_USAGE}` };
  const out: JobsArgs = { dryRun: false };
  for (let i = 1; i < args.length; i++) {
    const a = args[i];
    if (a === '--dry-run') out.dryRun = true;
    else if (a === '--at' || a.startsWith('--at=')) {
      const v = a === '--at' ? args[++i] : a.slice(5);
      if (!v || !ISO_INSTANT.test(v) || Number.isNaN(Date.parse(v))) {
        return { ok: false, message: `--at needs an ISO instant with its zone, e.g. --at 2026-11-26T16:30:00Z (got ${v ?? 'nothing'})` };
      }
      out.atMs = Date.parse(v);
    } else if (a.startsWith('--')) return { ok: false, message: `unknown option ${a}; usage: npm run ballast -- ${JOBS_USAGE}` };
    else if (out.name === undefined) out.name = a;
    else return { ok: false, message: `unexpected "${a}"; usage: npm run ballast -- ${JOBS_USAGE}` };
  }
  return { ok: true, value: out };
}

export const jobsCommand: CliCommand = async (args, { io, store, config }) => {
  const parsed = parseJobsArgs(args);
  if (!parsed.ok) {
    io.err(parsed.message);
    return 2;
  }
  const found = findJob(parsed.value.name);
  if (!found.ok) {
    io.err(found.message);
    return 2;
  }
  const { dryRun } = parsed.value;
  if (!dryRun && !io.env.SLACK_BOT_TOKEN) {
    io.err('jobs run sends through Slack: set SLACK_BOT_TOKEN (and SLACK_API_URL for a non-default Slack), or add --dry-run');
    return 1;
  }
  const log = composeLogger(config, {
    destination: new Writable({
      write(chunk, _enc, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) io.err(line);
        done();
      },
    }),
  });
  const deps = composeDeps({ config, store, clock: io.clock, log, stopping: io.stopping });
  const at = parsed.value.atMs ?? io.clock.now();
  const report = await found.job(deps, at, { dryRun });
  for (const line of report.lines) io.out(line);
  io.err(
    `${found.name} as of ${new Date(at).toISOString()}${dryRun ? ' (dry run: nothing sent, nothing claimed)' : ''}: ` +
      `${report.sent} ${dryRun ? 'would send' : 'sent'}, ${report.skipped} skipped, ${report.failed} failed` +
      (report.inactive.length ? `; ${report.inactive.length} marked inactive (Slack says they are gone): ${report.inactive.join(', ')}` : '') +
      (report.notReached ? `; stopped on request, ${report.notReached} not reached (the next pass takes them)` : ''),
  );
  // People who left are an expected, handled event: only real failures (Slack errors after the
  // retries, storage) make an outside scheduler raise an alarm.
  return report.failed > 0 ? 1 : 0;
};
