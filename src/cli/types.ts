// What every ops CLI command gets: one floor below the commands and the runner, so neither imports the other.
import type { Config } from '../config';
import type { Clock } from '../services/ports';
import type { Store } from '../services/store';

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env: Record<string, string | undefined>;
  clock: Clock;
  /** True once the process was asked to stop (SIGTERM, SIGINT); long commands stop at a safe point. */
  stopping?: () => boolean;
}

export type CliCommand = (args: string[], ctx: { io: CliIo; store: Store; config: Config }) => Promise<number>;
