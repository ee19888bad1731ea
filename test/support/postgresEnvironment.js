// testEnvironment of the jest project "postgres": the databases the file's test apps used are dropped
// in the environment's teardown, which runs after every afterAll of the file, the file's own included.
// (An afterAll in a setup file runs before the file's own, so it would drop a database under an app
// still running.) test/support/testDb.ts lists them on the test global; the drop uses this module's
// own pg, since the file's modules can no longer be loaded once its tests are torn down.
const { TestEnvironment } = require('jest-environment-node');
const { Client } = require('pg');

class PostgresEnvironment extends TestEnvironment {
  async setup() {
    await super.setup();
    this.global.process.env.BALLAST_TEST_DB = 'postgres';
  }

  async teardown() {
    const made = this.global.__ballastTestDatabases ?? [];
    for (const { adminUrl, name } of made) {
      const c = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 10_000 });
      try {
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`);
      } catch (err) {
        process.stderr.write(`could not drop test database ${name}: ${err instanceof Error ? err.message : String(err)}\n`);
      } finally {
        await c.end().catch(() => {});
      }
    }
    await super.teardown();
  }
}

module.exports = PostgresEnvironment;
