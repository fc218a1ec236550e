-- A job run's outcome as the domain names it (Ntm.Domain.Statuses.JobOutcome): besides running,
-- succeeded, partial, busy and failed, a run that found nothing to do (no data for the month, an
-- empty inbox) and one that a crash or power cut interrupted. The history is kept.
CREATE TABLE job_run_new (
    job_run_id      BIGINT PRIMARY KEY DEFAULT nextval('job_run_id_seq'),
    job             VARCHAR NOT NULL,
    fire_time       TIMESTAMP,
    started_at      TIMESTAMP NOT NULL,
    ended_at        TIMESTAMP,
    outcome         VARCHAR NOT NULL CHECK (outcome IN ('running', 'succeeded', 'partial', 'nothing_to_do', 'busy', 'failed', 'interrupted')),
    files_processed INTEGER NOT NULL DEFAULT 0,
    message         VARCHAR
);
INSERT INTO job_run_new SELECT job_run_id, job, fire_time, started_at, ended_at, outcome, files_processed, message FROM job_run;
DROP TABLE job_run;
ALTER TABLE job_run_new RENAME TO job_run;
