// Who needs a lighter week, read in one go from either kind of database: last week's minutes against
// last week's own budget, the pulse answers, each person judged in their own zone (issue 14, point 10).
import type { SlackProfile } from '../../src/core/model';
import type { Strain } from '../../src/core/types';
import { FROM_THE_START } from '../../src/core/budgetHistory';
import { composeDeps, composeLogger } from '../../src/composition';
import { lighterWeeks } from '../../src/services/lighterWeeks';
import type { SlackPort } from '../../src/services/ports';
import type { Store } from '../../src/services/store';
import { STORE_KINDS } from '../support/storeKinds';

// Monday 30 Nov 2026, 00:00 in Berlin; still Sunday 29 Nov, 15:00, in Los Angeles.
const MONDAY = Date.parse('2026-11-29T23:00:00Z');
const profile = (id: string, tz = 'Europe/Berlin'): SlackProfile => ({
  id, teamId: 'T1', name: id.toLowerCase(), realName: id, email: null, tz,
  isBot: false, deleted: false, statusText: '', statusEmoji: '', statusExpiration: 0,
});

describe.each(STORE_KINDS)('%s', (_kind, open) => {
  it('holds back exactly those who ended last week over, or said "pushed it back" in the last two pulses', async () => {
    const { store, close } = await open();
    try {
      const log = async (id: string, minutes: number, date: string, week: string) => {
        await store.entries.add({ personId: id, minutes, kind: 'post', date, weekKey: week, source: 'command' }, MONDAY - 86_400_000);
      };
      const answer = (id: string, week: string, a: Strain) => store.strain.record(id, week, a, MONDAY - 86_400_000);
      for (const id of ['UHOT', 'UOK', 'UCUT', 'UBACK', 'UOLD', 'UBIT']) await store.people.upsertProfile(profile(id), 1);
      await store.people.upsertProfile(profile('ULA', 'America/Los_Angeles'), 1);

      await log('UHOT', 626, '2026-11-26', '2026-W48'); // 261% of 4h last week
      await log('UOK', 200, '2026-11-26', '2026-W48'); // 83%: near, not over
      // A budget of 2h last week, 8h from this week on: 2h 30m was over last week's own budget.
      await store.people.setBudget('UCUT', 120, { fromWeek: FROM_THE_START, by: null, now: 1 });
      await store.people.setBudget('UCUT', 480, { fromWeek: '2026-W49', by: null, now: 2 });
      await log('UCUT', 150, '2026-11-26', '2026-W48');
      await answer('UBACK', '2026-W47', 'back'); // the pulse before last
      await answer('UOLD', '2026-W46', 'back'); // three pulses ago: no longer counts on its own
      await answer('UBIT', '2026-W48', 'bit');
      await answer('UBIT', '2026-W47', 'bit');
      await log('UBIT', 100, '2026-11-26', '2026-W48');
      // In Los Angeles it is still the week of 23 Nov: 10h 26m there is this week, not last.
      await log('ULA', 626, '2026-11-26', '2026-W48');

      const config = { botToken: 'xoxb-test-offline', apiUrl: 'http://127.0.0.1:9/', admins: [], logLevel: 'silent' as const };
      const deps = composeDeps({ config, store: store as unknown as Store, slack: {} as SlackPort, clock: { now: () => MONDAY }, log: composeLogger(config) });
      const people = await store.people.listActive();
      const held = await lighterWeeks(deps, people, MONDAY, await store.settings.get());
      expect([...held].sort()).toEqual(['UBACK', 'UCUT', 'UHOT']);
    } finally {
      await close();
    }
  });
});
