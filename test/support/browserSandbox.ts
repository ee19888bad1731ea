// The sandbox in a real browser, for test/browser: the Chromium shipped inside the @sparticuz/chromium
// npm package, headless, driven by playwright-core, so `npm install` brings everything and nothing is
// downloaded or installed by hand. One sandbox and one browser per test file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import packagedChromium from '@sparticuz/chromium';
import { startSandbox, type Sandbox } from '../../sandbox/server';

/** Without the background-networking flags Chromium keeps dialling out, and this machine refuses it. */
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

export interface BrowserSandbox {
  sandbox: Sandbox;
  page: Page;
  /** The file's own temp folder (the sandbox's database and its `ballast.log` live there). */
  dir: string;
  /** Opens the sandbox as this person and waits until the page has drawn. */
  signInAs(userId: string): Promise<void>;
}

/**
 * Registers the hooks that start the sandbox and the browser before the file's tests and close both
 * after, and checks after every test that the strict fake refused nothing Ballast sent. The fields are
 * filled in by the time the file's own `beforeAll` hooks run.
 */
export function useBrowserSandbox(opts: { now: string; name: string }): BrowserSandbox {
  let context: BrowserContext | undefined;
  const env = {
    async signInAs(userId: string) {
      await env.page.goto(`${env.sandbox.url}?as=${userId}`);
      await env.page.waitForSelector('body[data-ready="1"]');
    },
  } as BrowserSandbox;
  jest.setTimeout(60_000);
  beforeAll(async () => {
    // The package unpacks its Chromium into the temp folder once and gives its path.
    const executablePath = await packagedChromium.executablePath();
    env.dir = fs.mkdtempSync(path.join(os.tmpdir(), `ballast-${opts.name}-`));
    env.sandbox = await startSandbox({ port: 0, dbPath: path.join(env.dir, 'sandbox.db'), now: opts.now, logLevel: 'warn' });
    context = await chromium.launchPersistentContext(path.join(env.dir, 'profile'), { executablePath, headless: true, args: ARGS });
    env.page = context.pages()[0] ?? (await context.newPage());
    env.page.setDefaultTimeout(10_000);
  });
  afterAll(async () => {
    await context?.close();
    await env.sandbox?.close();
    if (env.dir) fs.rmSync(env.dir, { recursive: true, force: true });
  });
  afterEach(() => {
    // Everything Ballast sent went through the strict fake: nothing real Slack would refuse.
    expect(env.sandbox.fake.rejections).toEqual([]);
  });
  return env;
}
