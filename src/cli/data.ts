// Ops CLI commands for the roster and data out: `roster import|export`, `export entries`.
import fs from 'node:fs';
import type { CliCommand, CliIo } from './types';
import type { Config } from '../config';
import type { Store } from '../services/store';
import type { Deps } from '../services/ports';
import { composeDeps, composeLogger } from '../composition';
import { exportRoster, importRoster } from '../services/roster';
import { announceBudgetChange } from '../services/budget';
import { budgetChangedMessage } from '../slack/blocks/budgetChange';
import { allEntriesCsv } from '../services/dataOut';
import { isIsoDate } from '../core/time';

/** The app's binding (composition.ts) with the CLI's clock; logs to stderr, quieter than the app's. */
export function cliDeps(io: CliIo, store: Store, config: Config): Deps {
  const log = composeLogger(config, {
    level: config.logLevel === 'info' ? 'warn' : config.logLevel,
    destination: { write: (s: string) => io.err(s.trimEnd()) },
  });
  return composeDeps({ config, store, clock: io.clock, log, stopping: io.stopping });
}

const ROSTER_USAGE = 'usage: npm run ballast -- roster import <file.csv> | roster export';

const roster: CliCommand = async (args, { io, store, config }) => {
  const [sub, file] = args;
  const deps = cliDeps(io, store, config);
  if (sub === 'export') {
    io.out((await exportRoster(deps)).trimEnd());
    return 0;
  }
  if (sub !== 'import' || !file) {
    io.err(ROSTER_USAGE);
    return 2;
  }
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    io.err(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    return 1;
  }
  const result = await importRoster(deps, text, {
    progress: (done, total) => io.err(`looked up ${done} of ${total} people`),
  });
  if (!result.ok) {
    for (const e of result.errors) io.err(`line ${e.line}: ${e.message}`);
    io.err(`roster not imported: ${result.errors.length} ${result.errors.length === 1 ? 'problem' : 'problems'}, nothing was changed`);
    return 1;
  }
  io.out(`roster imported: ${result.applied} people updated (${result.created} new to Ballast)`);
  // Everyone whose budget the file changed is told who (the roster), the new value and from which
  // week. The roster is already stored: a DM that fails is logged and counted, not a failed import.
  let told = 0;
  for (const change of result.budgetChanges) {
    if ((await announceBudgetChange(deps, change, budgetChangedMessage(change))).status === 'sent') told++;
  }
  if (result.budgetChanges.length > 0) {
    io.out(`told ${told} of ${result.budgetChanges.length} people whose budget changed`);
  }
  return 0;
};

const EXPORT_USAGE = 'usage: npm run ballast -- export entries [--from YYYY-MM-DD] [--to YYYY-MM-DD]';

const exportCommand: CliCommand = async (args, { io, store, config }) => {
  const [what, ...rest] = args;
  if (what !== 'entries') {
    io.err(EXPORT_USAGE);
    return 2;
  }
  let from = '0000-01-01';
  let to = '9999-12-31';
  for (let i = 0; i < rest.length; i += 2) {
    const flag = rest[i];
    const value = rest[i + 1];
    if ((flag !== '--from' && flag !== '--to') || value === undefined || !isIsoDate(value)) {
      io.err(`${flag} ${value ?? ''}: expected --from or --to with a date such as 2026-11-01`.replace(/ +/g, ' '));
      io.err(EXPORT_USAGE);
      return 2;
    }
    if (flag === '--from') from = value;
    else to = value;
  }
  if (from > to) {
    io.err(`--from ${from} is after --to ${to}`);
    return 2;
  }
  const deps = cliDeps(io, store, config);
  // CSV lines end in CRLF already; io.out adds its own line end, so keep the CR so records still end in CRLF.
  for await (const line of allEntriesCsv(deps, from, to)) io.out(line.slice(0, -1));
  return 0;
};

export const dataCommands: Record<string, CliCommand> = { roster, export: exportCommand };
