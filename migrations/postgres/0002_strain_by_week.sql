-- Digests read every person's strain answers for a few weeks at once; without this index that read
-- scans the whole table (the primary key leads with person_id).
CREATE INDEX strain_week ON strain(week_key, person_id, answer);
