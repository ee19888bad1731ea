// `/ballast …`: ack with the reply when it is ready in time, otherwise ack at once and answer via
// response_url; either way the handler's follow-ups (`after`: DMs to others, warnings) run only
// once the reply has gone.
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { lazyChild } from '../../../logger';
import type { ListenerDeps } from '../context';
import type { CommandReply } from './subcommands/types';
import { failureReply } from '../failure';
import { answerCommand } from './answer';
import { afterAck, runFollowUps } from '../followUps';

export function ballastCommand(deps: ListenerDeps) {
  return async ({ command, ack, respond }: AllMiddlewareArgs & SlackCommandMiddlewareArgs): Promise<void> => {
    const log = lazyChild(deps.log, { userId: command.user_id, teamId: command.team_id, subcommand: command.text.split(/\s+/)[0] || 'week' });
    const work = (async (): Promise<CommandReply> => {
      try {
        return await answerCommand(deps, command.user_id, command.text, {
          channelId: command.channel_id, triggerId: command.trigger_id, responseUrl: command.response_url,
          respond: async (reply) => {
            await respond({ response_type: 'ephemeral', replace_original: false, ...reply });
          },
        });
      } catch (err) {
        return failureReply(log, err, 'command failed');
      }
    })();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), deps.ackBudgetMs);
    });
    const ready = await Promise.race([work, late]);
    clearTimeout(timer);
    if (ready) {
      const { after, ...reply } = ready;
      await ack({ response_type: 'ephemeral', ...reply });
      await runFollowUps(deps, log, after);
      return;
    }
    // Slack drops commands not acknowledged within 3 seconds; the answer follows when it is ready.
    await ack({ response_type: 'ephemeral', text: ':hourglass_flowing_sand: Working on it…' });
    await afterAck(deps, log, async () => {
      const { after, ...reply } = await work;
      try {
        await respond({ response_type: 'ephemeral', replace_original: true, ...reply });
      } catch (err) {
        log.error({ err }, 'could not send the late reply through response_url');
      }
      await runFollowUps(deps, log, after);
    });
  };
}
