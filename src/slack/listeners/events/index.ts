import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../context';
import { appHomeOpened } from './appHomeOpened';
import { directMessage } from './message';

export function registerEvents(app: App, deps: ListenerDeps): void {
  app.event('app_home_opened', appHomeOpened(deps));
  app.event('message', directMessage(deps));
}
