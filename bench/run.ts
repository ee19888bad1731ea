// `npm run bench`: every benchmark, each reporting ratios against a baseline measured in the same run.
// Pass names to run a subset: `npm run bench -- log`.
import { benchLog } from './log';
import { benchDigests } from './digests';

const BENCHES: Record<string, () => Promise<unknown>> = {
  log: () => benchLog(),
  digests: async () => {
    const r = await benchDigests();
    if (!r.passed) process.exitCode = 1;
  },
};

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  for (const [name, run] of Object.entries(BENCHES)) {
    if (wanted.length && !wanted.includes(name)) continue;
    await run();
  }
}

void main().then(() => process.exit(process.exitCode ?? 0));
