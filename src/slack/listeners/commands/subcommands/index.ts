// Every subcommand's handler; each feature contributes a table.
import type { Command } from '../../../../core/types';
import { basics } from './basics';
import { controls } from './controls';
import { assign } from './assign';
import { managers } from './managers';
import type { CommandContext, CommandReply, Handler, HandlerTable } from './types';

const TABLE: HandlerTable = { ...basics, ...controls, ...assign, ...managers };

/** Whether a command type has a handler; a unit test checks every type the grammar can produce. */
export function handles(type: Command['type']): boolean {
  return typeof TABLE[type] === 'function';
}

export async function runSubcommand(ctx: CommandContext, command: Command): Promise<CommandReply> {
  const handler = TABLE[command.type] as Handler<typeof command.type>;
  return handler(ctx, command as never);
}
