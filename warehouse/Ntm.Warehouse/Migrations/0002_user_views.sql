-- The stable user-facing views (documented in the README). Outside tools rely on their names
-- and columns: change them only by adding columns.

CREATE VIEW v_area AS
SELECT a.area_code,
       a.area_name,
       a.level,
       a.unit_type,
       a.parent_code,
       a.province_code,
       a.valid_from,
       a.valid_to,
       a.full_name,
       a.region,
       a.area_id
FROM dim_area a;

CREATE VIEW v_area_crosswalk AS
SELECT old_code, new_code, weight, merge_type, old_area_id, new_area_id
FROM area_crosswalk;

-- The current value of every cell: the latest accepted submission that reported it.
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
               PARTITION BY f.period_key, f.area_id, f.indicator_code, f.measure
               ORDER BY s.received_at DESC, s.submission_id DESC) AS rank_in_cell
    FROM fact_observation f
    JOIN submission s ON s.submission_id = f.submission_id AND s.status = 'accepted'
) f
JOIN dim_period p ON p.period_key = f.period_key
JOIN dim_area a ON a.area_id = f.area_id
WHERE f.rank_in_cell = 1;

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
       s.archive_path
FROM submission s
LEFT JOIN dim_area a ON a.area_id = s.area_id
LEFT JOIN dim_period p ON p.period_key = s.period_key;

CREATE VIEW v_finding AS
SELECT submission_id, severity, sheet, cell, rule, message, value_seen, expected, finding_no
FROM finding;
