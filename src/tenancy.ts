// Many-workspace mode (docs/TENANCY.md): which tenant a request or a job runs for. The scope lives in an
// AsyncLocalStorage, so everything a listener or a pass starts (its follow-ups after the ack included)
// sees the same tenant, and `deps.store`, `deps.slack` and `deps.config` resolve through it: the services
// and listeners keep their signatures, and none of them can name another tenant's tables or token.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Store } from './services/store';
import type { AppConfig, SlackPort } from './services/ports';

/** One installation as a request or job sees it. */
export interface Tenant {
  id: string;
  store: Store;
  slack: SlackPort;
  /** The installing user: the tenant's first admin, for as long as this install stands. */
  admins: readonly string[];
  /** True once the tenant uninstalled or Slack refused its token: a pass takes no one else. */
  readonly gone: boolean;
}

export class NoTenantError extends Error {
  constructor(what: string) {
    super(`${what} was used outside a tenant's scope (many-workspace mode)`);
    this.name = 'NoTenantError';
  }
}

export interface Tenancy {
  /** Run `fn` (and everything it starts) as `tenant`. */
  run<T>(tenant: Tenant, fn: () => T): T;
  current(): Tenant | undefined;
  /** The current tenant's store, Slack port and config, for `deps`. */
  store: Store;
  slack: SlackPort;
  config: AppConfig;
}

/** An object whose every property is read, at the time of use, from what `pick` returns. */
function through<T extends object>(pick: () => T): T {
  return new Proxy({} as T, {
    get(_target, key) {
      const target = pick();
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
    has: (_target, key) => key in pick(),
    ownKeys: () => Reflect.ownKeys(pick()),
    getOwnPropertyDescriptor: (_target, key) => {
      const d = Reflect.getOwnPropertyDescriptor(pick(), key);
      return d ? { ...d, configurable: true } : undefined;
    },
  });
}

export function createTenancy(): Tenancy {
  const scope = new AsyncLocalStorage<Tenant>();
  const need = (what: string): Tenant => {
    const t = scope.getStore();
    if (!t) throw new NoTenantError(what);
    return t;
  };
  return {
    run: (tenant, fn) => scope.run(tenant, fn),
    current: () => scope.getStore(),
    store: through(() => need('the store').store),
    slack: through(() => need('the Slack client').slack),
    config: { get admins() { return need('the admins').admins; } },
  };
}
