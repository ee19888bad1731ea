// DATABASE_URL: PostgreSQL when set, refused clearly (without echoing it) when it is not a PostgreSQL URL.
import { ConfigError, loadConfig, secretsOf } from '../../src/config';

const env = { SLACK_BOT_TOKEN: 'xoxb-1-abc', SLACK_SIGNING_SECRET: 'secret-abcdef' };

it('uses PostgreSQL when DATABASE_URL is set, and SQLite at DATABASE_PATH when it is not', () => {
  expect(loadConfig(env)).toMatchObject({ databasePath: './data/ballast.db', databaseUrl: undefined });
  expect(loadConfig({ ...env, DATABASE_URL: 'postgres://ballast:pw@db:5432/ballast' }).databaseUrl).toBe('postgres://ballast:pw@db:5432/ballast');
  expect(loadConfig({ ...env, DATABASE_URL: 'postgresql://db/ballast' }).databaseUrl).toBe('postgresql://db/ballast');
  expect(loadConfig({ ...env, DATABASE_URL: '' }).databaseUrl).toBeUndefined();
});

it.each(['mysql://u:hunter22@db/ballast', 'hunter22', 'postgres://'])('refuses DATABASE_URL=%s in one line that does not repeat it', (url) => {
  let error: unknown;
  try {
    loadConfig({ ...env, DATABASE_URL: url });
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ConfigError);
  expect((error as ConfigError).problems).toEqual(['DATABASE_URL must be a PostgreSQL URL such as postgres://user:password@host:5432/ballast']);
  expect((error as ConfigError).message).not.toContain('hunter22');
});

it('counts the database password among the secrets kept out of logs', () => {
  const secrets = secretsOf(loadConfig({ ...env, DATABASE_URL: 'postgres://ballast:s%40cret-pw@db/ballast' }));
  expect(secrets).toEqual(expect.arrayContaining(['xoxb-1-abc', 'secret-abcdef', 's%40cret-pw', 's@cret-pw']));
});
