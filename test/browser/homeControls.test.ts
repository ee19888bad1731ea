// App Home's controls clicked through in the sandbox, in headless Chromium (the one @sparticuz/chromium
// ships): nudges off, the check-in modal (a time quiet hours would move is refused inline), pause
// through the modal, and resume.
import type { Page } from 'playwright-core';
import type { Sandbox } from '../../sandbox/server';
import { useBrowserSandbox } from '../support/browserSandbox';

const NOW = '2026-11-24T10:00:00Z';
const BEN = 'U101BEN';

const env = useBrowserSandbox({ now: NOW, name: 'home' });
let sandbox: Sandbox;
let page: Page;

beforeAll(async () => {
  ({ sandbox, page } = env);
  await env.signInAs(BEN);
  await page.click('#tab-home');
  await page.locator('#home .surface').waitFor();
});

const home = () => page.locator('#home');

it('shows the settings as controls and switches nudges off', async () => {
  await home().getByText('Your settings').waitFor();
  await home().getByRole('button', { name: 'Turn off' }).click();
  await home().getByText('Warnings about your budget still arrive').waitFor();
  expect((await sandbox.ballast.store.people.get(BEN))!.nudgesEnabled).toBe(false);
});

it('refuses a check-in time quiet hours would move, then saves one inside them', async () => {
  await home().getByRole('button', { name: 'Change' }).click();
  await page.locator('#modal-title', { hasText: 'Check-in' }).waitFor();
  await page.locator('#modal-body input[type="time"]').fill('07:00');
  await page.click('#modal-submit');
  await page.locator('#modal-body .bk-error', { hasText: 'would arrive at 08:00 instead' }).waitFor();
  await page.locator('#modal-body input[type="time"]').fill('09:15');
  await page.click('#modal-submit');
  await page.waitForSelector('#modal-backdrop', { state: 'hidden' });
  await home().getByText('09:15 your time').waitFor();
  expect((await sandbox.ballast.store.people.get(BEN))!.checkinTime).toBe('09:15');
});

it('pauses through the modal and resumes from App Home', async () => {
  await home().getByRole('button', { name: 'Pause…' }).click();
  await page.locator('#modal-title', { hasText: 'Pause Ballast' }).waitFor();
  await page.click('#modal-submit');
  await page.waitForSelector('#modal-backdrop', { state: 'hidden' });
  await home().getByText('until you resume').waitFor();
  expect((await sandbox.ballast.store.people.get(BEN))!.paused).toBe(true);
  await home().getByRole('button', { name: 'Resume' }).click();
  await home().getByText('not paused').waitFor();
  expect((await sandbox.ballast.store.people.get(BEN))!.paused).toBe(false);
});
