// The weekly manager digest job: one pass as of an instant; each due manager gets last week's digest once.
import { emptyReport, type Job } from './types';
import { buildDigests, digestRequestsAt, type DigestRequest } from '../services/digests';
import { alreadyClaimed, dm, sendOnce } from '../services/sendOnce';
import { digestWindow } from '../core/digest';
import { digestMessage } from '../slack/blocks/digest';
import { PASS_CONCURRENCY } from './pass';

export const DIGEST_JOB = 'digest';

export const digests: Job = async (deps, atMs, { dryRun }) => {
  const report = emptyReport('digests', atMs);
  const settings = await deps.store.settings.get();
  const { requests, skipped } = await digestRequestsAt(deps, atMs, settings);
  for (const managerId of skipped) {
    report.skipped++;
    report.lines.push(`${managerId}: skipped, manager is not an active Slack account`);
  }
  // The scheduler asks every minute of the digest day; digests already sent are not built again.
  const periodOf = new Map<string, string>();
  const pending: DigestRequest[] = [];
  for (const r of requests) {
    let period = periodOf.get(r.today);
    if (!period) periodOf.set(r.today, (period = digestWindow(r.today).weekKeys.at(-1)!));
    if (await alreadyClaimed(deps, { job: DIGEST_JOB, subject: r.managerId, period })) {
      report.skipped++;
      report.lines.push(`${r.managerId}: digest for ${period} already sent`);
    } else pending.push(r);
  }
  const models = await buildDigests(deps, pending, settings);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < pending.length) {
      const { managerId } = pending[next++];
      const model = models.get(managerId)!;
      const key = { job: DIGEST_JOB, subject: managerId, period: model.weekKey };
      const outcome = await sendOnce(deps, key, () => dm(deps, managerId, digestMessage(model)), { dryRun, personId: managerId });
      const what = `${managerId}: digest for ${model.weekKey} (${model.rows.length} ${model.rows.length === 1 ? 'report' : 'reports'})`;
      if (outcome.status === 'sent' || outcome.status === 'dry-run') {
        report.sent++;
        report.lines.push(`${what} ${outcome.status === 'sent' ? 'sent' : 'would be sent'}`);
      } else if (outcome.status === 'duplicate') {
        report.skipped++;
        report.lines.push(`${what} already sent`);
      } else if (outcome.status === 'gone') {
        report.inactive.push(managerId);
        report.lines.push(`${what} not sent: Slack says the account is gone; marked inactive`);
      } else {
        report.failed++;
        report.lines.push(`${what} failed: ${outcome.error ?? outcome.status}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PASS_CONCURRENCY, pending.length) }, worker));
  return report;
};
