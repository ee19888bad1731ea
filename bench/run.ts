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
    failed = true;
  }
  process.exit(failed ? 1 : 0);
}

void main();
