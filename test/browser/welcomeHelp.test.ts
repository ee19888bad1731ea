// The welcome DM, help and the Messages tab through a real browser on the sandbox: Chromium from the
// @sparticuz/chromium npm package, headless, driven by playwright-core (as test/browser/sandbox.test.ts).
import type { Page } from 'playwright-core';
import type { Sandbox } from '../../sandbox/server';
import { useBrowserSandbox } from '../support/browserSandbox';
import { welcomeKey } from '../../src/services/welcome';

// A Tuesday: 11:00 in Berlin, 10:00 in London, 19:00 in Tokyo.
const NOW = '2026-11-24T10:00:00Z';
const EMI = 'U104EMI'; // community engineer in Tokyo, nothing logged yet: a newcomer
const ALEX = 'U400ALX'; // the admin, nothing logged yet: a newcomer too
const MARTA = 'U200MAR'; // a manager with history: met before the welcome existed

const env = useBrowserSandbox({ now: NOW, name: 'welcome' });
let sandbox: Sandbox;
let page: Page;

beforeAll(() => {
  ({ sandbox, page } = env);
});

const signInAs = (userId: string): Promise<void> => env.signInAs(userId);

async function type(text: string): Promise<void> {
  await page.fill('#composer', text);
  await page.click('#send');
}

const welcome = () => page.locator('.msg[data-kind="message"]', { hasText: 'Welcome to Ballast' });

it('a newcomer asks for help, gets their own commands, then one welcome DM with its three buttons', async () => {
  await signInAs(EMI);
  await type('/ballast help');
  const help = page.locator('.msg[data-kind="ephemeral"] .surface', { hasText: 'Your commands' }).last();
  await help.waitFor();
  const shown = await help.innerText();
  expect(shown).toContain('/ballast log 30m reply linkedin');
  expect(shown).not.toContain('As a manager');
  expect(shown).not.toContain('As an admin');

  await welcome().waitFor();
  const text = await welcome().innerText();
  expect(text).toContain('side job with a budget');
  expect(text).toContain('Replying to people, commenting on their posts and keeping conversations going');
  expect(text).toContain('4h a week');
  expect(text).toContain('10% of your 40 contracted hours');
  expect(text).toContain('Only you see your notes and links');
  for (const name of ['Log time', 'Set check-in time', 'Pause']) await welcome().getByRole('button', { name, exact: true }).waitFor();
  expect(await sandbox.ballast.store.claims.get(welcomeKey(EMI))).toMatchObject({ status: 'sent' });

  // Log time opens the log modal from the DM.
  await welcome().getByRole('button', { name: 'Log time', exact: true }).click();
  await page.locator('#modal-title', { hasText: 'Log engagement' }).waitFor();
  await page.click('#modal-close');
  await page.waitForSelector('#modal-backdrop', { state: 'hidden' });

  // Another command brings no second welcome.
  await type('/ballast help all');
  await page.locator('.msg[data-kind="ephemeral"] .surface', { hasText: 'Ballast: every command' }).waitFor();
  expect(await welcome().count()).toBe(1);
});

it('suggests the nearest help topic for a typo', async () => {
  await signInAs(EMI);
  await type('/ballast help durtions');
  await page.locator('.msg[data-kind="ephemeral"] .surface', { hasText: 'Did you mean' }).waitFor();
  expect(await page.locator('.msg[data-kind="ephemeral"] .surface').last().innerText()).toContain('/ballast help durations');
});

it('the admin types to Ballast in the Messages tab: "hi" gets help with the admin commands, "log 30m reply" logs', async () => {
  await signInAs(ALEX);
  await type('hi');
  await page.locator('.msg[data-kind="typed"]', { hasText: 'hi' }).waitFor();
  const help = page.locator('.msg[data-kind="message"]', { hasText: 'keep advocacy in bounds' });
  await help.waitFor();
  expect(await help.innerText()).toContain('As an admin');
  await welcome().waitFor();

  await type('log 30m reply linkedin answered a customer');
  await page.locator('.msg[data-kind="message"]', { hasText: 'Logged 30m replying on linkedin' }).waitFor();
  expect(await sandbox.ballast.store.entries.latestOf(ALEX)).toMatchObject({ minutes: 30, kind: 'respond', network: 'linkedin', note: 'answered a customer' });
  expect(await welcome().count()).toBe(1);
});

it('a manager who used Ballast before sees the manager commands and gets no welcome', async () => {
  await signInAs(MARTA);
  await type('/ballast help');
  const help = page.locator('.msg[data-kind="ephemeral"] .surface', { hasText: 'Your commands' }).last();
  await help.waitFor();
  expect(await help.innerText()).toContain('As a manager');
  expect(await help.innerText()).toContain('/ballast team');
  expect(await welcome().count()).toBe(0);
  expect(await sandbox.ballast.store.claims.get(welcomeKey(MARTA))).toMatchObject({ status: 'skipped' });
});
