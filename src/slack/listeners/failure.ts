// The edge where unexpected errors are logged once and turned into words for the person.
import type { Log } from '../../logger';
import { SlackError } from '../../services/ports';
import { textReply, type Reply } from '../blocks/replies';

const STORAGE_CODES = new Set(['SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_READONLY', 'SQLITE_FULL', 'SQLITE_IOERR', 'SQLITE_CANTOPEN']);

export function isStorageError(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' && [...STORAGE_CODES].some((c) => code.startsWith(c));
}

export function failureReply(log: Log, err: unknown, what: string): Reply {
  if (isStorageError(err)) {
    log.error({ err, code: (err as { code: string }).code }, `${what}: storage unavailable`);
    return textReply(
      ":floppy_disk: Ballast couldn't save that just now (its database is busy or unavailable). Nothing was recorded; please try again in a minute.",
    );
  }
  if (err instanceof SlackError) {
    log.error({ code: err.code, method: err.method }, `${what}: Slack refused a call`);
    return textReply(`Slack refused a request Ballast made (${err.code}). Please try again in a minute.`);
  }
  log.error({ err }, what);
  return textReply('Something went wrong on our side and it has been logged. Please try again in a minute.');
}
