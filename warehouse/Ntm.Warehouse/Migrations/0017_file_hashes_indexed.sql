-- A file's bytes are looked up by their hash for every file that arrives (a duplicate, a rejection
-- to finish): with an index the lookup reads the few submissions of that hash, not the whole
-- ledger, however many files the warehouse has received.
CREATE INDEX submission_sha256 ON submission (sha256);
