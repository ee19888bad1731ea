-- Ballast's schema. Times are epoch milliseconds (UTC); dates are local calendar dates 'YYYY-MM-DD'
-- in the person's own zone; week keys are ISO weeks such as '2026-W48'.

CREATE TABLE people (
  id                TEXT PRIMARY KEY,             -- Slack user id
  team_id           TEXT NOT NULL DEFAULT '',
  name              TEXT NOT NULL DEFAULT '',
  real_name         TEXT NOT NULL DEFAULT '',
  email             TEXT,
  tz                TEXT NOT NULL DEFAULT 'UTC',
  is_bot            INTEGER NOT NULL DEFAULT 0,
  deleted           INTEGER NOT NULL DEFAULT 0,
  active            INTEGER NOT NULL DEFAULT 1,   -- 0 once Slack says the account is gone
  status_text       TEXT NOT NULL DEFAULT '',
  status_emoji      TEXT NOT NULL DEFAULT '',
  status_expiration INTEGER NOT NULL DEFAULT 0,   -- epoch seconds, 0 = none
  weekly_hours      REAL NOT NULL DEFAULT 40 CHECK (weekly_hours >= 1 AND weekly_hours <= 80),
  budget_minutes    INTEGER CHECK (budget_minutes IS NULL OR budget_minutes >= 0),
  budget_set_by     TEXT,
  budget_set_at     INTEGER,
  role              TEXT NOT NULL DEFAULT 'none' CHECK (role IN ('none', 'lead', 'admin')),
  manager_id        TEXT REFERENCES people(id),
  checkin_time      TEXT,                         -- NULL = the org default
  checkin_days      TEXT NOT NULL DEFAULT '1,2,3,4,5',
  checkin_enabled   INTEGER NOT NULL DEFAULT 1,
  nudges_enabled    INTEGER NOT NULL DEFAULT 1,
  paused            INTEGER NOT NULL DEFAULT 0,
  paused_until      TEXT,                         -- last paused date, NULL = until resumed
  share_strain      INTEGER NOT NULL DEFAULT 0,
  refreshed_at      INTEGER NOT NULL DEFAULT 0,
  created_at        INTEGER NOT NULL
) STRICT;
CREATE INDEX people_manager ON people(manager_id);

CREATE TABLE entries (
  id            INTEGER PRIMARY KEY,
  person_id     TEXT NOT NULL REFERENCES people(id),
  minutes       INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 720),
  kind          TEXT NOT NULL CHECK (kind IN ('respond', 'comment', 'share', 'post', 'monitor', 'other')),
  network       TEXT,
  link          TEXT,
  note          TEXT,
  date          TEXT NOT NULL,
  week_key      TEXT NOT NULL,
  source        TEXT NOT NULL CHECK (source IN ('command', 'checkin', 'modal', 'assignment')),
  assignment_id INTEGER,
  dedupe_key    TEXT UNIQUE,                      -- a click delivered twice logs once
  created_at    INTEGER NOT NULL
) STRICT;
-- Covers the week view's per-day, per-kind sums without touching the table.
CREATE INDEX entries_person_date ON entries(person_id, date, kind, minutes);
CREATE INDEX entries_week ON entries(week_key, person_id);

-- Weekly strain answers.
CREATE TABLE strain (
  person_id   TEXT NOT NULL REFERENCES people(id),
  week_key    TEXT NOT NULL,
  answer      TEXT NOT NULL CHECK (answer IN ('none', 'bit', 'back')),
  answered_at INTEGER NOT NULL,
  PRIMARY KEY (person_id, week_key)
) STRICT;

-- Every scheduled or once-only send is claimed here before it goes out.
CREATE TABLE claims (
  job        TEXT NOT NULL,
  subject    TEXT NOT NULL,
  period     TEXT NOT NULL,
  status     TEXT NOT NULL DEFAULT 'claimed' CHECK (status IN ('claimed', 'sent', 'skipped', 'failed')),
  detail     TEXT,
  channel    TEXT,
  ts         TEXT,
  claimed_at INTEGER NOT NULL,
  done_at    INTEGER,
  PRIMARY KEY (job, subject, period)
) STRICT;

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL                            -- JSON
) STRICT;

CREATE TABLE holidays (
  date     TEXT PRIMARY KEY,
  added_by TEXT
) STRICT;

CREATE TABLE assignments (
  id               INTEGER PRIMARY KEY,
  lead_id          TEXT NOT NULL REFERENCES people(id),
  assignee_id      TEXT NOT NULL REFERENCES people(id),
  link             TEXT NOT NULL,
  brief            TEXT,
  estimate_minutes INTEGER NOT NULL CHECK (estimate_minutes BETWEEN 1 AND 720),
  due_at           INTEGER NOT NULL,
  state            TEXT NOT NULL CHECK (state IN ('offered', 'accepted', 'declined', 'done', 'expired')),
  decline_reason   TEXT,
  done_minutes     INTEGER,
  entry_id         INTEGER REFERENCES entries(id),
  assignee_channel TEXT,
  assignee_ts      TEXT,
  lead_channel     TEXT,
  lead_ts          TEXT,
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL
) STRICT;
CREATE INDEX assignments_assignee ON assignments(assignee_id, state);
CREATE INDEX assignments_lead ON assignments(lead_id, state);

-- Events API deliveries already handled (Slack retries with the same event_id).
CREATE TABLE events_seen (
  event_id TEXT PRIMARY KEY,
  seen_at  INTEGER NOT NULL
) STRICT;
