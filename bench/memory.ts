// Peak memory (RSS) of one process fanning out check-ins to 5,000 people, measured by the kernel
// (process.resourceUsage().maxRSS) in a child process that does nothing else: the people are written
// beforehand by this process, and the fake Slack runs in a third one. The same child doing no pass
// (modules loaded, store open) is measured too, so the pass's own share is told apart from the floor.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { openConfiguredStore } from '../src/composition';
import { AT, ZONES, startFakeProcess } from './checkins';
import { startScriptFlags } from './nodeFlags';

interface PassFigures { maxRssMb: number; sent: number; failed: number; seconds: number; heapUsedMb: number }

/**
 * The measured process runs plain JavaScript under plain node, as production does (`npm start` runs
 * the compiled build): memoryPass.ts compiled into one file, its packages left to node_modules. Under
 * tsx the same process carries the compiler too (about 25 MB more).
 */
function compiled(): string {
  // In dist/bench/ (gitignored, beside the app's build), where the store finds ../../migrations.
  const outfile = path.resolve(__dirname, '..', 'dist', 'bench', 'memoryPass.js');
  buildSync({ entryPoints: [path.join(__dirname, 'memoryPass.ts')], bundle: true, platform: 'node', format: 'cjs', packages: 'external', outfile, logLevel: 'warning' });
  return outfile;
}

function measure(script: string, mode: 'pass' | 'idle', dbFile: string, apiUrl: string, token: string, nodeArgs: string[]): Promise<PassFigures> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, script, mode, dbFile, apiUrl, token, String(AT)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as PassFigures) : reject(new Error(`memory pass exited with ${code}`))));
  });
}

export async function benchMemory(opts: { people?: number; perSecond?: number; nodeArgs?: string[] } = {}): Promise<PassFigures> {
  const people = opts.people ?? 5000;
  const perSecond = opts.perSecond ?? 400;
  const nodeArgs = opts.nodeArgs ?? (process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ') : []);
  const fake = await startFakeProcess();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ballast-bench-mem-'));
  const dbFile = path.join(dir, 'bench.db');
  try {
    const ids = Array.from({ length: people }, (_, i) => `U${String(i).padStart(6, '0')}M`);
    await fake.ask({ users: ids.map((id, i) => ({ id, tz: ZONES[i % ZONES.length] })) });
    const { store, raw } = openConfiguredStore({ databasePath: dbFile });
    raw.db.transaction(() => {
      ids.forEach((id, i) => {
        void store.people.upsertProfile({
          id, teamId: fake.teamId, name: id, realName: id, email: null, tz: ZONES[i % ZONES.length], isBot: false, deleted: false,
          statusText: '', statusEmoji: '', statusExpiration: 0,
        }, AT);
        void store.people.setCheckin(id, '09:00', [1, 2, 3, 4, 5], true);
      });
    })();
    await store.close();
    // The second pass needs the people not yet claimed: a copy of the database as prepared.
    const dbCopy = path.join(dir, 'bench-2.db');
    fs.copyFileSync(dbFile, dbCopy);
    await fake.ask({ rate: { method: 'chat.postMessage', perSecond } });
    const script = compiled();
    const production = startScriptFlags();
    const idle = await measure(script, 'idle', dbFile, fake.apiUrl, fake.token, nodeArgs);
    const plain = await measure(script, 'pass', dbFile, fake.apiUrl, fake.token, nodeArgs);
    const pass = await measure(script, 'pass', dbCopy, fake.apiUrl, fake.token, [...production, ...nodeArgs]);
    console.log(`\nmemory: one process, one check-in pass to ${people} people (chat.postMessage limited to ${perSecond}/s)${nodeArgs.length ? `, node ${nodeArgs.join(' ')}` : ''}`);
    console.log(`  same process without the pass (modules loaded, store open): peak RSS ${idle.maxRssMb.toFixed(0)} MB`);
    console.log(`  with the pass, node's defaults: sent ${plain.sent}, failed ${plain.failed} in ${plain.seconds.toFixed(1)} s; peak RSS ${plain.maxRssMb.toFixed(0)} MB, heap at the end ${plain.heapUsedMb.toFixed(0)} MB`);
    console.log(`  with the pass, as npm start and the Docker image run it (${production.join(' ')}): sent ${pass.sent}, failed ${pass.failed} in ${pass.seconds.toFixed(1)} s; peak RSS ${pass.maxRssMb.toFixed(0)} MB (target <= 150), heap at the end ${pass.heapUsedMb.toFixed(0)} MB`);
    return pass;
  } finally {
    fake.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) void benchMemory();
