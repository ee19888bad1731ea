import { startFakeSlack, type FakeSlack } from '../support/fakeSlack';

let fake: FakeSlack;
beforeEach(async () => {
  fake = await startFakeSlack();
});
afterEach(() => fake.close());

const call = (method: string, body: Record<string, unknown>) =>
  fetch(`${fake.apiUrl}${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${fake.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

it('tells a change listener after every request it answers, until unsubscribed', async () => {
  fake.addUser({ id: 'U100ADA' });
  let changes = 0;
  const off = fake.onChange(() => {
    changes += 1;
  });
  await call('chat.postMessage', { channel: 'U100ADA', text: 'hi' });
  expect(changes).toBe(1);
  off();
  await call('chat.postMessage', { channel: 'U100ADA', text: 'again' });
  expect(changes).toBe(1);
  expect(fake.messagesTo('U100ADA')).toHaveLength(2);
});
