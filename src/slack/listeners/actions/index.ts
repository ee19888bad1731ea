import type { App } from '@slack/bolt';
import { ACTIONS } from '../../ids';
import type { ListenerDeps } from '../context';
import { openLogModal } from './openLogModal';
import { checkinAnswer } from './checkinAnswer';
import { checkinOther } from './checkinOther';
import { checkinUndo } from './checkinUndo';
import { pulseAnswer } from './pulseAnswer';
import { assignOffer } from './assignOffer';
import { assignAccept } from './assignAccept';
import { assignDecline } from './assignDecline';
import { assignDone } from './assignDone';
import { assignReassign } from './assignReassign';
import { entryEdit } from './entryEdit';
import { entryDelete } from './entryDelete';
import { entryUndo } from './entryUndo';
import { homeWeek } from './homeWeek';
import { entriesPage } from './entriesPage';
import { openCheckinSettings } from './openCheckinSettings';
import { openPause } from './openPause';
import { homeToggle } from './homeToggle';
import { homeResume } from './homeResume';
import { homeAssignAccept } from './homeAssignAccept';
import { homeTeamPage } from './homeTeamPage';
import { reportAction } from './reportAction';
import { openTeamView } from './openTeamView';

export function registerActions(app: App, deps: ListenerDeps): void {
  app.action(ACTIONS.openLogModal, openLogModal(deps));
  for (const id of [ACTIONS.checkinNothing, ACTIONS.checkin15, ACTIONS.checkin30, ACTIONS.checkin60]) {
    app.action(id, checkinAnswer(deps));
  }
  app.action(ACTIONS.checkinOther, checkinOther(deps));
  app.action(ACTIONS.checkinUndo, checkinUndo(deps));
  for (const id of [ACTIONS.pulseNone, ACTIONS.pulseBit, ACTIONS.pulseBack]) app.action(id, pulseAnswer(deps));
  app.action(ACTIONS.assignOffer, assignOffer(deps, { force: false }));
  app.action(ACTIONS.assignOfferAnyway, assignOffer(deps, { force: true }));
  app.action(ACTIONS.assignAccept, assignAccept(deps, { force: false }));
  app.action(ACTIONS.assignAcceptAnyway, assignAccept(deps, { force: true }));
  app.action(ACTIONS.assignDecline, assignDecline(deps, { ask: true }));
  app.action(ACTIONS.assignDeclineBack, assignDecline(deps, { back: true }));
  app.action(ACTIONS.assignDeclineNoCapacity, assignDecline(deps, { reason: 'no_capacity' }));
  app.action(ACTIONS.assignDeclineNotMyArea, assignDecline(deps, { reason: 'not_my_area' }));
  app.action(ACTIONS.assignDeclineOther, assignDecline(deps, { reason: 'other' }));
  app.action(ACTIONS.assignDone, assignDone(deps));
  app.action(ACTIONS.assignReassign, assignReassign(deps));
  app.action(ACTIONS.entryEdit, entryEdit(deps));
  app.action(ACTIONS.entryDelete, entryDelete(deps));
  app.action(ACTIONS.entryUndo, entryUndo(deps));
  app.action(ACTIONS.entriesOlder, entriesPage(deps));
  app.action(ACTIONS.entriesNewer, entriesPage(deps));
  app.action(ACTIONS.homeWeekEarlier, homeWeek(deps));
  app.action(ACTIONS.homeWeekLater, homeWeek(deps));
  // App Home controls, the team view and the digest's next steps (issue 14)
  app.action(ACTIONS.openCheckinSettings, openCheckinSettings(deps));
  app.action(ACTIONS.openPause, openPause(deps));
  app.action(ACTIONS.homeNudges, homeToggle(deps, 'nudges'));
  app.action(ACTIONS.homeShareStrain, homeToggle(deps, 'shareStrain'));
  app.action(ACTIONS.homeResume, homeResume(deps));
  app.action(ACTIONS.homeAssignAccept, homeAssignAccept(deps, { force: false }));
  app.action(ACTIONS.homeAssignAcceptAnyway, homeAssignAccept(deps, { force: true }));
  app.action(ACTIONS.homeTeamPage, homeTeamPage(deps));
  app.action(ACTIONS.reportMenu, reportAction(deps));
  // The digest numbers each report's pair of buttons (`…_0`, `…_1`): action ids are unique within a block.
  app.action(new RegExp(`^${ACTIONS.reportBudget}(_\\d+)?$`), reportAction(deps, 'budget'));
  app.action(new RegExp(`^${ACTIONS.reportNote}(_\\d+)?$`), reportAction(deps, 'note'));
  app.action(ACTIONS.openTeamView, openTeamView(deps));
}
