-- The indicator catalogue learns how each indicator behaves: flags (a unit meets a standard or
-- not) join counts, ratios and rates; period_type says whether a count is a flow (cases in a
-- month, summed into a year-to-date) or a stock (people at a date); better says which way is
-- good (targets without a comparator take it); decimals is how many places a display shows.
-- dim_indicator is reference data, reloaded by `ntm init`: it is rebuilt here with the new
-- columns and the wider kind check.
DROP TABLE dim_indicator;
CREATE TABLE dim_indicator (
    indicator_code   VARCHAR PRIMARY KEY,
    kind             VARCHAR NOT NULL CHECK (kind IN ('count', 'ratio', 'rate', 'flag')),
    unit             VARCHAR,
    domain           VARCHAR NOT NULL,
    numerator_code   VARCHAR,
    denominator_code VARCHAR,
    factor           DECIMAL(18, 4),
    name_vi          VARCHAR NOT NULL,
    name_en          VARCHAR NOT NULL,
    period_type      VARCHAR NOT NULL DEFAULT 'stock' CHECK (period_type IN ('flow', 'stock')),
    better           VARCHAR CHECK (better IS NULL OR better IN ('higher', 'lower')),
    decimals         TINYINT NOT NULL DEFAULT 1,
    CHECK (kind <> 'ratio' OR (numerator_code IS NOT NULL AND denominator_code IS NOT NULL AND factor IS NOT NULL))
);
DELETE FROM reference_dataset WHERE dataset = 'reference';

-- Targets come from reference data (submission_id NULL) and from submitted workbooks (a unit's
-- own targets for 2025 and 2030, a province's plan for next year), which keep their sheet and
-- cell and follow their submission: superseded or rejected files' targets are not current.
DROP TABLE target;
CREATE TABLE target (
    area_id        INTEGER NOT NULL,
    year           SMALLINT NOT NULL,
    indicator_code VARCHAR NOT NULL,
    comparator     VARCHAR NOT NULL CHECK (comparator IN ('>=', '>', '<=', '<', '=')),
    value          DECIMAL(18, 4) NOT NULL,
    source         VARCHAR,
    submission_id  BIGINT,
    sheet          VARCHAR,
    cell           VARCHAR,
    note           VARCHAR
);

-- The current target of each unit, year and indicator: the latest accepted submission that gave
-- one, else the reference data's.
CREATE VIEW v_target AS
SELECT a.area_code, a.area_name, a.level AS area_level, t.year, t.indicator_code, t.comparator, t.value, t.source,
       t.submission_id, t.sheet, t.cell, t.note, t.area_id
FROM (
    SELECT t.*,
           row_number() OVER (
               PARTITION BY t.area_id, t.year, t.indicator_code
               ORDER BY (t.submission_id IS NULL), s.received_at DESC, s.submission_id DESC) AS rank_in_cell
    FROM target t
    LEFT JOIN submission s ON s.submission_id = t.submission_id
    WHERE t.submission_id IS NULL OR s.status = 'accepted'
) t
JOIN dim_area a ON a.area_id = t.area_id
WHERE t.rank_in_cell = 1;
