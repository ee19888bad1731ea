import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../context';
import { appHomeOpened } from './appHomeOpened';
import { directMessage } from './message';
import { appUninstalled, tokensRevoked } from './uninstall';
import type { Uninstalls } from '../../../services/installs';

export function registerEvents(app: App, deps: ListenerDeps): void {
  app.event('app_home_opened', appHomeOpened(deps));
  app.event('message', directMessage(deps));
}

/** Many-workspace mode: an uninstall or a revoked token stops the tenant. */
export function registerUninstalls(app: App, uninstalls: Uninstalls): void {
  app.event('app_uninstalled', appUninstalled(uninstalls));
  app.event('tokens_revoked', tokensRevoked(uninstalls));
}
