// app_uninstalled and tokens_revoked (many-workspace mode): the tenant's sends stop at once. Slack may
// send both, in either order, and deliver them again after a reinstall; each is safe to handle twice.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { tenantOfContext } from '../../middleware/tenantScope';
import type { Uninstalls } from '../../../services/installs';

/**
 * When Slack sent the event (its envelope's event_time, whole seconds), as the latest instant an install
 * it concerns can have been made: an install later than that is a reinstall it must not undo.
 */
function sentAt(body: unknown): number {
  const t = (body as { event_time?: unknown } | null)?.event_time;
  return typeof t === 'number' && Number.isFinite(t) ? (t + 1) * 1000 : Number.MAX_SAFE_INTEGER;
}

export function appUninstalled(uninstalls: Uninstalls) {
  return async ({ context, body }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_uninstalled'>): Promise<void> => {
    const tenantId = tenantOfContext(context);
    if (tenantId) await uninstalls.uninstalled(tenantId, sentAt(body));
  };
}

export function tokensRevoked(uninstalls: Uninstalls) {
  return async ({ context, body, event }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'tokens_revoked'>): Promise<void> => {
    const tenantId = tenantOfContext(context);
    if (!tenantId) return;
    const bot = (event.tokens.bot ?? []).length > 0;
    await uninstalls.revoked(tenantId, sentAt(body), { bot, users: event.tokens.oauth ?? [] });
  };
}
