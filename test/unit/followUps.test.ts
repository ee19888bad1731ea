// The follow-ups a listener runs after its ack: in order, each failure logged without stopping the
// rest, and tracked so shutdown (and tests) can wait for them.
import { Writable } from 'node:stream';
import { createLogger } from '../../src/logger';
import { afterAck, inFlight, runFollowUps } from '../../src/slack/listeners/followUps';

function logger() {
  const lines: Record<string, unknown>[] = [];
  const log = createLogger({
    level: 'info',
    destination: new Writable({
      write(chunk, _enc, done) {
        for (const l of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(l));
        done();
      },
    }),
  });
  return { log, lines };
}

it('runs follow-ups in order, logs a failure once and goes on with the rest', async () => {
  const { log, lines } = logger();
  const ran: string[] = [];
  await runFollowUps({}, log, [
    async () => { ran.push('dm'); },
    async () => { throw new Error('Slack said no'); },
    async () => { ran.push('home'); },
  ], 'a follow-up failed');
  expect(ran).toEqual(['dm', 'home']);
  expect(lines.filter((l) => l.msg === 'a follow-up failed')).toHaveLength(1);
});

it('settles only when every tracked follow-up, and work they start, has finished', async () => {
  const { log } = logger();
  const deps = { inFlight: inFlight() };
  const done: string[] = [];
  let release!: () => void;
  const gate = new Promise<void>((r) => { release = r; });
  void runFollowUps(deps, log, [async () => {
    await gate;
    void afterAck(deps, log, async () => { done.push('nested'); });
    done.push('first');
  }]);
  let settled = false;
  const waiting = deps.inFlight.settled().then(() => { settled = true; });
  await new Promise((r) => setImmediate(r));
  expect(settled).toBe(false);
  release();
  await waiting;
  expect(done.sort()).toEqual(['first', 'nested']);
});

it('settles at once when nothing runs, and never throws for a failed one', async () => {
  const { log } = logger();
  const deps = { inFlight: inFlight() };
  await afterAck(deps, log, async () => { throw new Error('boom'); });
  await expect(deps.inFlight.settled()).resolves.toBeUndefined();
});
