// "Offer" on a suggestion and "Offer anyway" after the over-budget warning: the lead's click becomes an offer.
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ensurePerson } from '../../../services/people';
import { offerAssignment } from '../../../services/assignments';
import { decodeOffer, offerOutcomeReply } from '../../blocks/assignment';
import { errorReply } from '../../blocks/replies';
import type { ListenerDeps } from '../context';
import { failureReply } from '../failure';
import { respondOrLog } from '../respond';

export function assignOffer(deps: ListenerDeps, opts: { force: boolean }) {
  return async ({ ack, body, action, respond: maybeRespond }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>): Promise<void> => {
    await ack();
    const log = deps.log.child({ userId: body.user.id, action: action.action_id });
    const respond = respondOrLog(maybeRespond, log);
    try {
      const offer = decodeOffer(action.value ?? '');
      if (!offer) {
        log.warn('offer button with an unreadable value');
        await respond({ response_type: 'ephemeral', replace_original: false, text: 'That button is out of date. Run `/ballast assign <link>` again.' });
        return;
      }
      const who = await ensurePerson(deps, body.user.id);
      if (!who.ok) {
        await respond({ response_type: 'ephemeral', replace_original: false, ...errorReply(who.error) });
        return;
      }
      const r = await offerAssignment(deps, who.value, offer.to, offer, { force: opts.force });
      if (!r.ok) {
        await respond({ response_type: 'ephemeral', replace_original: false, ...errorReply(r.error) });
        return;
      }
      await respond({ response_type: 'ephemeral', replace_original: true, ...offerOutcomeReply(r.value, who.value.tz) });
    } catch (err) {
      await respond({ response_type: 'ephemeral', replace_original: false, ...failureReply(log, err, 'offer click failed') }).catch(() => undefined);
    }
  };
}
