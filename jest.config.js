/**
 * Jest runs TypeScript through SWC (fast); `npm run typecheck` does the type checking. Two projects:
 * "sqlite" runs every suite; "postgres" runs again, each on a fresh PostgreSQL database, every suite
 * whose test apps (test/support/app.ts) or job harness (test/support/jobs.ts) follow the project's
 * kind (BALLAST_TEST_DB=postgres, test/support/testDb.ts): the end-to-end suites and the integration
 * suites of the jobs. The store's own suites cover both kinds in one run (test/support/storeKinds.ts),
 * or are about SQLite itself. `npx jest --selectProjects sqlite` runs one project.
 */
const common = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.(t|j)s$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
};

/** Integration suites that follow the project's kind: the jobs, through the job harness. */
const bothKinds = [
  'integration/assignmentsStore', 'integration/budgetHistory', 'integration/checkinRules', 'integration/checkinZones',
  'integration/jobsCli', 'integration/pulseAndNudges', 'integration/scheduler', 'integration/warnings',
];

/** End-to-end suites that are about SQLite itself or already choose their database. */
const sqliteOnly = [
  'e2e/postgresApp', // PostgreSQL already, by its own DATABASE_URL
  'e2e/replicaRedelivery', // PostgreSQL already, its replicas on one database of their own
  'e2e/reliability/storageFaults', // SQLite's own faults: a locked file, a full disk, query_only
  'e2e/sandboxSlack', // the sandbox keeps its own SQLite file
  // Ballast's own processes started on a SQLite file the test reads back directly; the replica suites
  // (test/integration/replica*.test.ts) are their PostgreSQL counterparts.
  'e2e/startup', 'e2e/reliability/crashSafety', 'e2e/reliability/shutdown',
];

module.exports = {
  // A global option: inside a project jest ignores it.
  testTimeout: 30000,
  projects: [
    { ...common, displayName: 'sqlite', testMatch: ['**/*.test.ts'] },
    {
      ...common,
      displayName: 'postgres',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts', ...bothKinds.map((s) => `<rootDir>/test/${s}.test.ts`)],
      testPathIgnorePatterns: ['/node_modules/', ...sqliteOnly.map((s) => `/test/${s}\\.test\\.ts$`)],
      testEnvironment: '<rootDir>/test/support/postgresEnvironment.js',
    },
  ],
};
