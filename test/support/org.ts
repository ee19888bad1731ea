// Seeding people (in the fake Slack and the store) and their entries, for manager and admin tests.
import type { Kind, Role } from '../../src/core/types';
import { weekKey } from '../../src/core/time';
import type { TestApp } from './app';
import { recordMet } from '../../src/services/welcome';

export interface SeedPerson {
  id: string;
  tz?: string;
  name?: string;
  email?: string;
  managerId?: string;
  role?: Role;
  shareStrain?: boolean;
  paused?: boolean;
  /** Leave them un-welcomed, so their first contact brings the welcome DM (in a `newcomers` test app). */
  newcomer?: boolean;
}

export async function seedPerson(t: TestApp, p: SeedPerson): Promise<void> {
  const tz = p.tz ?? 'Europe/Berlin';
  const name = p.name ?? p.id.toLowerCase();
  if (!t.fake.user(p.id)) t.fake.addUser({ id: p.id, name, realName: name, tz, email: p.email });
  const store = t.ballast.store;
  await store.people.upsertProfile({
    id: p.id, teamId: t.fake.teamId, name, realName: name, email: p.email ?? null, tz, isBot: false, deleted: false,
    statusText: '', statusEmoji: '', statusExpiration: 0,
  }, t.clock.now());
  if (p.managerId) await store.people.setManager(p.id, p.managerId);
  if (p.role) await store.people.setRole(p.id, p.role);
  if (p.shareStrain) await store.people.setShareStrain(p.id, true);
  if (p.paused) await store.people.setPause(p.id, true, null);
  // Seeded people are people Ballast has met: no welcome DM in the middle of a test's exact DMs.
  if (!p.newcomer) await recordMet({ store, clock: t.clock }, p.id, 'test seed');
}

export async function seedEntry(
  t: TestApp, personId: string, date: string, minutes: number, kind: Kind = 'respond', extra: { note?: string; link?: string } = {},
): Promise<number> {
  const { entry } = await t.ballast.store.entries.add(
    { personId, minutes, kind, date, weekKey: weekKey(date), source: 'command', note: extra.note ?? null, link: extra.link ?? null },
    t.clock.now(),
  );
  return entry.id;
}

/** Every text the app sent anywhere (messages, acks, homes, files), for "this never leaks" checks. */
export function everythingSent(t: TestApp): string {
  return JSON.stringify(t.fake.calls.map((c) => c.args));
}
