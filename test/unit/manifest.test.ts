// manifest.yml is what an operator pastes into api.slack.com: it must ask for exactly the scopes
// /slack/install asks for, subscribe to the events Ballast listens to, and carry the redirect URL.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { BOT_SCOPES } from '../../src/slack/scopes';
import { UNINSTALL_EVENTS } from '../../src/slack/middleware/tenantScope';

const manifest = parse(fs.readFileSync(path.join(__dirname, '../../manifest.yml'), 'utf8')) as {
  oauth_config: { scopes: { bot: string[] }; redirect_urls: string[] };
  settings: { event_subscriptions: { bot_events: string[]; request_url: string } };
};

it('asks for the same bot scopes as an install from /slack/install', () => {
  expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...BOT_SCOPES].sort());
});

it('subscribes to the uninstall events and carries the OAuth redirect URL on the same host as the request URL', () => {
  for (const e of UNINSTALL_EVENTS) expect(manifest.settings.event_subscriptions.bot_events).toContain(e);
  const events = new URL(manifest.settings.event_subscriptions.request_url);
  expect(manifest.oauth_config.redirect_urls.map((u) => new URL(u))).toEqual([new URL('/slack/oauth_redirect', events.origin)]);
});
