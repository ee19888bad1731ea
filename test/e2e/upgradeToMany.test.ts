// Upgrading a single-workspace deployment to many workspaces (issue #13 point 7): the database it ran
// on keeps everything, and the first install of that workspace, or of the org it belongs to, takes it
// over whole; any other workspace starts empty. On SQLite and on PostgreSQL.
import fs from 'node:fs';
import path from 'node:path';
import { startFakeSlack, type FakeSlack } from '../support/fakeSlack';
import { startTestApp, type TestApp } from '../support/app';
import { installFromLink, orgGrant, workspaceGrant } from '../support/install';

const ADA = 'U100ADA';
const ADMIN = 'U100ADM';
let fake: FakeSlack;
let single: TestApp;
let many: TestApp | undefined;

beforeEach(async () => {
  fake = await startFakeSlack();
  fake.addUser({ id: ADA, name: 'ada', realName: 'Ada', tz: 'Europe/Berlin' });
  fake.addUser({ id: ADMIN, name: 'admin', realName: 'Admin', tz: 'Europe/Berlin' });
  fake.addUser({ id: 'U2DAN', name: 'dan', realName: 'Dan', tz: 'Europe/Berlin', teamId: 'T2' });
  // A year of one workspace, in short: an entry, an org setting, a budget.
  single = await startTestApp({ fakeSlack: fake, env: { BALLAST_ADMINS: ADMIN } });
  await single.slack.command(ADA, 'log 30m reply linkedin');
  await single.slack.command(ADMIN, 'admin settings budget_percent 20');
  await single.slack.command(ADMIN, `budget <@${ADA}> 3h`);
  // Ada's row comes before her manager's: the move must not depend on row order.
  await single.slack.command(ADMIN, `admin manager <@${ADA}> <@${ADMIN}>`);
  await single.close();
});
afterEach(async () => {
  await many?.close();
  many = undefined;
  await fake.close();
});

const upgrade = () => startTestApp({ fakeSlack: fake, dir: single.dir, env: single.dbEnv, manyWorkspaces: true });

it('moves the data to the first install of its workspace, and starts any other workspace empty', async () => {
  many = await upgrade();
  expect((await installFromLink(many, workspaceGrant('T2', 'U2DAN'))).status).toBe(200);
  expect(await (await many.ballast.tenants!.forTenant('T2')).people.listAll()).toEqual([]);
  expect((await many.ballast.store.people.listAll()).map((p) => p.id).sort()).toEqual([ADA, ADMIN]);

  expect((await installFromLink(many, workspaceGrant(fake.teamId, ADMIN))).status).toBe(200);
  const tenant = await many.ballast.tenants!.forTenant(fake.teamId);
  expect((await tenant.entries.allOf(ADA)).map((e) => e.minutes)).toEqual([30]);
  expect((await tenant.settings.get()).budgetPercent).toBe(20);
  expect((await tenant.people.get(ADA))?.budgetMinutes).toBe(180);
  expect((await tenant.people.reportsOf(ADMIN)).map((p) => p.id)).toEqual([ADA]);
  // On SQLite the tenant's file holds its own tables only: not T2's token, not even in a free page.
  if (single.dbEnv.DATABASE_PATH) {
    const bytes = (file: string) => Buffer.concat([file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)));
    expect(bytes(path.join(single.dir, 'tenants', `${fake.teamId}.db`)).includes('xoxb-t2-1')).toBe(false);
    // (The main database, where it is kept, does hold it: the search finds what is there.)
    expect(bytes(single.dbPath).includes('xoxb-t2-1')).toBe(true);
  }
  // The main database let go of it: nothing there to take over twice.
  expect(await many.ballast.store.people.listAll()).toEqual([]);
  expect(many.logs.some((l) => String(l.msg).includes('is now this installation'))).toBe(true);

  // Ada goes on where she was: her week holds the old entry and a new one (ids continue after the moved ones).
  const client = many.clientFor({ teamId: fake.teamId });
  await client.command(ADA, 'log 15m share');
  const week = await client.command(ADA, 'week');
  expect(JSON.stringify(week.body)).toContain('45m');
  const ids = (await tenant.entries.allOf(ADA)).map((e) => e.id);
  expect(new Set(ids).size).toBe(2);
});

it('moves it to an org-wide install of the org its people belong to', async () => {
  many = await upgrade();
  expect((await installFromLink(many, orgGrant('E1', [fake.teamId], ADMIN))).status).toBe(200);
  const org = await many.ballast.tenants!.forTenant('E1');
  expect((await org.entries.allOf(ADA)).map((e) => e.minutes)).toEqual([30]);
  expect(await many.ballast.store.people.listAll()).toEqual([]);
});
