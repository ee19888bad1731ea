// Every command the grammar can produce has a handler.
import type { Command } from '../../src/core/types';
import { handles } from '../../src/slack/listeners/commands/subcommands';

// A Record literal must name every command type, so a new one in core/types.ts fails to compile here.
const ALL: Record<Command['type'], true> = {
  week: true, entries: true, log: true, undo: true, budget: true, 'budget-set': true, hours: true, pause: true, resume: true,
  checkin: true, 'checkin-off': true, nudges: true, team: true, assign: true, assignments: true, privacy: true,
  'privacy-share-strain': true, 'admin-manager': true, 'admin-role': true, 'admin-settings': true,
  'admin-settings-set': true, 'admin-report': true, export: true, help: true,
};

it.each(Object.keys(ALL))('has a handler for %s', (type) => {
  expect(handles(type as Command['type'])).toBe(true);
});
