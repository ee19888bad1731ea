// Job functions against a real database and the fake Slack, through the real SlackPort and WebClient: a
// SQLite file, or in the jest project "postgres" a fresh PostgreSQL database (test/support/testDb.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { WebClient } from '@slack/web-api';
import { composeDeps } from '../../src/composition';
import type { Store } from '../../src/services/store';
import { createLogger } from '../../src/logger';
import { webClientOptions } from '../../src/slack/webApi';
import type { Deps } from '../../src/services/ports';
import type { Person } from '../../src/core/model';
import type { HHMM, IsoDate, Weekday } from '../../src/core/types';
import { startFakeSlack, type FakeMessage, type FakeSlack } from './fakeSlack';
import { TestClock } from './app';
import { openTestStore } from './testDb';

export interface PersonSeed {
  id: string;
  tz: string;
  checkinTime?: HHMM;
  checkinDays?: Weekday[];
  statusText?: string;
  statusEmoji?: string;
  managerId?: string;
}

export interface JobsHarness {
  fake: FakeSlack;
  store: Store;
  deps: Deps;
  clock: TestClock;
  dir: string;
  dbPath: string;
  /** The database variables of this harness's store (DATABASE_URL on PostgreSQL), for CLI runs. */
  dbEnv: Record<string, string>;
  logs: Record<string, unknown>[];
  addPerson(seed: PersonSeed): Promise<Person>;
  person(id: string): Promise<Person>;
  checkinsTo(userId: string): FakeMessage[];
  close(): Promise<void>;
}

export async function startJobsHarness(opts: { now?: string; fake?: FakeSlack } = {}): Promise<JobsHarness> {
  const fake = opts.fake ?? (await startFakeSlack());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ballast-jobs-'));
  const { store, dbPath, dbEnv } = await openTestStore(dir);
  const clock = new TestClock(Date.parse(opts.now ?? '2026-11-26T10:00:00Z'));
  const logs: Record<string, unknown>[] = [];
  const log = createLogger({
    level: 'info',
    destination: new Writable({
      write(chunk, _enc, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) logs.push(JSON.parse(line));
        done();
      },
    }),
  });
  // The production client options: retries, backoff and Retry-After handling are part of what is tested.
  const client = new WebClient(fake.token, webClientOptions(fake.apiUrl, {
    logger: { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel: () => 'error' as never, setName() {} },
  }));
  const deps: Deps = composeDeps({ config: { botToken: fake.token, apiUrl: fake.apiUrl, admins: [], logLevel: 'info' }, store, clock, log, client });

  return {
    fake, store, deps, clock, dir, dbPath, dbEnv, logs,
    async addPerson(s) {
      fake.addUser({ id: s.id, tz: s.tz, statusText: s.statusText, statusEmoji: s.statusEmoji });
      await store.people.upsertProfile({
        id: s.id, teamId: fake.teamId, name: s.id.toLowerCase(), realName: s.id, email: null, tz: s.tz, isBot: false,
        deleted: false, statusText: s.statusText ?? '', statusEmoji: s.statusEmoji ?? '', statusExpiration: 0,
      }, clock.now());
      if (s.checkinTime || s.checkinDays) {
        await store.people.setCheckin(s.id, s.checkinTime ?? null, s.checkinDays ?? [1, 2, 3, 4, 5], true);
      }
      if (s.managerId) await store.people.setManager(s.id, s.managerId);
      return (await store.people.get(s.id))!;
    },
    async person(id) {
      return (await store.people.get(id))!;
    },
    checkinsTo(userId) {
      return fake.messagesTo(userId).filter((m) => (m.text ?? '').startsWith('Any social engagement'));
    },
    async close() {
      await store.close();
      if (!opts.fake) await fake.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Local dates of the given ISO instants' claims, for asserting "one per day". */
export function localDay(ms: number, tz: string): IsoDate {
  return new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
}
