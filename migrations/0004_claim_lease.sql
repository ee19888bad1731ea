-- A lease on every claim, so a claim whose holder died between claiming and recording the outcome is
-- not a miss forever: a later pass may take over a row still 'claimed' once its lease has run out.
-- docs/RELIABILITY.md §9 says why a rare duplicate is chosen over a rare miss, and how wide the window is.
--
-- holder:      who holds the claim: the replica (host:pid:random) and which of its sends (#n). Only the
--              holder named here may record the outcome, so a holder that lost its lease cannot
--              overwrite what the taker recorded.
-- lease_until: epoch ms after which the claim, if still 'claimed', may be taken over. NULL (rows from
--              before this migration, and claims finished in the same breath) is never taken over.
-- attempts:    1, plus one per takeover: a row with attempts > 1 is one where a duplicate was possible.
ALTER TABLE claims ADD COLUMN holder TEXT;
ALTER TABLE claims ADD COLUMN lease_until INTEGER;
ALTER TABLE claims ADD COLUMN attempts INTEGER NOT NULL DEFAULT 1 CHECK (attempts >= 1);
