// One `/ballast` command text answered for one person, wherever it was typed: after `/ballast` (the
// slash command) or in Ballast's DM (the Messages tab). A first contact gets the welcome after it.
import { parseCommand } from '../../../core/grammar';
import { ensurePerson } from '../../../services/people';
import { errorReply } from '../../blocks/replies';
import type { ListenerDeps } from '../context';
import { welcomeFor } from '../welcome';
import { runSubcommand } from './subcommands';
import { withAfter, type CommandContext, type CommandReply } from './subcommands/types';

export async function answerCommand(
  deps: ListenerDeps, userId: string, text: string, where: Omit<CommandContext, 'deps' | 'person'>,
): Promise<CommandReply> {
  const who = await ensurePerson(deps, userId);
  if (!who.ok) return errorReply(who.error);
  // A first contact earns the welcome DM, after this command's own reply and follow-ups.
  const welcome = await welcomeFor(deps, who.value);
  const parsed = parseCommand(text, { nowMs: deps.clock.now(), zone: who.value.tz });
  if (!parsed.ok) return withAfter(errorReply(parsed.error), welcome);
  return withAfter(await runSubcommand({ deps, person: who.value, ...where }, parsed.command), welcome);
}
