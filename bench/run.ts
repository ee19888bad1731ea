// `npm run bench`: every benchmark, each printing its own figures; exits non-zero if one fails its limit.
import { benchDigests } from './digests';

async function main(): Promise<void> {
  const results = [{ name: 'digests', ...(await benchDigests()) }];
  const failed = results.filter((r) => !r.passed);
  if (failed.length) {
    console.error(`failed: ${failed.map((r) => r.name).join(', ')}`);
    process.exit(1);
  }
}

void main();
