// `npm run bench`: every benchmark, one after another; each prints its own figures.
import { benchCheckins } from './checkins';

async function main(): Promise<void> {
  const checkins = await benchCheckins({
    people: Number(process.env.BENCH_CHECKINS_PEOPLE ?? 5000),
    perSecond: Number(process.env.BENCH_CHECKINS_RATE ?? 400),
  });
  let failed = checkins.duplicates > 0 || checkins.losses > 0;
  if (checkins.ratio > 1.25) {
    process.stdout.write('  check-ins: above the 1.25 target\n');
    // On a machine too slow to reach the limit, the figure that judges the sending is the ratio to
    // what it can reach; the plain ratio is still printed above.
    failed = failed || (checkins.ratioToAchievable ?? checkins.ratio) > 1.25;
  }
  process.exit(failed ? 1 : 0);
}

void main();
