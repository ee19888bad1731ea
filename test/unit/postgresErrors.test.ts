// Which PostgreSQL failures the listeners answer with "try again" (the database is busy or away) rather
// than as a bug, and the StorageError kind each becomes at the store's edge.
import { StorageError } from '../../src/services/store';
import { classifyPostgres } from '../../src/store/postgres/errors';
import { isStorageError } from '../../src/slack/listeners/failure';
import { createPostgresStore } from '../../src/store/postgres';
import { openPool } from '../../src/store/postgres/db';

/** What the server sends: a SQLSTATE with a severity (node-postgres's DatabaseError). */
const withCode = (code: string) => Object.assign(new Error('x'), { code, severity: 'ERROR' });
const errno = (code: string) => Object.assign(new Error(code), { code });

// What each failure becomes at the store's edge (null: left as it is, a bug), and whether the
// listeners then answer "try again".
it.each([
  ['a deadlock', withCode('40P01'), 'busy', true],
  ['a serialization failure', withCode('40001'), 'busy', true],
  ['a lock not available', withCode('55P03'), 'busy', true],
  ['a statement timeout', withCode('57014'), 'busy', true],
  ['a full disk', withCode('53100'), 'full', true],
  ['a read-only transaction (a standby)', withCode('25006'), 'readonly', true],
  ['a role that may only read', withCode('42501'), 'readonly', true],
  ['corrupted data', withCode('XX001'), 'corrupt', true],
  ['a server shutting down', withCode('57P01'), 'unavailable', true],
  ['a server starting or failing over', withCode('57P03'), 'unavailable', true],
  ['too many connections', withCode('53300'), 'unavailable', true],
  ['a connection failure', withCode('08006'), 'unavailable', true],
  ['an I/O error on the server', withCode('58030'), 'unavailable', true],
  ['a password rotated under the app', withCode('28P01'), 'unavailable', true],
  ['a database that is gone', withCode('3D000'), 'unavailable', true],
  ['a refused socket', errno('ECONNREFUSED'), 'unavailable', true],
  ['a dropped connection', new Error('Connection terminated unexpectedly'), 'unavailable', true],
  ['a pool that could not connect in time', new Error('timeout exceeded when trying to connect'), 'unavailable', true],
  ['a read that timed out', new Error('Query read timeout'), 'unavailable', true],
  ['a broken CHECK', withCode('23514'), 'constraint', false],
  ['a unique violation', withCode('23505'), 'constraint', false],
  ['a syntax error (a bug)', withCode('42601'), 'unknown', false],
  ['a file system errno, not the server', errno('EROFS'), null, false],
  ['an error without a code', new Error('boom'), null, false],
  ['not an error at all', 'boom', null, false],
] as const)('classifies %s, keeping the code and the cause', (_what, err, kind, tryAgain) => {
  const out = classifyPostgres(err);
  if (kind === null) {
    expect(out).toBe(err);
  } else {
    expect(out).toBeInstanceOf(StorageError);
    expect(out).toMatchObject({ kind, message: (err as Error).message, cause: err });
    if (typeof err === 'object' && 'code' in err) expect((out as StorageError).code).toBe(err.code);
  }
  expect(isStorageError(out)).toBe(tryAgain);
});

it('leaves a bug without a code, a Node errno, and a StorageError, as they are', () => {
  const bug = new TypeError('x is undefined');
  expect(classifyPostgres(bug)).toBe(bug);
  const eperm = errno('EPERM');
  expect(classifyPostgres(eperm)).toBe(eperm);
  const done = new StorageError('busy', '40P01', 'deadlock');
  expect(classifyPostgres(done)).toBe(done);
});

it('throws what the driver says when nothing listens as an unavailable StorageError, from ping and from every group', async () => {
  const gone = createPostgresStore(openPool('postgres://ballast:pw@127.0.0.1:9/ballast'));
  try {
    const ping = await gone.ping().catch((e: unknown) => e);
    expect(ping).toBeInstanceOf(StorageError);
    expect(ping).toMatchObject({ kind: 'unavailable' });
    const calls = [gone.people.get('U1'), gone.entries.allOf('U1'), gone.settings.get(), gone.installations.installed()];
    for (const failed of await Promise.all(calls.map((c) => c.then(() => null, (e: unknown) => e)))) {
      expect(failed).toBeInstanceOf(StorageError);
      expect(failed).toMatchObject({ kind: 'unavailable' });
      expect(String((failed as Error).message)).not.toContain('pw@');
    }
    const page = await (async () => {
      for await (const _e of gone.reporting.iterateEntries('2026-01-01', '2026-12-31')) return null;
      return null;
    })().catch((e: unknown) => e);
    expect(page).toBeInstanceOf(StorageError);
  } finally {
    await gone.close();
  }
});
