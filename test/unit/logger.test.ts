import { Writable } from 'node:stream';
import { createLogger, lazyChild, scrub } from '../../src/logger';

function capture() {
  let out = '';
  const destination = new Writable({ write(c, _e, done) { out += c.toString(); done(); } });
  return { destination, text: () => out };
}

it.each([
  ['a bot token', 'failed with xoxb-1234-5678-abcdef', 'failed with [redacted]'],
  ['an app token', 'xapp-1-A0-123-abc connected', '[redacted] connected'],
  ['a user token', 'token=xoxp-99-88', 'token=[redacted]'],
])('scrubs %s from a message', (_what, input, expected) => {
  expect(scrub(input)).toBe(expected);
});

it('redacts token fields, secrets inside messages and inside errors', () => {
  const c = capture();
  const log = createLogger({ level: 'info', secrets: ['my-signing-secret'], destination: c.destination });
  log.info({ token: 'xoxb-secret-1', config: { signingSecret: 'my-signing-secret' } }, 'hello');
  log.info('the secret is my-signing-secret');
  log.error({ err: new Error('call with xoxb-secret-1 failed') }, 'boom');
  expect(c.text()).not.toContain('xoxb-secret-1');
  expect(c.text()).not.toContain('my-signing-secret');
  expect(c.text()).toContain('[redacted]');
});

it('a lazy child is made on first use only, and logs with its bindings, redacted like any child', () => {
  const c = capture();
  const log = createLogger({ level: 'info', destination: c.destination });
  let made = 0;
  const counting = new Proxy(log, {
    get: (t, p, r) => (p === 'child' ? (...a: Parameters<typeof log.child>) => (made++, t.child(...a)) : Reflect.get(t, p, r)),
  });
  const child = lazyChild(counting, { userId: 'U1', token: 'xoxb-bound-1' });
  expect(made).toBe(0);
  child.info('first');
  child.warn({ extra: 1 }, 'second');
  expect(made).toBe(1);
  expect(child.isLevelEnabled('debug')).toBe(false);
  const lines = c.text().trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(lines.map((l) => [l.msg, l.userId, l.token])).toEqual([['first', 'U1', '[redacted]'], ['second', 'U1', '[redacted]']]);
  expect(lines[1].extra).toBe(1);
});
