import type { App } from '@slack/bolt';
import { VIEWS } from '../../ids';
import type { ListenerDeps } from '../context';
import { logModalSubmitted } from './logModal';

export function registerViews(app: App, deps: ListenerDeps): void {
  app.view(VIEWS.logModal, logModalSubmitted(deps));
}
