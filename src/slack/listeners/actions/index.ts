import type { App } from '@slack/bolt';
import { ACTIONS } from '../../ids';
import type { ListenerDeps } from '../context';
import { openLogModal } from './openLogModal';
import { checkinAnswer } from './checkinAnswer';
import { checkinOther } from './checkinOther';
import { checkinUndo } from './checkinUndo';
import { pulseAnswer } from './pulseAnswer';

export function registerActions(app: App, deps: ListenerDeps): void {
  app.action(ACTIONS.openLogModal, openLogModal(deps));
  for (const id of [ACTIONS.checkinNothing, ACTIONS.checkin15, ACTIONS.checkin30, ACTIONS.checkin60]) {
    app.action(id, checkinAnswer(deps));
  }
  app.action(ACTIONS.checkinOther, checkinOther(deps));
  app.action(ACTIONS.checkinUndo, checkinUndo(deps));
  for (const id of [ACTIONS.pulseNone, ACTIONS.pulseBit, ACTIONS.pulseBack]) app.action(id, pulseAnswer(deps));
}
