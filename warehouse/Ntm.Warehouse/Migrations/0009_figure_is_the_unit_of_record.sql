-- The figure, not the file, is what a later report replaces. A figure is (period, unit, indicator,
-- measure, part of a total); its current value is the one from the latest accepted file that states
-- it, or nothing when that file withdrew it. A file is superseded only when every figure it stated
-- has a later value, partly superseded when some have.

-- A part of a total ('' for the total itself, 'female', 'age_u15'…) and a figure withdrawn by a
-- correction ("x" in its cell).
ALTER TABLE fact_observation ADD COLUMN disaggregation VARCHAR DEFAULT '';
ALTER TABLE fact_observation ADD COLUMN withdrawn BOOLEAN DEFAULT false;
UPDATE fact_observation SET disaggregation = '' WHERE disaggregation IS NULL;
UPDATE fact_observation SET withdrawn = false WHERE withdrawn IS NULL;

-- Notes a migration leaves for the one who ran it (`ntm init` prints them).
CREATE TABLE migration_note (
    version INTEGER NOT NULL,
    note    VARCHAR NOT NULL
);

-- The ledger with the status of a file whose figures are only partly replaced, and how many of
-- its figures are current.
DROP VIEW IF EXISTS v_observation;
DROP VIEW IF EXISTS v_submission;
DROP VIEW IF EXISTS v_target;
CREATE TABLE submission_next (
    submission_id   BIGINT PRIMARY KEY DEFAULT nextval('submission_id_seq'),
    file_name       VARCHAR NOT NULL,
    sha256          VARCHAR NOT NULL,
    received_at     TIMESTAMP NOT NULL,
    template        VARCHAR,
    area_id         INTEGER,
    period_key      INTEGER,
    status          VARCHAR NOT NULL CHECK (status IN ('accepted', 'partly_superseded', 'superseded', 'rejected')),
    superseded_by   BIGINT,
    rows_loaded     INTEGER NOT NULL DEFAULT 0,
    errors          INTEGER NOT NULL DEFAULT 0,
    warnings        INTEGER NOT NULL DEFAULT 0,
    archive_path    VARCHAR,
    figures_current INTEGER
);
INSERT INTO submission_next
SELECT submission_id, file_name, sha256, received_at, template, area_id, period_key, status, superseded_by,
       rows_loaded, errors, warnings, archive_path, NULL
FROM submission;
DROP TABLE submission;
ALTER TABLE submission_next RENAME TO submission;

-- Every file's figures counted again by the new rule. A file that a later file superseded whole
-- before, although that later file did not restate all its figures, is current again for the
-- figures no one restated.
CREATE TEMP TABLE figure_rank AS
SELECT f.submission_id,
       row_number() OVER (PARTITION BY f.period_key, f.area_id, f.indicator_code, f.measure, f.disaggregation
                          ORDER BY s.received_at DESC, s.submission_id DESC) AS rank_in_figure
FROM fact_observation f JOIN submission s ON s.submission_id = f.submission_id AND s.status <> 'rejected'
UNION ALL
SELECT t.submission_id,
       row_number() OVER (PARTITION BY t.area_id, t.year, t.indicator_code ORDER BY s.received_at DESC, s.submission_id DESC)
FROM target t JOIN submission s ON s.submission_id = t.submission_id AND s.status <> 'rejected';

CREATE TEMP TABLE figure_count AS
SELECT submission_id, count(*) AS stated, count(*) FILTER (WHERE rank_in_figure = 1) AS current
FROM figure_rank GROUP BY submission_id;

INSERT INTO migration_note
SELECT 9, 'Mỗi số liệu giờ là đơn vị thay thế: ' || count(*) || ' báo cáo trước đây bị coi là đã được thay thế cả tệp nay vẫn là giá trị hiện hành của '
          || coalesce(sum(c.current), 0) || ' số liệu mà tệp sau không ghi lại.'
FROM submission s JOIN figure_count c ON c.submission_id = s.submission_id
WHERE s.status = 'superseded' AND c.current > 0
HAVING count(*) > 0;

UPDATE submission
SET status = CASE WHEN c.current = 0 THEN 'superseded' WHEN c.current < c.stated THEN 'partly_superseded' ELSE 'accepted' END,
    figures_current = c.current
