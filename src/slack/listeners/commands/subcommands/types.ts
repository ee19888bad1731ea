// A subcommand handler: the parsed command in, a reply out.
import type { Person } from '../../../../core/model';
import type { Command } from '../../../../core/types';
import type { Reply } from '../../../blocks/replies';
import type { ListenerDeps } from '../../context';
import type { FollowUp } from '../../followUps';

export interface CommandContext {
  deps: ListenerDeps;
  person: Person;
  channelId: string;
  triggerId: string;
  responseUrl: string;
  /** Answers the person again later (through the command's response_url), e.g. from a follow-up that failed. */
  respond: (reply: Reply) => Promise<void>;
}

/**
 * What a handler returns: the reply (sent in the ack when ready in time, else through response_url)
 * and, in `after`, the Web API work that must not hold the reply up (DMs to others, warnings). The
 * command listener runs `after` once the reply has gone, in order, logging each failure.
 */
export type CommandReply = Reply & { after?: FollowUp[] };

export type Handler<T extends Command['type']> = (ctx: CommandContext, command: Extract<Command, { type: T }>) => Promise<CommandReply>;
export type HandlerTable = { [T in Command['type']]?: Handler<T> };

/** The reply with one more follow-up at the end of its list (none when `more` is null). */
export function withAfter(reply: CommandReply, more: FollowUp | null): CommandReply {
  return more ? { ...reply, after: [...(reply.after ?? []), more] } : reply;
}
