// The bot scopes Ballast asks for when installed from a link: the same list as manifest.yml's
// oauth_config.scopes.bot (test/unit/manifest.test.ts keeps the two equal).
export const BOT_SCOPES = [
  'commands', 'chat:write', 'im:write', 'im:history', 'users:read', 'users:read.email', 'files:write', 'files:read',
] as const;