FROM figure_count c
WHERE c.submission_id = submission.submission_id AND submission.status <> 'rejected';

UPDATE submission SET figures_current = 0 WHERE figures_current IS NULL AND status <> 'rejected';
DROP TABLE figure_rank;
DROP TABLE figure_count;

-- The current value of every figure (totals; parts of a total are in v_observation_part): the
-- latest accepted file that states it, unless it withdrew it.
CREATE VIEW v_observation AS
SELECT p.period,
       a.area_code,
       a.area_name,
       a.level AS area_level,
       f.indicator_code,
       f.measure,
       f.value,
       f.submission_id,
       f.area_id,
       f.period_key
FROM (
    SELECT f.*,
           row_number() OVER (
               PARTITION BY f.period_key, f.area_id, f.indicator_code, f.measure, f.disaggregation
               ORDER BY s.received_at DESC, s.submission_id DESC) AS rank_in_figure
    FROM fact_observation f
    JOIN submission s ON s.submission_id = f.submission_id AND s.status IN ('accepted', 'partly_superseded')
) f
JOIN dim_period p ON p.period_key = f.period_key
JOIN dim_area a ON a.area_id = f.area_id
WHERE f.rank_in_figure = 1 AND NOT f.withdrawn AND f.disaggregation = '';

-- The current value of every part of a total ("trong đó nữ", "< 15 tuổi"): kept apart from the totals.
CREATE VIEW v_observation_part AS
SELECT p.period,
       a.area_code,
       a.area_name,
       a.level AS area_level,
       f.indicator_code,
       f.measure,
       f.disaggregation,
       f.value,
       f.submission_id,
       f.area_id,
       f.period_key
FROM (
    SELECT f.*,
           row_number() OVER (
               PARTITION BY f.period_key, f.area_id, f.indicator_code, f.measure, f.disaggregation
               ORDER BY s.received_at DESC, s.submission_id DESC) AS rank_in_figure
    FROM fact_observation f
    JOIN submission s ON s.submission_id = f.submission_id AND s.status IN ('accepted', 'partly_superseded')
) f
JOIN dim_period p ON p.period_key = f.period_key
JOIN dim_area a ON a.area_id = f.area_id
WHERE f.rank_in_figure = 1 AND NOT f.withdrawn AND f.disaggregation <> '';

-- Every value a figure ever had: from which file, sheet and cell, when, withdrawn or not, and
-- whether it is the current one.
CREATE VIEW v_observation_history AS
SELECT p.period,
       a.area_code,
       a.area_name,
       f.indicator_code,
       f.measure,
       f.disaggregation,
       f.value,
       f.withdrawn,
       f.submission_id,
       s.file_name,
       s.received_at,
       s.status,
       f.sheet,
       f.cell,
       f.rank_in_figure = 1 AND s.status IN ('accepted', 'partly_superseded') AS is_current,
       f.area_id,
       f.period_key
FROM (
    SELECT f.*,
           row_number() OVER (
               PARTITION BY f.period_key, f.area_id, f.indicator_code, f.measure, f.disaggregation
               ORDER BY (s.status IN ('accepted', 'partly_superseded')) DESC, s.received_at DESC, s.submission_id DESC) AS rank_in_figure
    FROM fact_observation f
    JOIN submission s ON s.submission_id = f.submission_id AND s.status <> 'rejected'
) f
JOIN submission s ON s.submission_id = f.submission_id
JOIN dim_period p ON p.period_key = f.period_key
JOIN dim_area a ON a.area_id = f.area_id;

CREATE VIEW v_submission AS
SELECT s.submission_id,
       s.file_name,
       s.sha256,
       s.received_at,
       s.template,
       a.area_code,
       p.period,
       s.status,
       s.rows_loaded,
       s.errors,
       s.warnings,
       s.superseded_by,
       s.archive_path,
       s.figures_current
FROM submission s
LEFT JOIN dim_area a ON a.area_id = s.area_id
LEFT JOIN dim_period p ON p.period_key = s.period_key;

-- The current target of each unit, year and indicator: the latest accepted file that gave one,
-- else the reference data's.
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
    WHERE t.submission_id IS NULL OR s.status IN ('accepted', 'partly_superseded')
) t
JOIN dim_area a ON a.area_id = t.area_id
WHERE t.rank_in_cell = 1;
