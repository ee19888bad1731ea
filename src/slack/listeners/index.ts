import type { AnyMiddlewareArgs, App, Middleware } from '@slack/bolt';
import type { ListenerDeps } from './context';
import { registerActions } from './actions';
import { registerCommands } from './commands';
import { registerEvents } from './events';
import { registerShortcuts } from './shortcuts';
import { registerViews } from './views';

type Chain = Middleware<AnyMiddlewareArgs>[];

/**
 * Bolt runs every request through every listener's matchers, one promise chain per listener, to find
 * the one or two that match: with dozens of listeners that is a good part of a request's cost. Every
 * listener registered by an exact id (`app.action('id', …)`, `app.view('id', …)`, `app.command('/x', …)`)
 * is routed instead by one lookup in a map, from one global middleware; anything else (a RegExp or an
 * object constraint, events, shortcuts) is handed to Bolt untouched, and a request no route takes goes
 * on to Bolt's own matching. What a listener receives is what Bolt would pass it.
 */
export function exactIdRouter(app: App): { app: App; route: Middleware<AnyMiddlewareArgs> } {
  const routes = new Map<string, Chain[]>();
  const add = (key: string, chain: Chain) => routes.set(key, [...(routes.get(key) ?? []), chain]);
  const facade = new Proxy(app, {
    get(target, prop, receiver) {
      const kind = prop === 'action' || prop === 'view' || prop === 'command' ? prop : undefined;
      if (!kind) {
        const v = Reflect.get(target, prop, receiver) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      }
      return (constraint: unknown, ...chain: Chain) => {
        if (typeof constraint === 'string') add(`${kind}:${constraint}`, chain);
        else (target[kind] as (c: unknown, ...l: Chain) => void)(constraint, ...chain);
      };
    },
  });
  const route: Middleware<AnyMiddlewareArgs> = async (args) => {
    const key = routeKey(args.body);
    const chains = key === undefined ? undefined : routes.get(key);
    if (!chains) {
      await args.next();
      return;
    }
    const { next: _next, ...rest } = args;
    const settled = await Promise.allSettled(chains.map((chain) => runChain(chain, rest)));
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
  };
  return { app: facade, route };
}

/** The route a request takes: its command, its (first) action's id, or its submitted view's callback id. */
function routeKey(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const b = body as { type?: unknown; command?: unknown; actions?: { action_id?: unknown }[]; view?: { callback_id?: unknown } };
  if (b.type === undefined && typeof b.command === 'string') return `command:${b.command}`;
  if (b.type === 'block_actions') {
    const id = b.actions?.[0]?.action_id;
    return typeof id === 'string' ? `action:${id}` : undefined;
  }
  if (b.type === 'view_submission') {
    const id = b.view?.callback_id;
    return typeof id === 'string' ? `view:${id}` : undefined;
  }
  return undefined;
}

/** As Bolt runs one listener's chain: each middleware gets `next` to the one after; the last gets a no-op. */
function runChain(chain: Chain, args: Omit<Parameters<Middleware<AnyMiddlewareArgs>>[0], 'next'>): Promise<void> {
  const at = async (i: number): Promise<void> => {
    const fn = chain[i];
    if (!fn) return;
    const last = i === chain.length - 1;
    await fn({ ...args, next: last ? async () => {} : () => at(i + 1) } as Parameters<typeof fn>[0]);
  };
  return at(0);
}

export function registerListeners(app: App, deps: ListenerDeps): void {
  const router = exactIdRouter(app);
  registerCommands(router.app, deps);
  registerActions(router.app, deps);
  registerViews(router.app, deps);
  registerShortcuts(router.app, deps);
  registerEvents(router.app, deps);
  app.use(router.route);
}
