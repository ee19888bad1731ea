// Undo on the confirmation of a log (command reply, log-modal DM): removes exactly that entry, and the
// confirmation says which. A second click or a redelivery finds it gone and removes nothing else.
import { undoEntry } from '../../../services/entries';
import { undoneReply } from '../../blocks/entries';
import { errorReply } from '../../blocks/replies';
import type { ListenerDeps } from '../context';
import { entryButton } from './entryShell';

export function entryUndo(deps: ListenerDeps) {
  return entryButton(deps, 'undo failed', async ({ who, entryId }) => {
    const r = await undoEntry(deps, who, entryId);
    if (!r.ok) return { note: errorReply(r.error) };
    return { replace: undoneReply(r.value.entry, r.value.week), changed: true };
  });
}
