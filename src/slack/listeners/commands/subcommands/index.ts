// Every subcommand's handler; each feature contributes a table.
import type { Command } from '../../../../core/types';
import type { Reply } from '../../../blocks/replies';
import { textReply } from '../../../blocks/replies';
import { basics } from './basics';
import { controls } from './controls';
import { assign } from './assign';
import { managers } from './managers';
import type { CommandContext, Handler, HandlerTable } from './types';

const TABLE: HandlerTable = { ...basics, ...controls, ...assign, ...managers };

export async function runSubcommand(ctx: CommandContext, command: Command): Promise<Reply> {
  const handler = TABLE[command.type] as Handler<typeof command.type> | undefined;
  if (!handler) return textReply(`\`/ballast ${command.type}\` isn't available yet in this version of Ballast.`);
  return handler(ctx, command as never);
}
