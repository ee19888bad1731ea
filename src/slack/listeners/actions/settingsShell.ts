// The shell of App Home's controls (settings, the team's rows, the digest's next steps): ack first,
// then the person looked up and the work done; a click may come from App Home, a modal or a DM
// (the welcome and the digest carry some of the same buttons), so nothing here needs a response_url.
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { View } from '@slack/types';
import type { Person } from '../../../core/model';
import type { Log } from '../../../logger';
import { ensurePerson } from '../../../services/people';
import type { UserError } from '../../../services/result';
import { publishHome, type HomeOptions } from '../../home';
import { plain, section } from '../../blocks/kit';
import type { ListenerDeps } from '../context';
import { afterAck } from '../followUps';

type ActionArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>;

export interface ControlClick {
  who: Person;
  body: BlockAction;
  /** The clicked element's value: a button's value, or the chosen overflow option's. */
  value: string;
  log: Log;
  /** Where the click came from. */
  from: 'home' | 'modal' | 'message';
  /** Opens a modal: on top of the one clicked in, else a new one. */
  open(view: View): Promise<void>;
  /** Tells the person why nothing happened: on App Home as a notice, in a modal above it, in a DM beside the message. */
  refuse(error: UserError): Promise<void>;
  refreshHome(opts?: HomeOptions): Promise<void>;
}

function valueOf(action: BlockAction['actions'][number]): string {
  if ('selected_option' in action && action.selected_option) return action.selected_option.value ?? '';
  return 'value' in action && typeof action.value === 'string' ? action.value : '';
}

/** A small modal saying why a click changed nothing (a forged value, someone not your report). */
export function refusalModal(message: string): View {
  return { type: 'modal', title: plain('Ballast'), close: plain('Close'), blocks: [section(`:no_entry_sign: ${message}`)] };
}

export function controlClick(deps: ListenerDeps, failure: string, handle: (c: ControlClick) => Promise<void>) {
  return async ({ ack, body }: ActionArgs): Promise<void> => {
    await ack();
    const action = body.actions[0];
    const log = deps.log.child({ userId: body.user.id, action: action?.action_id });
    await afterAck(deps, log, async () => {
      const who = await ensurePerson(deps, body.user.id);
      if (!who.ok || !action) {
        log.info({ code: who.ok ? 'no_action' : who.error.code }, 'control click not handled');
        return;
      }
      const from = body.view?.type === 'home' ? 'home' : body.view?.type === 'modal' ? 'modal' : 'message';
      const open = async (view: View) => {
        if (from === 'modal') await deps.slack.pushView(body.trigger_id, view);
        else await deps.slack.openView(body.trigger_id, view);
      };
      const refreshHome = (opts?: HomeOptions) => publishHome(deps, who.value, deps.homeSections, opts);
      const refuse = async (error: UserError) => {
        if (from === 'home') await refreshHome({ notice: [section(`:no_entry_sign: ${error.message}`)] });
        else await open(refusalModal(error.message));
      };
      await handle({ who: who.value, body, value: valueOf(action), log, from, open, refuse, refreshHome });
    }, failure);
  };
}
