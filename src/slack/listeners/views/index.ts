import type { App } from '@slack/bolt';
import { VIEWS } from '../../ids';
import type { ListenerDeps } from '../context';
import { logModalSubmitted } from './logModal';
import { checkinOtherSubmitted } from './checkinOther';

export function registerViews(app: App, deps: ListenerDeps): void {
  app.view(VIEWS.logModal, logModalSubmitted(deps));
  app.view(VIEWS.checkinOther, checkinOtherSubmitted(deps));
}
