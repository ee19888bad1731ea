-- Slack installations of Ballast (deployment shape 3, many workspaces through OAuth): one row per
-- tenant, written by Bolt's InstallProvider through src/slack/installationStore.ts. In single-workspace
-- mode (SLACK_BOT_TOKEN) the table stays empty.
--
-- tenant_id:             the enterprise id of an org-wide (Enterprise Grid) install, the team id otherwise.
-- team_id, enterprise_id: what Slack said of the install; a workspace install inside an enterprise has both.
-- installer_user_id:     who made the latest install.
-- installation:          Bolt's Installation as JSON, tokens included; NULL once uninstalled, so a
--                        revoked tenant's tokens are not kept.
-- installed_at:          epoch ms of the latest install (a token refresh names it, so a refresh of an
--                        earlier install changes nothing); uninstalled_at: epoch ms, NULL while installed.
CREATE TABLE installations (
  tenant_id TEXT PRIMARY KEY,
  team_id TEXT,
  enterprise_id TEXT,
  is_enterprise_install INTEGER NOT NULL CHECK (is_enterprise_install IN (0, 1)),
  installer_user_id TEXT NOT NULL,
  bot_user_id TEXT,
  installation TEXT,
  installed_at INTEGER NOT NULL,
  uninstalled_at INTEGER,
  CHECK ((installation IS NULL) = (uninstalled_at IS NOT NULL))
) STRICT;
