// Delete on a listed entry (after Slack's confirm dialog): removed, and the list redrawn without it.
import { deleteEntry } from '../../../services/entries';
import { entriesReply } from '../../blocks/entries';
import { entryLine } from '../../blocks/week';
import { errorReply } from '../../blocks/replies';
import type { ListenerDeps } from '../context';
import { entryButton } from './entryShell';

export function entryDelete(deps: ListenerDeps) {
  return entryButton(deps, 'deleting an entry failed', async ({ who, entryId }) => {
    const r = await deleteEntry(deps, who, entryId);
    if (!r.ok) return { note: errorReply(r.error) };
    return { replace: entriesReply(r.value.remaining, { notice: `:wastebasket: Deleted ${entryLine(r.value.entry)}.` }), changed: true };
  });
}
