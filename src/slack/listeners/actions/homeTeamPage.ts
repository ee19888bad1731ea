// "Next reports" / "Previous reports" in App Home's team section: the same Home, another page of reports.
import type { ListenerDeps } from '../context';
import { controlClick } from './settingsShell';

export function homeTeamPage(deps: ListenerDeps) {
  return controlClick(deps, 'App Home team page failed', async (c) => {
    const start = Number(c.value);
    await c.refreshHome({ teamStart: Number.isInteger(start) && start >= 0 ? start : 0 });
  });
}
