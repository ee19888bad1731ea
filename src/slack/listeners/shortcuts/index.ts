import type { App } from '@slack/bolt';
import { SHORTCUTS } from '../../ids';
import type { ListenerDeps } from '../context';
import { logEngagementShortcut } from './logEngagement';

export function registerShortcuts(app: App, deps: ListenerDeps): void {
  app.shortcut({ callback_id: SHORTCUTS.logEngagement, type: 'shortcut' }, logEngagementShortcut(deps));
}
