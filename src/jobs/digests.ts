// The weekly manager digest job: one pass as of an instant; each due manager gets last week's digest once.
import { emptyReport, type Job } from './types';
import { buildDigests, digestDue, reportsByManager, type DigestRequest } from '../services/digests';
import { dm, sendOnce } from '../services/sendOnce';
import { localDate } from '../core/time';
import { digestMessage } from '../slack/blocks/digest';

export const DIGEST_JOB = 'digest';

export const digests: Job = async (deps, atMs, { dryRun }) => {
  const report = emptyReport('digests', atMs);
  const settings = await deps.store.settings.get();
  const people = await deps.store.people.listAll();
  const byId = new Map(people.map((p) => [p.id, p]));
  const requests: DigestRequest[] = [];
  for (const [managerId, reports] of reportsByManager(people)) {
    const manager = byId.get(managerId);
    if (!manager || !manager.active || manager.deleted) {
      report.skipped++;
      report.lines.push(`${managerId}: skipped, manager is not an active Slack account`);
      continue;
    }
    if (!digestDue(atMs, manager.tz, settings)) continue;
    requests.push({ manager, reports, today: localDate(atMs, manager.tz) });
  }
  const models = await buildDigests(deps, requests, settings);
  for (const { manager } of requests) {
    const model = models.get(manager.id)!;
    const key = { job: DIGEST_JOB, subject: manager.id, period: model.weekKey };
    const outcome = await sendOnce(deps, key, () => dm(deps, manager.id, digestMessage(model)), { dryRun, personId: manager.id });
    const what = `${manager.id}: digest for ${model.weekKey} (${model.rows.length} ${model.rows.length === 1 ? 'report' : 'reports'})`;
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
