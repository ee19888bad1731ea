// One Slack rate-limit budget shared through the database (migration 0005): a 429 with Retry-After that
// one client saw holds back another client on the same store, for that method and channel; a limit seen
// on two channels of a method at once holds the whole method. Two WebClients stand for two replicas;
// each runs on SQLite and on PostgreSQL. The control (no shared holds) earns the 429 the holds prevent.
import { WebClient } from '@slack/web-api';
import { sharedHoldsFetch, webClientOptions } from '../../src/slack/webApi';
import type { SlackHoldsStore } from '../../src/services/store';
import { startFakeSlack, type FakeSlack } from '../support/fakeSlack';
import { STORE_KINDS, type OpenedStore } from '../support/storeKinds';

/** The wall clock the holds are kept in (the replicas' shared time, as Retry-After is). */
const wallNow = (): number => performance.timeOrigin + performance.now();

const quiet = { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel: () => 'error' as never, setName() {} };

function client(fake: FakeSlack, holds?: SlackHoldsStore): WebClient {
  return new WebClient(fake.token, webClientOptions(fake.apiUrl, {
    logger: quiet, ...(holds ? { fetch: sharedHoldsFetch(fake.apiUrl, holds) } : {}),
  }));
}

const post = (c: WebClient, channel: string) => c.chat.postMessage({ channel, text: 'hello' });
const limited = (fake: FakeSlack) => fake.calls.filter((c) => c.status === 429).length;

/** Wait until the replica that got the 429 has written its hold (it does so before the client sees the 429). */
async function holdStands(holds: SlackHoldsStore, method: string, channel: string): Promise<number> {
  for (const deadline = wallNow() + 5000; wallNow() < deadline;) {
    const until = await holds.heldUntil(method, channel, wallNow());
    if (until !== null) return until;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`no hold on ${method} ${channel}`);
}

describe.each(STORE_KINDS)('shared Slack holds on %s', (_kind, open) => {
  let opened: OpenedStore;
  let fake: FakeSlack;
  beforeEach(async () => {
    opened = await open();
    fake = await startFakeSlack();
    for (const id of ['U1ADA', 'U2BO', 'U3CY', 'U4DI', 'U5ED']) fake.addUser({ id });
  });
  afterEach(async () => {
    await fake.close();
    await opened.close();
  });

  it('holds the other replica back on the channel a 429 answered, and only there', async () => {
    const holds = opened.store.slackHolds;
    const [a, b] = [client(fake, holds), client(fake, holds)];
    // Two posts per channel per 2 s.
    fake.enforceWindow({ method: 'chat.postMessage', limit: 2, windowMs: 2000, perChannel: true });
    await post(a, 'U1ADA');
    await post(a, 'U1ADA');
    // A's third post is answered 429 (Retry-After 2); A waits it out and gets through in the next window.
    const third = post(a, 'U1ADA');
    const until = await holdStands(holds, 'chat.postMessage', 'U1ADA');
    const heldAt = wallNow();
    expect(until - heldAt).toBeGreaterThan(1000);
    const [, otherChannel] = await Promise.all([post(b, 'U1ADA'), post(b, 'U2BO')]);
    await third;
    expect(otherChannel.ok).toBe(true);
    // B's post to the held channel reached Slack only once the hold ran out, so it earned no 429 of its own.
    expect(limited(fake)).toBe(1);
    const toHeld = fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'U1ADA' && c.ok);
    expect(toHeld).toHaveLength(4);
    expect(Math.min(...toHeld.slice(2).map((c) => c.at))).toBeGreaterThanOrEqual(until - 50);
    // The other channel was not held: it went at once.
    expect(fake.callsTo('chat.postMessage').find((c) => c.args.channel === 'U2BO')!.at).toBeLessThan(heldAt + 500);
    expect(await holds.heldUntil('chat.postMessage', 'U2BO', wallNow())).toBeNull();
  }, 20_000);

  it('without shared holds the other replica earns a 429 of its own (the control)', async () => {
    const [a, b] = [client(fake), client(fake)];
    fake.enforceWindow({ method: 'chat.postMessage', limit: 2, windowMs: 2000, perChannel: true });
    await post(a, 'U1ADA');
    await post(a, 'U1ADA');
    const third = post(a, 'U1ADA');
    await fake.waitFor(() => limited(fake) === 1);
    await new Promise((r) => setTimeout(r, 50));
    await Promise.all([post(b, 'U1ADA'), third]);
    expect(limited(fake)).toBeGreaterThanOrEqual(2);
  }, 20_000);

  it('widens to the whole method when two channels of it are held at once (its workspace-wide limit)', async () => {
    const holds = opened.store.slackHolds;
    const [a, b] = [client(fake, holds), client(fake, holds)];
    // The method's own limit: one post per 2 s across the workspace.
    fake.enforceWindow({ method: 'chat.postMessage', limit: 1, windowMs: 2000 });
    await post(a, 'U1ADA');
    const held = [post(a, 'U2BO'), post(a, 'U3CY')];
    // U5ED was never answered 429 itself: the method-wide hold is what stands for it.
    const until = await holdStands(holds, 'chat.postMessage', 'U5ED');
    expect(limited(fake)).toBe(2);
    await post(b, 'U5ED');
    expect(fake.callsTo('chat.postMessage').find((c) => c.args.channel === 'U5ED')!.at).toBeGreaterThanOrEqual(until - 50);
    await Promise.allSettled(held);
    // Other methods are never held by it.
    expect(await holds.heldUntil('users.info', '', wallNow())).toBeNull();
  }, 30_000);

  it('keeps the longer of two holds and forgets ended ones', async () => {
    const holds = opened.store.slackHolds;
    await holds.hold('chat.update', 'C1', 5000, 1000);
    await holds.hold('chat.update', 'C1', 3000, 1000);
    expect(await holds.heldUntil('chat.update', 'C1', 1000)).toBe(5000);
    await holds.hold('chat.update', '', 7000, 1000);
    expect(await holds.heldUntil('chat.update', 'C1', 1000)).toBe(7000);
    expect(await holds.heldUntil('chat.update', 'C2', 1000)).toBe(7000);
    expect(await holds.channelsHeld('chat.update', 1000)).toBe(1);
    expect(await holds.heldUntil('chat.update', 'C1', 7000)).toBeNull();
    expect(await holds.channelsHeld('chat.update', 6000)).toBe(0);
  });
});
