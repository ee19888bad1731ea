// The weekly manager digest job: one pass as of an instant; each due manager gets last week's digest once.
import { emptyReport, type Job } from './types';
import { buildDigests, digestRequestsAt } from '../services/digests';
import { dm, sendOnce } from '../services/sendOnce';
import { digestMessage } from '../slack/blocks/digest';

export const DIGEST_JOB = 'digest';

export const digests: Job = async (deps, atMs, { dryRun }) => {
  const report = emptyReport('digests', atMs);
  const settings = await deps.store.settings.get();
  const { requests, skipped } = await digestRequestsAt(deps, atMs, settings);
  for (const managerId of skipped) {
    report.skipped++;
    report.lines.push(`${managerId}: skipped, manager is not an active Slack account`);
  }
  const models = await buildDigests(deps, requests, settings);
  for (const { managerId } of requests) {
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
    } else {
      report.failed++;
      report.lines.push(`${what} failed: ${outcome.error ?? outcome.status}`);
    }
  }
  return report;
};
