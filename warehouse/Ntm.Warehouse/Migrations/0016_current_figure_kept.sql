-- A figure's current value is kept, not recomputed by every question: is_current marks the one row
-- of each figure (period, unit, indicator, measure, part of a total) that is its value now, the
-- rule being the one it always was (the latest accepted file that states it; a withdrawn value is
-- current and says there is none). The ledger sets it for the figures a group of files touches,
-- in the group's transaction, so asking for current figures is a filter, not a ranking of the
-- whole history.
ALTER TABLE fact_observation ADD COLUMN is_current BOOLEAN DEFAULT false;

UPDATE fact_observation SET is_current = true
FROM (
    SELECT f.rowid AS row_id
    FROM fact_observation f
    JOIN submission s ON s.submission_id = f.submission_id AND s.status IN ('accepted', 'partly_superseded')
    QUALIFY row_number() OVER (
        PARTITION BY f.period_key, f.area_id, f.indicator_code, f.measure, f.disaggregation
        ORDER BY s.received_at DESC, s.submission_id DESC, f.rowid DESC) = 1
) c
WHERE fact_observation.rowid = c.row_id;

DROP VIEW IF EXISTS v_observation;
DROP VIEW IF EXISTS v_observation_part;
DROP VIEW IF EXISTS v_observation_history;

-- The current value of every figure (totals; parts of a total are in v_observation_part).
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
FROM fact_observation f
JOIN dim_period p ON p.period_key = f.period_key
JOIN dim_area a ON a.area_id = f.area_id
WHERE f.is_current AND NOT f.withdrawn AND f.disaggregation = '';

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
FROM fact_observation f
JOIN dim_period p ON p.period_key = f.period_key
JOIN dim_area a ON a.area_id = f.area_id
WHERE f.is_current AND NOT f.withdrawn AND f.disaggregation <> '';

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
       f.is_current,
       f.area_id,
       f.period_key
FROM fact_observation f
JOIN submission s ON s.submission_id = f.submission_id AND s.status <> 'rejected'
JOIN dim_period p ON p.period_key = f.period_key
JOIN dim_area a ON a.area_id = f.area_id;
