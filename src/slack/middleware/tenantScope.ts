// Many-workspace mode: every request runs as the tenant its installation authorized (src/tenancy.ts),
// so the listeners' `deps.store` and `deps.slack` are that tenant's and no one else's.
import type { AnyMiddlewareArgs, Context, Middleware } from '@slack/bolt';
import type { Log } from '../../logger';
import type { TenantRegistry } from '../../composition';
import type { Tenancy } from '../../tenancy';
import { tenantOfQuery } from '../installationStore';
import { failureReply } from '../listeners/failure';

/** Sent once an installation's tokens are gone: Bolt does not authorize them, and they act on the installations table. */
export const UNINSTALL_EVENTS = ['app_uninstalled', 'tokens_revoked'] as const;

/** The tenant a request was authorized for: its enterprise on an org-wide install, its workspace otherwise. */
export function tenantOfContext(context: Context): string | undefined {
  return tenantOfQuery({ teamId: context.teamId, enterpriseId: context.enterpriseId, isEnterpriseInstall: context.isEnterpriseInstall });
}

function isUninstallEvent(body: unknown): boolean {
  const type = (body as { event?: { type?: unknown } } | null)?.event?.type;
  return typeof type === 'string' && (UNINSTALL_EVENTS as readonly string[]).includes(type);
}

export function tenantScope(registry: TenantRegistry, tenancy: Tenancy, log: Log): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const { context, body, next } = args;
    // Slack sends these once the tokens are gone (Bolt skips authorizing them); they act on the installations table.
    if (isUninstallEvent(body)) {
      await next();
      return;
    }
    const tenantId = tenantOfContext(context);
    if (!tenantId || !context.botToken) {
      log.warn({ team: context.teamId, enterprise: context.enterpriseId }, 'a request without an installation was dropped');
      return;
    }
    let tenant;
    try {
      tenant = await registry.tenant({ tenantId, botToken: context.botToken });
    } catch (err) {
      const reply = failureReply(log.child({ tenant: tenantId }), err, 'opening the workspace\'s database; the request was not handled');
      if ('ack' in args && typeof args.ack === 'function' && (body as { command?: unknown }).command) {
        await (args.ack as (r?: unknown) => Promise<void>)({ response_type: 'ephemeral', ...reply });
      }
      return;
    }
    await tenancy.run(tenant, () => next());
  };
}
