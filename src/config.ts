// The one place that reads process.env: every variable is checked at once, and each bad one is reported.
import fs from 'node:fs';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import { SLACK_USER_ID } from './core/limits';

const slackId = SLACK_USER_ID;

function isPostgresUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return (u.protocol === 'postgres:' || u.protocol === 'postgresql:') && u.hostname !== '';
  } catch {
    return false;
  }
}

const schema = z
  .object({
    SLACK_BOT_TOKEN: z
      .string()
      .regex(/^xoxb-\S+$/, { error: 'must be a bot token starting with xoxb-' })
      .optional(),
    // Many workspaces (DESIGN.md, deployment shape 3): the app's OAuth credentials instead of a bot token.
    SLACK_CLIENT_ID: z.string().regex(/^\d+\.\d+$/, { error: 'must be the app\'s client id, such as 1234567890.1234567890' }).optional(),
    SLACK_CLIENT_SECRET: z.string().min(1, { error: 'must not be empty' }).optional(),
    // Signs the OAuth state, so every replica must share it; short secrets are guessable.
    SLACK_STATE_SECRET: z.string().min(16, { error: 'must be at least 16 characters (a random secret shared by every replica)' }).optional(),
    SLACK_APP_TOKEN: z
      .string()
      .regex(/^xapp-\S+$/, { error: 'must be an app-level token starting with xapp-' })
      .optional(),
    SLACK_SIGNING_SECRET: z.string().min(1, { error: 'must not be empty' }).optional(),
    SLACK_API_URL: z
      .url({ error: 'must be a URL such as https://slack.com/api/' })
      .default('https://slack.com/api/')
      .transform((u) => (u.endsWith('/') ? u : `${u}/`)),
    PORT: z.coerce
      .number({ error: 'must be a port number' })
      .int({ error: 'must be a whole number' })
      .min(0, { error: 'must be between 0 and 65535' })
      .max(65535, { error: 'must be between 0 and 65535' })
      .default(3000),
    DATABASE_PATH: z.string().min(1, { error: 'must not be empty' }).default('./data/ballast.db'),
    // The value holds a password, so no message here ever repeats it.
    DATABASE_URL: z
      .string()
      .refine(isPostgresUrl, { error: 'must be a PostgreSQL URL such as postgres://user:password@host:5432/ballast' })
      .optional(),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        error: 'must be one of fatal, error, warn, info, debug, trace, silent',
      })
      .default('info'),
    BALLAST_ADMINS: z
      .string()
      .default('')
      .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
      .refine((ids) => ids.every((id) => slackId.test(id)), {
        error: 'must be comma-separated Slack user ids such as U012ABCDEF',
      }),
    BALLAST_SCHEDULER: z.enum(['on', 'off'], { error: 'must be on or off' }).default('on'),
  });

/** Many-workspace mode's OAuth credentials (SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET). */
export interface OAuthConfig {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
}

export interface Config {
  /** Single-workspace mode's token; absent in many-workspace mode (`oauth`). */
  botToken?: string;
  /** Present in many-workspace mode: each installation's token comes from the database. */
  oauth?: OAuthConfig;
  appToken?: string;
  signingSecret?: string;
  apiUrl: string;
  port: number;
  databasePath: string;
  /** PostgreSQL instead of SQLite when set; `databasePath` is then ignored. Holds a password: never log it. */
  databaseUrl?: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  admins: string[];
  scheduler: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

/** Parse an environment; throws ConfigError listing one line per bad variable. */
export function loadConfig(env: Record<string, string | undefined> = environment()): Config {
  // Empty strings count as unset, as they do in most .env files.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((i) => `${String(i.path[0] ?? 'environment')} ${i.message}`);
  // Checked outside the schema so that it is reported alongside every other problem.
  const oauthVars = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;
  const oauthSet = oauthVars.filter((v) => cleaned[v] !== undefined);
  if (cleaned.SLACK_BOT_TOKEN === undefined) {
    if (oauthSet.length === 0) {
      problems.push('SLACK_BOT_TOKEN is required (a bot token starting with xoxb-), or set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET for many workspaces');
    } else {
      for (const v of oauthVars.filter((x) => !oauthSet.includes(x))) problems.push(`${v} is required for many workspaces (${oauthSet.join(', ')} is set)`);
      if (cleaned.SLACK_APP_TOKEN) problems.push('SLACK_APP_TOKEN: many workspaces run in HTTP mode (Slack sends each installation\'s events to /slack/events); unset it');
      if (cleaned.BALLAST_ADMINS) problems.push('BALLAST_ADMINS is for one workspace: with many, each installing user is its workspace\'s first admin; unset it');
    }
  }
  if (!cleaned.SLACK_APP_TOKEN && !cleaned.SLACK_SIGNING_SECRET) {
    problems.push('SLACK_SIGNING_SECRET is required in HTTP mode (set it, or set SLACK_APP_TOKEN for Socket Mode)');
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError([...new Set(problems)]);
  const e = parsed.data;
  return {
    botToken: e.SLACK_BOT_TOKEN,
    // A bot token wins (DESIGN.md: OAuth "when set, and SLACK_BOT_TOKEN is not").
    oauth: e.SLACK_BOT_TOKEN === undefined && e.SLACK_CLIENT_ID && e.SLACK_CLIENT_SECRET && e.SLACK_STATE_SECRET
      ? { clientId: e.SLACK_CLIENT_ID, clientSecret: e.SLACK_CLIENT_SECRET, stateSecret: e.SLACK_STATE_SECRET }
      : undefined,
    appToken: e.SLACK_APP_TOKEN,
    signingSecret: e.SLACK_SIGNING_SECRET,
    apiUrl: e.SLACK_API_URL,
    port: e.PORT,
    databasePath: e.DATABASE_PATH,
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    admins: e.BALLAST_ADMINS,
    scheduler: e.BALLAST_SCHEDULER === 'on',
  };
}

/** Every configured value that must never reach a log: tokens, the signing secret, the database password. */
export function secretsOf(
  config: Partial<Pick<Config, 'botToken' | 'appToken' | 'signingSecret' | 'databaseUrl' | 'oauth'>>,
): string[] {
  const secrets = [config.botToken ?? '', config.appToken ?? '', config.signingSecret ?? '',
    config.oauth?.clientSecret ?? '', config.oauth?.stateSecret ?? ''];
  if (config.databaseUrl) {
    const { password } = new URL(config.databaseUrl);
    if (password) secrets.push(password, decodeURIComponent(password));
    secrets.push(config.databaseUrl);
  }
  return secrets.filter(Boolean);
}

/**
 * The process environment, with a `.env` file's values filling in what is not already set (so a real
 * environment variable always wins, as in most deployments).
 */
export function environment(file = '.env', env: NodeJS.ProcessEnv = process.env): Record<string, string | undefined> {
  if (!fs.existsSync(file)) return env;
  const fromFile = parseEnv(fs.readFileSync(file, 'utf8'));
  return { ...fromFile, ...Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')) };
}
