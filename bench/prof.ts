import { openStore } from '../src/store';
import { createLogger } from '../src/logger';
import { buildDigests, digestRequestsAt } from '../src/services/digests';
import type { Deps } from '../src/services/ports';
const { store } = openStore('/tmp/bench-keep/bench.db');
const M = Date.parse('2026-11-30T10:00:00Z');
const deps = { store, clock: { now: () => M }, log: createLogger({ level: 'silent' }), config: { admins: [] } } as unknown as Deps;
(async () => {
  for (let round = 0; round < 6; round++) {
    const settings = await store.settings.get();
    const { requests } = await digestRequestsAt(deps, M, settings);
    await buildDigests(deps, requests, settings);
  }
})();
