-- Slack installations of Ballast, mirroring migrations/0006_installations.sql (which says what each
-- column means): one row per tenant, tokens dropped on uninstall.
CREATE TABLE installations (
  tenant_id TEXT COLLATE "C" PRIMARY KEY,
  team_id TEXT COLLATE "C",
  enterprise_id TEXT COLLATE "C",
  is_enterprise_install BOOLEAN NOT NULL,
  installer_user_id TEXT COLLATE "C" NOT NULL,
  bot_user_id TEXT,
  installation TEXT,
  installed_at BIGINT NOT NULL,
  uninstalled_at BIGINT,
  CHECK ((installation IS NULL) = (uninstalled_at IS NOT NULL))
);
