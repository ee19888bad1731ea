// The welcome DM in tests. Most tests assert exact DMs and predate the welcome, so the test app treats
// everyone in the fake Slack as already welcomed unless a test asks for newcomers
// (`startTestApp({ newcomers: true })`; then `seedPerson` still marks whom it seeds, unless `newcomer: true`).
import type { Store } from '../../src/services/store';
import { recordMet, WELCOME_JOB } from '../../src/services/welcome';
import * as db from './db';
import type { FakeSlack } from './fakeSlack';
import type { TestApp } from './app';

/**
 * Marks every user of the fake Slack, now and as they are added, as welcomed. Returns a function that
 * resolves once the marks made so far are stored (the test client waits for it before each request).
 */
export function everyoneMet(fake: FakeSlack, store: Store, clock: { now(): number }): () => Promise<void> {
  let pending: Promise<void> = Promise.resolve();
  const mark = (id: string): void => {
    // A test that locks or breaks the database on purpose must not fail on a mark: unmarked, that
    // person is simply a newcomer.
    pending = pending.then(() => recordMet({ store, clock }, id, 'test seed')).catch(() => undefined);
  };
  for (const id of fake.userIds()) mark(id);
  const add = fake.addUser.bind(fake);
  fake.addUser = (input) => {
    const user = add(input);
    mark(user.id);
    return user;
  };
  return () => pending;
}

/** Makes one person a newcomer again: their welcome mark (if any) removed, so their next contact brings it. */
export async function makeNewcomer(t: TestApp, userId: string): Promise<void> {
  await t.welcomeMarks();
  await db.run(t, 'DELETE FROM claims WHERE job = ? AND subject = ?', WELCOME_JOB, userId);
}

/** The welcome DMs the fake Slack received, in order. */
export function welcomesSent(t: TestApp): { channel: string; text: string; blocks: unknown[] }[] {
  return t.fake.callsTo('chat.postMessage')
    .map((c) => c.args as { channel: string; text: string; blocks: unknown[] })
    .filter((a) => a.text.startsWith('Welcome to Ballast'));
}
