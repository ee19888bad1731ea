// setupFiles of the jest project "postgres": test apps run on PostgreSQL (test/support/testDb.ts).
process.env.BALLAST_TEST_DB = 'postgres';
