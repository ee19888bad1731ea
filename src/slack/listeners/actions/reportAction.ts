// One report's actions: the ⋯ menu on a team row (App Home, the team view) and the digest's buttons.
// Who may act on whom is asked here (before any modal opens) and again on submission.
import { budgetOf } from '../../../services/week';
import { reportFor, type ReportAction } from '../../../services/reportActions';
import { reportBudgetModal, reportNoteModal } from '../../blocks/settingsTeam';
import type { ListenerDeps } from '../context';
import { controlClick } from './settingsShell';

/** `budget:U123` from the overflow; a plain user id from a digest button, whose action says which. */
function parse(value: string, fixed?: ReportAction): { action: ReportAction; reportId: string } | null {
  if (fixed) return /^[UW][A-Z0-9]+$/.test(value) ? { action: fixed, reportId: value } : null;
  const m = /^(budget|note):([UW][A-Z0-9]+)$/.exec(value);
  return m ? { action: m[1] as ReportAction, reportId: m[2] } : null;
}

export function reportAction(deps: ListenerDeps, fixed?: ReportAction) {
  return controlClick(deps, 'could not open the report action', async (c) => {
    const asked = parse(c.value, fixed);
    if (!asked) {
      c.log.warn({ value: c.value }, 'a report action with an unreadable value');
      return;
    }
    const report = await reportFor(deps, c.who, asked.reportId, asked.action);
    if (!report.ok) return c.refuse(report.error);
    await c.open(asked.action === 'budget' ? reportBudgetModal(report.value.id, await budgetOf(deps, report.value)) : reportNoteModal(report.value.id));
  });
}
