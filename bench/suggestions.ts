// How long `/ballast assign <link>` takes to rank a whole workspace, against a baseline of merely listing
// the people in it, in the same run. `npm run bench -- suggestions`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { composeDeps, composeLogger, openConfiguredStore } from '../src/composition';
import { suggestAdvocates } from '../src/services/assignments';
import type { Deps, SlackPort } from '../src/services/ports';
import { addDays, localDate, weekKey } from '../src/core/time';

export async function benchSuggestions(n = 2000): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ballast-bench-'));
  const { store } = openConfiguredStore({ databasePath: path.join(dir, 'bench.db') });
  const now = Date.parse('2026-11-26T10:00:00Z');
  const date = localDate(now, 'Europe/Berlin');
  // Last week and its pulse feed the capacity rule ("needs a lighter week"): some ended over budget,
  // some said the work pushed their core work back.
  const lastWeek = addDays(date, -7);
  for (let i = 0; i < n; i++) {
    const id = `U${String(i).padStart(6, '0')}`;
    await store.people.upsertProfile({
      id, teamId: 'T1', name: id, realName: id, email: null, tz: 'Europe/Berlin', isBot: false, deleted: false,
      statusText: '', statusEmoji: '', statusExpiration: 0,
    }, now);
    for (let e = 0; e < 5; e++) {
      await store.entries.add({ personId: id, minutes: (i * 7 + e * 13) % 60 + 1, kind: 'respond', date, weekKey: weekKey(date), source: 'command' }, now);
    }
    if (i % 4 === 0) {
      await store.entries.add({ personId: id, minutes: 250, kind: 'post', date: lastWeek, weekKey: weekKey(lastWeek), source: 'command' }, now);
    }
    if (i % 5 === 0) await store.strain.record(id, weekKey(lastWeek), i % 10 === 0 ? 'back' : 'bit', now);
    if (i % 3 === 0) {
      await store.assignments.create({ leadId: 'U000000', assigneeId: id, link: `https://x.com/${i}`, brief: null, estimateMinutes: 20, dueAt: now + 3_600_000 }, now);
    }
  }
  const config = { botToken: 'xoxb-bench-offline', apiUrl: 'http://127.0.0.1:9/', admins: [], logLevel: 'silent' as const };
  const deps: Deps = composeDeps({ config, store, slack: {} as SlackPort, clock: { now: () => now }, log: composeLogger(config) });
  const lead = (await store.people.get('U000000'))!;

  const time = async (fn: () => Promise<unknown>, runs = 5): Promise<number> => {
    await fn();
    const t0 = performance.now();
    for (let i = 0; i < runs; i++) await fn();
    return (performance.now() - t0) / runs;
  };
  const baseline = await time(() => store.people.listActive());
  const ranked = await time(() => suggestAdvocates(deps, lead));
  process.stdout.write(`people: ${n}\nbaseline (list active people): ${baseline.toFixed(1)} ms\n` +
    `suggestAdvocates: ${ranked.toFixed(1)} ms (${(ranked / baseline).toFixed(1)}x baseline)\n`);
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

