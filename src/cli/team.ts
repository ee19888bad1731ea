// Many-workspace mode in the ops CLI (DESIGN.md: "commands that act on one organisation take
// `--team <team or enterprise id>`"): the command runs on that tenant's tables, and sends with the bot
// token its installation holds. With one workspace, --team is refused rather than ignored.
import type { Config } from '../config';
import { TENANT_ID, type Store, type TenantStores } from '../services/store';
import { openTenantStoresFor } from '../composition';

/** Commands that read or change one organisation's people, entries or sends. */
export const TEAM_COMMANDS: ReadonlySet<string> = new Set(['jobs', 'roster', 'export']);

export type TeamArg = { ok: true; args: string[]; team?: string } | { ok: false; message: string };

/** `--team T0123` or `--team=T0123`, taken out of the arguments. */
export function takeTeam(args: string[]): TeamArg {
  const rest: string[] = [];
  let team: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a !== '--team' && !a.startsWith('--team=')) {
      rest.push(a);
      continue;
    }
    const v = a === '--team' ? args[++i] : a.slice('--team='.length);
    if (team !== undefined) return { ok: false, message: '--team is given twice' };
    if (!v || !TENANT_ID.test(v)) {
      return { ok: false, message: `--team needs a Slack team or enterprise id such as T012AB3CD or E012AB3CD (got ${v ? JSON.stringify(v.slice(0, 40)) : 'nothing'})` };
    }
    team = v;
  }
  return { ok: true, args: rest, team };
}

export type OpenedTeam =
  | { ok: true; store: Store; botToken?: string; close(): Promise<void> }
  | { ok: false; message: string };

/**
 * The tenant's store and the bot token of its installation. An uninstalled tenant (inside its
 * retention period) can still be read and exported, but has no token to send with.
 */
export async function openTeam(config: Config, main: Store, team: string): Promise<OpenedTeam> {
  const found = await main.installations.get(team);
  if (!found) {
    const installed = (await main.installations.installed()).map((i) => i.tenantId);
    return { ok: false, message: `no installation for ${team}; installed: ${installed.length ? installed.join(', ') : 'none yet'}` };
  }
  const tenants: TenantStores = openTenantStoresFor(config);
  try {
    const store = await tenants.forTenant(team);
    const bot = found.installation ? (JSON.parse(found.installation) as { bot?: { token?: string } }).bot : undefined;
    return { ok: true, store, botToken: bot?.token, close: () => tenants.close() };
  } catch (e) {
    await tenants.close();
    throw e;
  }
}
