/**
 * Jest runs TypeScript through SWC (fast); `npm run typecheck` does the type checking. Two projects:
 * "sqlite" runs every suite; "postgres" runs the end-to-end suites again with each test app on a fresh
 * PostgreSQL database (BALLAST_TEST_DB=postgres, test/support/testDb.ts). Store and integration suites
 * cover both kinds themselves (test/support/storeKinds.ts). `npx jest --selectProjects sqlite` runs one.
 */
const common = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.(t|j)s$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
};

/** End-to-end suites that are about SQLite itself or already choose their database. */
const sqliteOnly = [
  'e2e/postgresApp', // PostgreSQL already, by its own DATABASE_URL
  'e2e/reliability/storageFaults', // SQLite's own faults: a locked file, a full disk, query_only
  'e2e/sandboxSlack', // the sandbox keeps its own SQLite file
];

module.exports = {
  // A global option: inside a project jest ignores it.
  testTimeout: 30000,
  projects: [
    { ...common, displayName: 'sqlite', testMatch: ['**/*.test.ts'] },
    {
      ...common,
      displayName: 'postgres',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', ...sqliteOnly.map((s) => `/test/${s}\\.test\\.ts$`)],
      setupFiles: ['<rootDir>/test/support/postgresProjectEnv.js'],
      setupFilesAfterEnv: ['<rootDir>/test/support/postgresProject.ts'],
    },
  ],
};
