-- Effective-dated budgets: a finished week keeps the budget, contracted hours and level it had.
--
-- Why a history rather than a snapshot taken when each week ends: a snapshot needs a job to freeze
-- every person's week in every zone, leaves a window (between a week's end and the job's run, or
-- forever after a missed run) in which a finished week still follows today's values, and says nothing
-- about weeks that ended before it first ran. A history written at the moment of each change needs no
-- job, has no such window, and gives the exact values of any past week: those of the latest change
-- that took effect in or before it.

-- Each change of a person's explicit budget or contracted hours, with the ISO week ('2026-W49') it
-- takes effect from: the week current in the person's zone when it was made. A row holds the whole
-- set in effect from that week, so one lookup answers both; a second change within the same week
-- replaces that week's row (the week is still running, so it takes the latest). '0000-W00' means
-- "from the beginning".
CREATE TABLE budget_history (
  person_id      TEXT NOT NULL REFERENCES people(id),
  week_key       TEXT NOT NULL,
  budget_minutes INTEGER CHECK (budget_minutes IS NULL OR budget_minutes >= 0),  -- NULL = the org default
  budget_set_by  TEXT,                          -- who set the explicit budget in effect
  weekly_hours   REAL NOT NULL CHECK (weekly_hours >= 1 AND weekly_hours <= 80),
  changed_by     TEXT,                          -- who made this change ('roster' for an import)
  changed_at     INTEGER NOT NULL,
  PRIMARY KEY (person_id, week_key)
) STRICT;
-- Digests read every history row up to a week, in week order, for thousands of people at once: the
-- index holds what they read, so the table itself is not touched.
CREATE INDEX budget_history_week ON budget_history(week_key, person_id, budget_minutes, weekly_hours);

-- Each change of the org's budget percent, at the instant it was made. The week it takes effect from
-- is the week holding that instant in each person's own zone (it is the current week in some zones a
-- day before or after others), so the instant is what is stored. 0 means "from the beginning".
CREATE TABLE budget_percent_history (
  id             INTEGER PRIMARY KEY,
  changed_at     INTEGER NOT NULL,
  budget_percent REAL NOT NULL CHECK (budget_percent > 0 AND budget_percent <= 100),
  changed_by     TEXT
) STRICT;
CREATE INDEX budget_percent_history_at ON budget_percent_history(changed_at, id);

-- Backfill: what everyone has now is what they had from the beginning, so an upgraded database keeps
-- showing its past weeks exactly as before.
INSERT INTO budget_history (person_id, week_key, budget_minutes, budget_set_by, weekly_hours, changed_by, changed_at)
  SELECT id, '0000-W00', budget_minutes, budget_set_by, weekly_hours, NULL, 0 FROM people;

INSERT INTO budget_percent_history (changed_at, budget_percent, changed_by)
  SELECT 0, COALESCE(
    (SELECT CAST(value AS REAL) FROM settings
      WHERE key = 'budgetPercent' AND json_valid(value) AND json_type(value) IN ('integer', 'real')
        AND CAST(value AS REAL) > 0 AND CAST(value AS REAL) <= 100),
    10), NULL;
