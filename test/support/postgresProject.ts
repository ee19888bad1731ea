// setupFilesAfterEnv of the jest project "postgres": drop the databases this file's test apps used.
import { dropTestDatabases } from './testDb';

afterAll(async () => {
  await dropTestDatabases();
}, 60_000);
