// The sandbox's small company: people in the fake Slack and in Ballast's store, reporting lines, roles and two weeks of history.
import type { Store } from '../src/services/store';
import type { Kind, Network, Role } from '../src/core/types';
import { addDays, localDate, weekKey } from '../src/core/time';
import { FROM_THE_START } from '../src/core/budgetHistory';
import type { FakeSlack } from '../test/support/fakeSlack';

export interface SeedPerson {
  id: string;
  name: string;
  realName: string;
  title: string;
  tz: string;
  role: Role;
  managerId: string | null;
  weeklyHours: number;
  /** [days ago, minutes, kind, network]; never today, so today's check-in still goes out. */
  history: [number, number, Kind, Network | null][];
}

// Nine people in six time zones. Ben is a 20-hour part-timer running hot, Chiara mostly posts, Dev is
// crowded out, Emi has gone quiet: each gives a Ballast feature something to say.
export const COMPANY: SeedPerson[] = [
  {
    id: 'U100ADA', name: 'ada', realName: 'Ada Lindqvist', title: 'Developer advocate', tz: 'Europe/Berlin',
    role: 'none', managerId: 'U200MAR', weeklyHours: 40,
    history: [[1, 30, 'respond', 'linkedin'], [2, 20, 'comment', 'x'], [3, 15, 'share', 'linkedin'], [6, 45, 'respond', 'reddit'], [8, 30, 'post', 'blog'], [9, 20, 'comment', 'linkedin']],
  },
  {
    id: 'U101BEN', name: 'ben', realName: 'Ben Okafor', title: 'Support engineer (part-time)', tz: 'Europe/London',
    role: 'none', managerId: 'U200MAR', weeklyHours: 20,
    history: [[1, 40, 'respond', 'x'], [2, 35, 'comment', 'mastodon'], [3, 25, 'respond', 'x'], [7, 60, 'respond', 'x'], [8, 50, 'comment', 'bluesky'], [9, 45, 'share', 'x']],
  },
  {
    id: 'U102CHI', name: 'chiara', realName: 'Chiara Mendes', title: 'Product marketing', tz: 'America/Sao_Paulo',
    role: 'none', managerId: 'U200MAR', weeklyHours: 40,
    history: [[1, 60, 'post', 'instagram'], [2, 45, 'post', 'linkedin'], [4, 10, 'comment', 'linkedin'], [8, 50, 'post', 'tiktok'], [10, 40, 'post', 'youtube']],
  },
  {
    id: 'U103DEV', name: 'dev', realName: 'Dev Raman', title: 'Solutions engineer', tz: 'America/New_York',
    role: 'none', managerId: 'U201NIA', weeklyHours: 40,
    history: [[1, 90, 'respond', 'forum'], [2, 120, 'respond', 'reddit'], [3, 60, 'comment', 'linkedin'], [7, 150, 'respond', 'forum'], [8, 120, 'monitor', 'reddit'], [9, 110, 'respond', 'x']],
  },
  {
    id: 'U104EMI', name: 'emi', realName: 'Emi Sato', title: 'Community engineer', tz: 'Asia/Tokyo',
    role: 'none', managerId: 'U201NIA', weeklyHours: 40,
    history: [],
  },
  {
    id: 'U200MAR', name: 'marta', realName: 'Marta Kowalska', title: 'Engineering manager', tz: 'Europe/Berlin',
    role: 'none', managerId: 'U400ALX', weeklyHours: 40,
    history: [[2, 15, 'share', 'linkedin'], [9, 20, 'comment', 'linkedin']],
  },
  {
    id: 'U201NIA', name: 'nia', realName: 'Nia Brooks', title: 'Support manager', tz: 'America/New_York',
    role: 'none', managerId: 'U400ALX', weeklyHours: 40,
    history: [[3, 20, 'respond', 'x']],
  },
  {
    id: 'U300SOL', name: 'sol', realName: 'Sol Navarro', title: 'Social media lead', tz: 'America/Los_Angeles',
    role: 'lead', managerId: 'U400ALX', weeklyHours: 40,
    history: [],
  },
  {
    id: 'U400ALX', name: 'alex', realName: 'Alex Meyer', title: 'COO (Ballast admin)', tz: 'Europe/London',
    role: 'admin', managerId: null, weeklyHours: 40,
    history: [],
  },
];

/** Adds everyone to the fake Slack and to the store, as if Ballast had met them already. */
export async function seedCompany(fake: FakeSlack, store: Store, nowMs: number): Promise<void> {
  for (const p of COMPANY) {
    fake.addUser({ id: p.id, name: p.name, realName: p.realName, displayName: p.realName.split(' ')[0], tz: p.tz, email: `${p.name}@example.com` });
    await store.people.upsertProfile(
      {
        id: p.id, teamId: fake.teamId, name: p.name, realName: p.realName, email: `${p.name}@example.com`, tz: p.tz,
        isBot: false, deleted: false, statusText: '', statusEmoji: '', statusExpiration: 0,
      },
      nowMs,
    );
    await store.people.setHours(p.id, p.weeklyHours, { fromWeek: FROM_THE_START, by: null, now: nowMs });
    await store.people.setRole(p.id, p.role);
  }
  for (const p of COMPANY) await store.people.setManager(p.id, p.managerId);
  for (const p of COMPANY) {
    const today = localDate(nowMs, p.tz);
    for (const [ago, minutes, kind, network] of p.history) {
      const date = addDays(today, -ago);
      await store.entries.add({ personId: p.id, minutes, kind, network, date, weekKey: weekKey(date), source: 'command' }, nowMs - ago * 86_400_000);
    }
  }
}

/** A public channel with customer posts, for trying the "Assign to an advocate" message shortcut. */
export const COMMUNITY_CHANNEL = { id: 'C0COMMUNITY', name: 'community-feed' };
export const COMMUNITY_POSTS = [
  { ts: '1700000001.000100', author: 'Priya (customer)', text: 'Has anyone got the webhook retries working with the new SDK? Our jobs keep timing out.' },
  { ts: '1700000002.000100', author: 'Tom (partner)', text: 'Loved the migration guide! Is there a recording of last week\'s livestream?' },
  { ts: '1700000003.000100', author: 'Lena (prospect)', text: 'Comparing you with two other vendors on LinkedIn: how do you handle data residency in the EU?' },
];
