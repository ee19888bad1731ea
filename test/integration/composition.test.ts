// One composition for every entry point: the app, the CLI's commands, the harnesses and the benches
// get the same deps (warnings after a log, admins, every secret scrubbed from logs).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { composeDeps, composeLogger, openConfiguredStore, secretsOf } from '../../src/composition';
import { cliDeps } from '../../src/cli/data';
import { loadConfig } from '../../src/config';
import { warningsAfterLog } from '../../src/services/warnings';

const config = loadConfig({
  SLACK_BOT_TOKEN: 'xoxb-composition-test-token', SLACK_SIGNING_SECRET: 'signing-secret-composition', SLACK_APP_TOKEN: 'xapp-1-app-token-composition',
  DATABASE_PATH: path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ballast-compose-')), 'b.db'), BALLAST_ADMINS: 'U1ADMIN',
});
const { store } = openConfiguredStore(config);
afterAll(() => store.close());
const clock = { now: () => 0 };

it('gives every entry point the same follow-ups after a log and the same admins', () => {
  const app = composeDeps({ config, store, clock, log: composeLogger(config) });
  const cli = cliDeps({ out: () => undefined, err: () => undefined, env: {}, clock }, store, config);
  for (const deps of [app, cli]) {
    expect(deps.afterLog).toEqual([warningsAfterLog]);
    expect(deps.config.admins).toEqual(['U1ADMIN']);
    expect(deps.store).toBe(store);
  }
});

it('scrubs every configured secret from what the logger prints, the signing secret included', () => {
  expect(secretsOf(config)).toEqual(['xoxb-composition-test-token', 'xapp-1-app-token-composition', 'signing-secret-composition']);
  let printed = '';
  const log = composeLogger(config, { destination: new Writable({ write(chunk, _e, done) { printed += String(chunk); done(); } }) });
  log.info(`a message carrying signing-secret-composition by mistake`);
  expect(printed).toContain('[redacted]');
  expect(printed).not.toContain('signing-secret-composition');
});
