// Edit on a listed entry: the log modal, prefilled with it, for its owner only.
import { localDate } from '../../../core/time';
import { ownEditableEntry } from '../../../services/entries';
import { editEntryModal } from '../../blocks/entries';
import { errorReply } from '../../blocks/replies';
import type { ListenerDeps } from '../context';
import { entryButton } from './entryShell';

export function entryEdit(deps: ListenerDeps) {
  return entryButton(deps, 'opening the edit modal failed', async ({ who, entryId, triggerId }) => {
    const r = await ownEditableEntry(deps, who, entryId);
    if (!r.ok) return { note: errorReply(r.error) };
    await deps.slack.openView(triggerId, editEntryModal(r.value, localDate(deps.clock.now(), who.tz)));
    return {};
  });
}
