-- When a report was sent, as the review of timeliness needs it: the day it was signed (its signing
-- line), the moment the file reached the inbox, and the day declared with 'ntm ingest --received'.
-- received_at stays the moment it was loaded, which orders the figures; it never makes a report late.
ALTER TABLE submission ADD COLUMN signed_on DATE;
ALTER TABLE submission ADD COLUMN arrived_at TIMESTAMP;
ALTER TABLE submission ADD COLUMN declared_on DATE;

-- Which units must report which data set (reference data: reporting_duties.csv and the home's
-- reference/reporting_duties/): the level of the units, the indicators each must state, the day of
-- the next month it is due, and the months the duty runs. Units in force each month are expected.
CREATE TABLE reporting_duty (
    data_set      VARCHAR NOT NULL,
    level         VARCHAR NOT NULL,
    name_vi       VARCHAR NOT NULL,
    indicators    VARCHAR NOT NULL,          -- codes separated by ';'
    deadline_day  INTEGER,                   -- NULL: the schedule's reporting_deadline_day
    from_period   INTEGER NOT NULL,
    to_period     INTEGER,
    province_code VARCHAR                    -- NULL: every province
);

-- The data quality review's consistency checks (reference data: consistency_checks.csv and the
-- home's reference/consistency_checks/): over time, drop-out between two doses, ratio of two indicators.
CREATE TABLE consistency_check (
    check_id      VARCHAR PRIMARY KEY,
    kind          VARCHAR NOT NULL CHECK (kind IN ('over_time', 'dropout', 'ratio')),
    first_code    VARCHAR NOT NULL,
    second_code   VARCHAR,
    tolerance     DECIMAL(9, 4),
    name_vi       VARCHAR NOT NULL,
    source        VARCHAR
);
