import { openStore } from '../src/store';
import { createLogger } from '../src/logger';
import { buildDigests, digestRequestsAt } from '../src/services/digests';
import type { Deps } from '../src/services/ports';
const { store } = openStore('/tmp/bench-keep/bench.db');
const cpu = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };
const M = Date.parse('2026-11-30T10:00:00Z');
const deps = { store, clock: { now: () => M }, log: createLogger({ level: 'silent' }), config: { admins: [] } } as unknown as Deps;
(async () => {
  for (let round = 0; round < 4; round++) {
    const settings = await store.settings.get();
    let s = cpu();
    const { requests } = await digestRequestsAt(deps, M, settings);
    console.log('requests cpu', (cpu() - s).toFixed(0), requests.length);
    s = cpu();
    const orig = store.reporting.eachWeekSum;
    let t = 0;
    store.reporting.eachWeekSum = async (...a) => { const x = cpu(); await orig(...a); t += cpu() - x; };
    const os = store.reporting.eachStrain; let u = 0;
    store.reporting.eachStrain = async (...a) => { const x = cpu(); await os(...a); u += cpu() - x; };
    await buildDigests(deps, requests, settings);
    console.log('build cpu', (cpu() - s).toFixed(0), 'of which weekSums', t.toFixed(0), 'strain', u.toFixed(0));
    store.reporting.eachWeekSum = orig; store.reporting.eachStrain = os;
  }
})();
