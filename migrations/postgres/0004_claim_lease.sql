-- A lease on every claim, mirroring migrations/0004_claim_lease.sql (which says what each column means):
-- a later pass on any replica may take over a row still 'claimed' once its lease has run out.
ALTER TABLE claims ADD COLUMN holder TEXT COLLATE "C";
ALTER TABLE claims ADD COLUMN lease_until BIGINT;
ALTER TABLE claims ADD COLUMN attempts INTEGER NOT NULL DEFAULT 1 CHECK (attempts >= 1);
