// Which PostgreSQL failures count as "storage unavailable" (try again) rather than a bug.
import { isPostgresUnavailable } from '../../src/store/postgres/errors';
import { createPostgresStore } from '../../src/store/postgres';
import { openPool } from '../../src/store/postgres/db';

const withCode = (code: string) => Object.assign(new Error('x'), { code });

it.each([
  ['a deadlock', withCode('40P01'), true],
  ['a serialization failure', withCode('40001'), true],
  ['a server shutting down', withCode('57P01'), true],
  ['a server starting or failing over', withCode('57P03'), true],
  ['too many connections', withCode('53300'), true],
  ['a connection failure', withCode('08006'), true],
  ['a refused socket', withCode('ECONNREFUSED'), true],
  ['a dropped connection', new Error('Connection terminated unexpectedly'), true],
  ['a pool that could not connect in time', new Error('timeout exceeded when trying to connect'), true],
  ['a broken CHECK', withCode('23514'), false],
  ['a unique violation', withCode('23505'), false],
  ['a syntax error (a bug)', withCode('42601'), false],
  ['an error without a code', new Error('boom'), false],
  ['not an error at all', 'boom', false],
])('classifies %s', (_what, err, unavailable) => {
  expect(isPostgresUnavailable(err)).toBe(unavailable);
});

it('classifies what the driver really throws when nothing listens', async () => {
  const gone = createPostgresStore(openPool('postgres://ballast:pw@127.0.0.1:9/ballast'));
  const err = await gone.ping().catch((e: unknown) => e);
  await gone.close();
  expect(isPostgresUnavailable(err)).toBe(true);
});
