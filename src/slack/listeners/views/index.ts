import type { App } from '@slack/bolt';
import { VIEWS } from '../../ids';
import type { ListenerDeps } from '../context';
import { logModalSubmitted } from './logModal';
import { checkinOtherSubmitted } from './checkinOther';
import { assignDoneSubmitted } from './assignDone';
import { assignModalSubmitted } from './assignModal';
import { editEntrySubmitted } from './editEntry';

export function registerViews(app: App, deps: ListenerDeps): void {
  app.view(VIEWS.logModal, logModalSubmitted(deps));
  app.view(VIEWS.checkinOther, checkinOtherSubmitted(deps));
  app.view(VIEWS.assignDone, assignDoneSubmitted(deps));
  app.view(VIEWS.assignModal, assignModalSubmitted(deps));
  app.view(VIEWS.editEntry, editEntrySubmitted(deps));
}
