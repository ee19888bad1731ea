// The fake Slack in its own process for benchmarks, so its CPU is not charged to Ballast's pass.
// Line protocol on stdin/stdout (JSON): {users:[{id,tz}]} → {ok}; {rate:{method,perSecond}} → {ok};
// {stats:true} → {delivered:{userId:count}, rateLimited, calls:{method:count}}.
import readline from 'node:readline';
import { startFakeSlack } from '../test/support/fakeSlack';

async function main(): Promise<void> {
  const fake = await startFakeSlack();
  const reply = (o: unknown) => process.stdout.write(`${JSON.stringify(o)}\n`);
  reply({ apiUrl: fake.apiUrl, token: fake.token, teamId: fake.teamId });
  for await (const line of readline.createInterface({ input: process.stdin })) {
    const msg = JSON.parse(line) as { users?: { id: string; tz: string }[]; rate?: { method: string; perSecond: number }; stats?: boolean };
    if (msg.users) for (const u of msg.users) fake.addUser(u);
    if (msg.rate) fake.enforceWorkspaceRate(msg.rate);
    if (msg.stats) {
      const delivered: Record<string, number> = {};
      for (const m of fake.messages) if (m.dmUser) delivered[m.dmUser] = (delivered[m.dmUser] ?? 0) + 1;
      const calls: Record<string, number> = {};
      for (const c of fake.calls) calls[c.method] = (calls[c.method] ?? 0) + 1;
      const rateLimited = fake.calls.filter((c) => c.status === 429).length;
      reply({ delivered, rateLimited, calls, rejections: fake.rejections.length });
      continue;
    }
    reply({ ok: true });
  }
  await fake.close();
}

void main();
