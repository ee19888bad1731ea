// SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET: many workspaces when all three are set and
// SLACK_BOT_TOKEN is not; every half-configured combination is refused with one line per problem.
import { ConfigError, loadConfig, secretsOf } from '../../src/config';

const oauth = { SLACK_CLIENT_ID: '1111.2222', SLACK_CLIENT_SECRET: 'client-secret-abc', SLACK_STATE_SECRET: 'state-secret-0123456789', SLACK_SIGNING_SECRET: 'sign-abcdef' };

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
}

it('runs many workspaces on the three OAuth variables, with no bot token', () => {
  const c = loadConfig(oauth);
  expect(c.oauth).toEqual({ clientId: '1111.2222', clientSecret: 'client-secret-abc', stateSecret: 'state-secret-0123456789' });
  expect(c.botToken).toBeUndefined();
});

it('keeps one workspace when a bot token is set, OAuth variables or not', () => {
  const c = loadConfig({ ...oauth, SLACK_BOT_TOKEN: 'xoxb-1-abc' });
  expect(c.oauth).toBeUndefined();
  expect(c.botToken).toBe('xoxb-1-abc');
});

it.each([
  [{ SLACK_SIGNING_SECRET: 's' }, ['SLACK_BOT_TOKEN is required (a bot token starting with xoxb-), or set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET for many workspaces']],
  [{ ...oauth, SLACK_STATE_SECRET: '' }, ['SLACK_STATE_SECRET is required for many workspaces (SLACK_CLIENT_ID, SLACK_CLIENT_SECRET is set)']],
  [{ ...oauth, SLACK_STATE_SECRET: 'short' }, ['SLACK_STATE_SECRET must be at least 16 characters (a random secret shared by every replica)']],
  [{ ...oauth, SLACK_CLIENT_ID: 'acme' }, ['SLACK_CLIENT_ID must be the app\'s client id, such as 1234567890.1234567890']],
  [{ ...oauth, SLACK_APP_TOKEN: 'xapp-1-abc' }, ['SLACK_APP_TOKEN: many workspaces run in HTTP mode (Slack sends each installation\'s events to /slack/events); unset it']],
  [{ ...oauth, BALLAST_ADMINS: 'U012ABCDEF' }, ['BALLAST_ADMINS is for one workspace: with many, each installing user is its workspace\'s first admin; unset it']],
  [{ ...oauth, SLACK_SIGNING_SECRET: '' }, ['SLACK_SIGNING_SECRET is required in HTTP mode (set it, or set SLACK_APP_TOKEN for Socket Mode)']],
])('refuses %j', (env, expected) => {
  expect(problems(env as Record<string, string>)).toEqual(expected);
});

it('keeps the client secret and the state secret out of logs, and never repeats them in an error', () => {
  expect(secretsOf(loadConfig(oauth))).toEqual(expect.arrayContaining(['client-secret-abc', 'state-secret-0123456789', 'sign-abcdef']));
  expect(problems({ ...oauth, SLACK_STATE_SECRET: 'hunter2' }).join('\n')).not.toContain('hunter2');
});
