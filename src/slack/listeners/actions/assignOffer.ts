// "Offer" on a suggestion and "Offer anyway" after the over-budget warning: the lead's click becomes an offer.
import { ensurePerson } from '../../../services/people';
import { offerAssignment } from '../../../services/assignments';
import { decodeOffer, offerOutcomeReply } from '../../blocks/assignment';
import { errorReply, textReply } from '../../blocks/replies';
import type { ListenerDeps } from '../context';
import { respondingButton } from './shell';

export const OUT_OF_DATE = textReply('That button is out of date. Run `/ballast assign <link>` again.');

export function assignOffer(deps: ListenerDeps, opts: { force: boolean }) {
  return respondingButton(deps, 'offer click failed', async (body, action, log) => {
    const offer = decodeOffer(action.value ?? '');
    if (!offer) {
      log.warn('offer button with an unreadable value');
      return { note: OUT_OF_DATE };
    }
    const who = await ensurePerson(deps, body.user.id);
    if (!who.ok) return { note: errorReply(who.error) };
    const r = await offerAssignment(deps, who.value, offer.to, offer, { force: opts.force });
    return r.ok ? { replace: offerOutcomeReply(r.value, who.value.tz) } : { note: errorReply(r.error) };
  });
}
