import type { App } from '@slack/bolt';
import { VIEWS } from '../../ids';
import type { ListenerDeps } from '../context';
import { logModalSubmitted } from './logModal';
import { checkinOtherSubmitted } from './checkinOther';
import { assignDoneSubmitted } from './assignDone';
import { assignModalSubmitted } from './assignModal';
import { editEntrySubmitted } from './editEntry';
import { checkinSettingsSubmitted } from './checkinSettings';
import { pauseSubmitted } from './pause';
import { reportBudgetSubmitted } from './reportBudget';
import { reportNoteSubmitted } from './reportNote';

export function registerViews(app: App, deps: ListenerDeps): void {
  app.view(VIEWS.logModal, logModalSubmitted(deps));
  app.view(VIEWS.checkinOther, checkinOtherSubmitted(deps));
  app.view(VIEWS.assignDone, assignDoneSubmitted(deps));
  app.view(VIEWS.assignModal, assignModalSubmitted(deps));
  app.view(VIEWS.editEntry, editEntrySubmitted(deps));
  // App Home controls and the team view (issue 14)
  app.view(VIEWS.checkinSettings, checkinSettingsSubmitted(deps));
  app.view(VIEWS.pause, pauseSubmitted(deps));
  app.view(VIEWS.reportBudget, reportBudgetSubmitted(deps));
  app.view(VIEWS.reportNote, reportNoteSubmitted(deps));
}
