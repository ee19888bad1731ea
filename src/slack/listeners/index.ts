import type { App } from '@slack/bolt';
import type { ListenerDeps } from './context';
import { registerActions } from './actions';
import { registerCommands } from './commands';
import { registerEvents } from './events';
import { registerShortcuts } from './shortcuts';
import { registerViews } from './views';

export function registerListeners(app: App, deps: ListenerDeps): void {
  registerCommands(app, deps);
  registerActions(app, deps);
  registerViews(app, deps);
  registerShortcuts(app, deps);
  registerEvents(app, deps);
}
