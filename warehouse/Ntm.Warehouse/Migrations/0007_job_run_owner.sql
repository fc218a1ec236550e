-- Who runs a job: the process (id and start time) on which machine. A run left 'running' by a
-- process that is gone (killed, power cut) is recognised as interrupted by the next run or the
-- next start of the scheduler, instead of staying 'running' for ever.
ALTER TABLE job_run ADD COLUMN host VARCHAR;
ALTER TABLE job_run ADD COLUMN pid INTEGER;
ALTER TABLE job_run ADD COLUMN process_started_at TIMESTAMP;
