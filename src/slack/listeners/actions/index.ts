import type { App } from '@slack/bolt';
import { ACTIONS } from '../../ids';
import type { ListenerDeps } from '../context';
import { openLogModal } from './openLogModal';

export function registerActions(app: App, deps: ListenerDeps): void {
  app.action(ACTIONS.openLogModal, openLogModal(deps));
}
