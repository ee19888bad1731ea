// The ops CLI (`npm run ballast -- <command>`): the same composition as main.ts, without the receiver.
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig, ConfigError, environment, type Config } from '../config';
import { DatabaseTooNewError } from '../services/store';
import { systemClock } from '../clock';
import { openStoreFor } from '../composition';
import { jobsCommand } from './jobs';
import { dataCommands } from './data';
import { dbCommand } from './dbCopy';
import { BackupNotSupportedError } from '../store/postgres';
import type { CliCommand, CliIo } from './types';
import { openTeam, takeTeam, TEAM_COMMANDS } from './team';
import { BackupRefusedError, backupTenantFiles, tenantBackupPlan } from '../store/tenants';

export type { CliCommand, CliIo } from './types';

const USAGE = `Usage: npm run ballast -- <command>

  migrate                         apply pending database migrations
  backup <file>                   write an online backup (a complete SQLite database) to <file>, and with
                                  many workspaces each one's file into a tenants folder beside it;
                                  on PostgreSQL it says to use pg_dump instead
  jobs run <job> [--at <ISO>] [--dry-run]
                                  run one pass of a scheduled job (checkins, pulse, digests, nudges) as of now or --at
  roster import <file.csv>        set people, managers, hours, budgets and roles (all or nothing)
  roster export                   the roster, in the import format, to stdout
  export entries [--from D] [--to D]  every entry as CSV to stdout
  db copy --from <sqlite file> --to <postgres url>
                                  move a whole SQLite deployment to an empty PostgreSQL database

  Many workspaces (SLACK_CLIENT_ID set, no SLACK_BOT_TOKEN): jobs, roster and export act on one
  installation, named with --team <team or enterprise id>.
`;

const COMMANDS: Record<string, CliCommand> = {
  async migrate(_args, { io }) {
    io.out('database is up to date');
    return 0;
  },
  async backup(args, { io, store, config }) {
    const file = args[0];
    if (!file) {
      io.err('backup needs a file: npm run ballast -- backup ./ballast-backup.db');
      return 2;
    }
    // Many workspaces on SQLite: each tenant's file too, in a tenants folder beside the backup.
    let plan: ReturnType<typeof tenantBackupPlan> = { tenants: [] };
    try {
      if (!config.databaseUrl) {
        if (config.oauth) plan = tenantBackupPlan(config.databasePath, file);
        fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
      }
      await store.backup(file);
      await backupTenantFiles(plan);
    } catch (e) {
      // PostgreSQL: the server's own tool does it; the error says which.
      if (e instanceof BackupNotSupportedError || e instanceof BackupRefusedError) {
        io.err(e.message);
        return 1;
      }
      throw e;
    }
    io.out(`backup written to ${file}`);
    if (plan.tenants.length > 0) io.out(`and ${plan.tenants.length} workspace(s) beside it: ${plan.tenants.map((t) => t.to).join(', ')}`);
    return 0;
  },
  ...dataCommands,
  jobs: jobsCommand,
};

/** Extra commands from later features register here (jobs, roster, export). */
export function registerCliCommand(name: string, command: CliCommand): void {
  COMMANDS[name] = command;
}

/**
 * Config the CLI needs: the database and, for commands that talk to Slack, the bot token. The app's own
 * environment decides the mode as it does for the app: with OAuth credentials and no bot token, many
 * workspaces (`config.oauth`); otherwise one, with a placeholder token when none is set.
 */
function cliConfig(env: Record<string, string | undefined>): Config {
  return loadConfig({
    ...(env.SLACK_CLIENT_ID ? {} : { SLACK_BOT_TOKEN: 'xoxb-cli-offline' }),
    SLACK_SIGNING_SECRET: 'cli-offline',
    ...env,
  });
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help') {
    io.out(USAGE);
    return name ? 0 : 2;
  }
  if (name === 'db') return dbCommand(args, io);
  const command = COMMANDS[name];
  if (!command) {
    io.err(`unknown command "${name}"\n${USAGE}`);
    return 2;
  }
  const teamArg = takeTeam(args);
  if (!teamArg.ok) {
    io.err(teamArg.message);
    return 2;
  }
  let config: Config;
  try {
    config = cliConfig(io.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      e.problems.forEach((p) => io.err(`config error: ${p}`));
      return 1;
    }
    throw e;
  }
  const many = config.oauth !== undefined;
  if (teamArg.team !== undefined && !(many && TEAM_COMMANDS.has(name))) {
    io.err(many ? `${name} acts on the whole deployment: it takes no --team` : '--team is for many-workspace mode (SLACK_CLIENT_ID set, no SLACK_BOT_TOKEN); with one workspace, leave it out');
    return 2;
  }
  let opened: Awaited<ReturnType<typeof openStoreFor>>;
  try {
    opened = await openStoreFor(config);
  } catch (e) {
    if (e instanceof DatabaseTooNewError) {
      io.err(e.message);
      return 1;
    }
    throw e;
  }
  const { store, migration: m } = opened;
  try {
    if (m.applied.length) io.err(`migrated ${m.from} → ${m.to}: ${m.applied.join(', ')}`);
    if (!(many && TEAM_COMMANDS.has(name))) return await command(teamArg.args, { io, store, config });
    if (teamArg.team === undefined) {
      const installed = (await store.installations.installed()).map((i) => i.tenantId);
      io.err(`many-workspace mode: say which installation with --team <id> (installed: ${installed.length ? installed.join(', ') : 'none yet'})`);
      return 2;
    }
    const team = await openTeam(config, store, teamArg.team);
    if (!team.ok) {
      io.err(team.message);
      return 1;
    }
    if (name === 'jobs' && !team.botToken && !teamArg.args.includes('--dry-run')) {
      await team.close();
      io.err(`${teamArg.team} is uninstalled, so there is no token to send with; add --dry-run to preview`);
      return 1;
    }
    try {
      // The installation's own token sends; an uninstalled one (still inside its retention period) has none.
      const env = { ...io.env, SLACK_BOT_TOKEN: team.botToken };
      const teamConfig = { ...config, botToken: team.botToken ?? config.botToken };
      return await command(teamArg.args, { io: { ...io, env }, store: team.store, config: teamConfig });
    } finally {
      await team.close();
    }
  } finally {
    await store.close();
  }
}

if (require.main === module) {
  // A signal lets a running pass finish the people it has claimed, then the command exits normally.
  let stopRequested = false;
  const requestStop = (signal: NodeJS.Signals) => {
    if (stopRequested) return;
    stopRequested = true;
    process.stderr.write(`ballast: ${signal} received; stopping after the work in flight\n`);
  };
  process.on('SIGTERM', requestStop);
  process.on('SIGINT', requestStop);
  const io: CliIo = {
    stopping: () => stopRequested,
    out: (l) => process.stdout.write(`${l}\n`),
    err: (l) => process.stderr.write(`${l}\n`),
    env: environment(),
    clock: systemClock,
  };
  runCli(process.argv.slice(2), io).then(
    (code) => process.exit(code),
    (e) => {
      process.stderr.write(`ballast: ${(e as Error).message}\n`);
      process.exit(1);
    },
  );
}
