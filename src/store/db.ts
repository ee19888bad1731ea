// Opening the SQLite file and bringing its schema up to date.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DatabaseTooNewError } from '../core/records';

export type Db = Database.Database;

export { DatabaseTooNewError } from '../core/records';

function migrationsDir(): string {
  // Compiled code lives one level deeper (dist/src/store) than the sources (src/store).
  const candidates = [path.resolve(__dirname, '..', '..', 'migrations'), path.resolve(__dirname, '..', '..', '..', 'migrations')];
  const found = candidates.find((d) => fs.existsSync(d));
  if (!found) throw new Error(`migrations folder not found (looked in ${candidates.join(', ')})`);
  return found;
}

/** Open (creating the folder if needed) with the pragmas Ballast relies on. */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // better-sqlite3 is synchronous: waiting on a lock stalls the whole process, acks included, and
  // Slack gives up on an ack after 3 seconds. A command may write up to three times (the delivery
  // record, the profile, the entry), so each wait must stay well under a second; SQLite writes take
  // milliseconds, so half a second covers honest contention (a CLI job in another process).
  db.pragma('busy_timeout = 500');
  return db;
}

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function loadMigrations(dir = migrationsDir()): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_.+\.sql$/.test(f))
    .sort()
    .map((name) => ({ version: Number(name.slice(0, 4)), name, sql: fs.readFileSync(path.join(dir, name), 'utf8') }))
    .map((m, i) => {
      if (m.version !== i + 1) throw new Error(`migration ${m.name} is out of sequence (expected ${i + 1})`);
      return m;
    });
}

export interface MigrationResult {
  from: number;
  to: number;
  applied: string[];
}

/** Apply pending migrations, one transaction each; refuse a database from the future. */
export function migrate(db: Db, migrations: Migration[] = loadMigrations()): MigrationResult {
  const codeVersion = migrations.length;
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > codeVersion) throw new DatabaseTooNewError(from, codeVersion);
  const applied: string[] = [];
  for (const m of migrations.slice(from)) {
    // Re-read inside the write lock: another process may have applied it a moment ago.
    const done = db.transaction(() => {
      if ((db.pragma('user_version', { simple: true }) as number) >= m.version) return false;
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
      return true;
    }).immediate();
    if (done) applied.push(m.name);
  }
  return { from, to: codeVersion, applied };
}
