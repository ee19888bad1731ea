// The edge where unexpected errors are logged once and turned into words for the person.
import type { Log } from '../../logger';
import { SlackError } from '../../services/ports';
import { StorageError, type StorageErrorKind } from '../../services/store';
import { textReply, type Reply } from '../blocks/replies';

// The database cannot take the write right now (the store classified it): worth trying again. A
// constraint or an unknown failure is a bug, answered like any other unexpected error.
const UNAVAILABLE: ReadonlySet<StorageErrorKind> = new Set(['busy', 'full', 'readonly', 'unavailable', 'corrupt']);

export function isStorageError(err: unknown): err is StorageError {
  return err instanceof StorageError && UNAVAILABLE.has(err.kind);
}

export function failureReply(log: Log, err: unknown, what: string): Reply {
  if (isStorageError(err)) {
    log.error({ err, kind: err.kind, code: err.code }, `${what}: storage unavailable`);
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
