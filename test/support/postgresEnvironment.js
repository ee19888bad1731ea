// testEnvironment of the jest project "postgres": the databases the file's test apps used are dropped
// in the environment's teardown, which runs after every afterAll of the file, the file's own included.
// (An afterAll in a setup file runs before the file's own, so it would drop a database under an app
// still running.) test/support/testDb.ts leaves the drop on the test global.
const { TestEnvironment } = require('jest-environment-node');

class PostgresEnvironment extends TestEnvironment {
  async setup() {
    await super.setup();
    this.global.process.env.BALLAST_TEST_DB = 'postgres';
  }

  async teardown() {
    const drop = this.global.__ballastDropTestDatabases;
    if (typeof drop === 'function') await drop();
    await super.teardown();
  }
}

module.exports = PostgresEnvironment;
