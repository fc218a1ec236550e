-- Which reporting units had not submitted for a period when the completeness check ran, and
-- whether they were late (past the reporting deadline).
CREATE TABLE completeness_gap (
    period_key  INTEGER NOT NULL,
    area_id     INTEGER NOT NULL,
    template    VARCHAR NOT NULL,
    late        BOOLEAN NOT NULL,
    checked_at  TIMESTAMP NOT NULL,
    PRIMARY KEY (period_key, area_id, template)
);
