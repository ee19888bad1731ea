// "Older →" / "← Newer" under `/ballast entries`: the same list, another page of it.
import { recentEntries } from '../../../services/entries';
import { entriesReply } from '../../blocks/entries';
import type { ListenerDeps } from '../context';
import { entryButton } from './entryShell';

export function entriesPage(deps: ListenerDeps) {
  return entryButton(deps, 'paging the entries list failed', async ({ who, value }) => (
    { replace: entriesReply(await recentEntries(deps, who), { start: Number(value) }) }
  ));
}
