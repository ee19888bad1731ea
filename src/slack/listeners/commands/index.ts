import type { App } from '@slack/bolt';
import { COMMAND } from '../../ids';
import type { ListenerDeps } from '../context';
import { ballastCommand } from './ballast';

export function registerCommands(app: App, deps: ListenerDeps): void {
  app.command(COMMAND, ballastCommand(deps));
}
