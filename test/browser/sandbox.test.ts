// The sandbox through a real browser: the Chromium shipped inside the @sparticuz/chromium npm package,
// headless, driven by playwright-core. `npm install` brings it; nothing is downloaded or installed by hand.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import packagedChromium from '@sparticuz/chromium';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { JOBS } from '../../src/jobs';
import { formatMinutes } from '../../src/core/duration';
import { localDate, weekDates } from '../../src/core/time';

jest.setTimeout(60_000);

const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];
// A Tuesday: 11:00 in Berlin, 07:00 in São Paulo, 05:00 in New York.
const NOW = '2026-11-24T10:00:00Z';

let dir: string;
let sandbox: Sandbox;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  // The package unpacks its Chromium into the temp folder once and gives its path.
  const executablePath = await packagedChromium.executablePath();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ballast-sandbox-'));
  sandbox = await startSandbox({ port: 0, dbPath: path.join(dir, 'sandbox.db'), now: NOW, logLevel: 'warn' });
  context = await chromium.launchPersistentContext(path.join(dir, 'profile'), { executablePath, headless: true, args: ARGS });
  page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(10_000);
});

afterAll(async () => {
  await context?.close();
  await sandbox?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

afterEach(() => {
  // Everything Ballast sent went through the strict fake: nothing real Slack would refuse.
  expect(sandbox.fake.rejections).toEqual([]);
});

async function signInAs(userId: string): Promise<void> {
  await page.goto(`${sandbox.url}?as=${userId}`);
  await page.waitForSelector('body[data-ready="1"]');
}

async function weekMinutes(userId: string, tz: string): Promise<number> {
  const week = weekDates(localDate(sandbox.clock.now(), tz));
  return sandbox.ballast.store.entries.minutesBetween(userId, week[0]!, week[6]!);
}

it('logs time with a typed /ballast command and shows the ephemeral reply', async () => {
  await signInAs('U100ADA');
  await page.fill('#composer', '/ballast log 30m reply linkedin answered a pricing thread');
  await page.click('#send');

  const reply = page.locator('.msg[data-kind="ephemeral"]', { hasText: 'Logged 30m replying on linkedin' });
  await reply.waitFor();
  expect(await reply.textContent()).toContain('Only visible to you');
  const latest = await sandbox.ballast.store.entries.latestOf('U100ADA');
  expect(latest).toMatchObject({ minutes: 30, kind: 'respond', network: 'linkedin', source: 'command', note: 'answered a pricing thread' });
});

it('opens App Home, refuses a bad duration inline, logs an hour through the modal and shows the week change', async () => {
  await signInAs('U101BEN');
  const before = await weekMinutes('U101BEN', 'Europe/London');
  await page.click('#tab-home');
  // Ben works 20 hours a week, so his budget is 10% of that: 2h.
  await page.locator('#home').getByText(`${formatMinutes(before)} of your 2h weekly budget`).waitFor();

  await page.locator('#home').getByRole('button', { name: 'Log time' }).click();
  await page.locator('#modal-title', { hasText: 'Log engagement' }).waitFor();
  await page.locator('#modal-body input[type="text"]').fill('abc');
  await page.click('#modal-submit');
  await page.locator('#modal-body .bk-error', { hasText: 'abc' }).waitFor();
  expect(await weekMinutes('U101BEN', 'Europe/London')).toBe(before);

  await page.locator('#modal-body input[type="text"]').fill('1h');
  await page.locator('#modal-body select').first().selectOption('comment');
  await page.click('#modal-submit');
  await page.waitForSelector('#modal-backdrop', { state: 'hidden' });
  await page.locator('#home').getByText(`${formatMinutes(before + 60)} of your 2h weekly budget`).waitFor();
  expect(await sandbox.ballast.store.entries.latestOf('U101BEN')).toMatchObject({ minutes: 60, kind: 'comment', source: 'modal' });
});

it('opens the log modal from the global shortcut and closes it with Cancel', async () => {
  await signInAs('U100ADA');
  await page.click('#shortcut-log');
  await page.locator('#modal-title', { hasText: 'Log engagement' }).waitFor();
  await page.click('#modal-close');
  await page.waitForSelector('#modal-backdrop', { state: 'hidden' });
});

it('as a manager, names a report with @ as Slack autocomplete would and sets her budget', async () => {
  await signInAs('U200MAR');
  await page.fill('#composer', '/ballast budget @ada 3h');
  await page.click('#send');
  // The reply's body, not the echoed command (which shows as soon as it is sent).
  await page.locator('.msg[data-kind="ephemeral"] .surface', { hasText: '3h' }).waitFor();
  expect(await sandbox.ballast.store.people.get('U100ADA')).toMatchObject({ budgetMinutes: 180, budgetSetBy: 'U200MAR' });
});

it('jumps to the next check-in, and a click on its 15m button logs time and updates the DM in place', async () => {
  if (!JOBS.checkins) {
    throw new Error('JOBS.checkins is not registered in src/jobs/index.ts: the check-in job arrives with issue 3; this step runs once it is merged.');
  }
  // Chiara (São Paulo) has logged nothing today, so her 16:30 check-in goes out.
  await signInAs('U102CHI');
  const before = await weekMinutes('U102CHI', 'America/Sao_Paulo');
  await page.click('[data-jump="checkin"]');
  await page.locator('[data-testid="job-report"]', { hasText: 'Tue 24 Nov, 16:30' }).waitFor();
  const checkin = page.locator('.msg[data-kind="message"]').last();
  await checkin.getByRole('button', { name: '15m', exact: true }).click();

  await page.locator('.msg[data-kind="message"]', { hasText: '(edited)' }).waitFor();
  expect(await weekMinutes('U102CHI', 'America/Sao_Paulo')).toBe(before + 15);
  expect(await sandbox.ballast.store.entries.latestOf('U102CHI')).toMatchObject({ minutes: 15, source: 'checkin' });
});

it('as a manager, jumps to Monday and sees the digest of direct reports in a DM', async () => {
  if (!JOBS.digests) {
    throw new Error('JOBS.digests is not registered in src/jobs/index.ts: the manager digest arrives with issue 4; this step runs once it is merged.');
  }
  await signInAs('U200MAR');
  await page.click('[data-jump="digest"]');
  await page.locator('[data-testid="job-report"]', { hasText: 'Mon 30 Nov, 09:00' }).waitFor();
  // Marta manages Ada, Ben and Chiara; the digest names them (by mention, shown as their names).
  await page.locator('.msg[data-kind="message"]').filter({ hasText: /\bAda\b/i }).filter({ hasText: /\bBen\b/i }).first().waitFor();

  // The same digest on demand.
  await page.fill('#composer', '/ballast team');
  await page.click('#send');
  await page.locator('.msg[data-kind="ephemeral"] .surface', { hasText: /\bChiara\b/i }).first().waitFor();
});
