// Refusals and short confirmations (help is in help.ts).
import type { ParseError } from '../../core/types';
import type { UserError } from '../../services/result';
import { context, escape, section, type KnownBlock } from './kit';

export interface Reply {
  text: string;
  blocks?: KnownBlock[];
}

export function errorReply(e: UserError | ParseError): Reply {
  const blocks: KnownBlock[] = [section(`:warning: ${e.message}`)];
  if (e.example) blocks.push(context(`For example: \`${escape(e.example)}\``));
  return { text: `${e.message}${e.example ? ` For example: ${e.example}` : ''}`, blocks };
}

export function textReply(text: string, note?: string): Reply {
  return { text, blocks: [section(text), ...(note ? [context(note)] : [])] };
}
