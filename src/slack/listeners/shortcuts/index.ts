import type { App } from '@slack/bolt';
import { SHORTCUTS } from '../../ids';
import type { ListenerDeps } from '../context';
import { logEngagementShortcut } from './logEngagement';
import { assignMessageShortcut } from './assignMessage';

export function registerShortcuts(app: App, deps: ListenerDeps): void {
  app.shortcut({ callback_id: SHORTCUTS.logEngagement, type: 'shortcut' }, logEngagementShortcut(deps));
  app.shortcut({ callback_id: SHORTCUTS.assignMessage, type: 'message_action' }, assignMessageShortcut(deps));
}
