// A subcommand handler: the parsed command in, a reply out.
import type { Person } from '../../../../core/model';
import type { Command } from '../../../../core/types';
import type { Reply } from '../../../blocks/replies';
import type { ListenerDeps } from '../../context';

export interface CommandContext {
  deps: ListenerDeps;
  person: Person;
  channelId: string;
  triggerId: string;
  responseUrl: string;
}

export type Handler<T extends Command['type']> = (ctx: CommandContext, command: Extract<Command, { type: T }>) => Promise<Reply>;
export type HandlerTable = { [T in Command['type']]?: Handler<T> };
