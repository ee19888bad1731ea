// One pino instance with tokens and secrets redacted, and the adapter Bolt's logger interface needs.
import pino, { type DestinationStream, type Logger } from 'pino';
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';

export type Log = Logger;

const TOKEN_PATTERN = /\bx(?:ox[abprse]|app)-[A-Za-z0-9-]+/g;

const REDACT_PATHS = [
  'token', 'botToken', 'appToken', 'signingSecret', 'secret', 'password', 'authorization',
  '*.token', '*.botToken', '*.appToken', '*.signingSecret', '*.secret', '*.authorization',
  'headers.authorization', 'headers["x-slack-signature"]', 'req.headers.authorization',
  'config.botToken', 'config.appToken', 'config.signingSecret', 'databaseUrl', 'config.databaseUrl', 'connectionString',
  'clientSecret', 'stateSecret', 'refreshToken', '*.clientSecret', '*.stateSecret', '*.refreshToken', 'config.oauth',
];

/** Replace anything that looks like a Slack token, and the given secrets, in a string. */
export function scrub(text: string, secrets: readonly string[] = []): string {
  let out = text.replace(TOKEN_PATTERN, '[redacted]');
  for (const s of secrets) if (s.length >= 6) out = out.split(s).join('[redacted]');
  return out;
}

function scrubValue(value: unknown, secrets: readonly string[], depth = 0): unknown {
  if (typeof value === 'string') return scrub(value, secrets);
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) {
    const e = new Error(scrub(value.message, secrets));
    e.name = value.name;
    e.stack = value.stack ? scrub(value.stack, secrets) : undefined;
    const code = (value as { code?: unknown }).code;
    if (code !== undefined) (e as { code?: unknown }).code = code;
    return e;
  }
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, secrets, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubValue(v, secrets, depth + 1)]));
}

export interface LoggerOptions {
  level: string;
  /** Values that must never be printed, e.g. the configured tokens and signing secret. */
  secrets?: string[];
  destination?: DestinationStream;
}

export function createLogger(opts: LoggerOptions): Log {
  const secrets = (opts.secrets ?? []).filter(Boolean);
  return pino(
    {
      level: opts.level,
      base: { app: 'ballast' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      hooks: {
        // Third-party messages (Bolt, the Web API client) can carry a token inside a string.
        logMethod(args, method) {
          const cleaned = args.map((a) => scrubValue(a, secrets)) as Parameters<typeof method>;
          return method.apply(this, cleaned);
        },
      },
    },
    opts.destination,
  );
}

/**
 * `log.child(bindings)`, made only once something reads it: listeners make one per request, most
 * requests log nothing, and a pino child (its bindings serialised and run through the redaction)
 * costs more than the rest of a quiet request's logging.
 */
export function lazyChild(log: Log, bindings: Record<string, unknown>): Log {
  let child: Log | undefined;
  const real = (): Log => (child ??= log.child(bindings));
  return new Proxy({} as Log, {
    get(_target, prop) {
      const c = real();
      const v: unknown = Reflect.get(c, prop, c);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(c) : v;
    },
    set: (_target, prop, value) => Reflect.set(real(), prop, value),
    has: (_target, prop) => prop in real(),
  });
}

const toPino: Record<LogLevel, string> = {
  [LogLevel.DEBUG]: 'debug',
  [LogLevel.INFO]: 'info',
  [LogLevel.WARN]: 'warn',
  [LogLevel.ERROR]: 'error',
};

/** Bolt and @slack/web-api log through this, into the same pino instance. */
export function boltLogger(log: Log, name = 'bolt'): BoltLogger {
  let child = log.child({ component: name });
  const join = (msg: unknown[]): string => msg.map((m) => (typeof m === 'string' ? m : JSON.stringify(m))).join(' ');
  // Bolt logs whole request bodies at debug level: only stringify what will actually be written.
  const at = (level: 'debug' | 'info' | 'warn' | 'error') => (...msg: unknown[]) => {
    if (child.isLevelEnabled(level)) child[level](join(msg));
  };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    setLevel: () => undefined, // the level is ours, set from LOG_LEVEL
    getLevel: () => (Object.entries(toPino).find(([, v]) => v === child.level)?.[0] as LogLevel) ?? LogLevel.INFO,
    setName: (n: string) => {
      child = log.child({ component: n });
    },
  };
}
