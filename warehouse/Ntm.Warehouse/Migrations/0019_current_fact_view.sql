-- The current value of every figure (totals) with the facts' own columns and nothing joined: the
-- rule written once (the mark the ledger keeps, not withdrawn, not a part of a total). A question
-- joins what it needs to it; DuckDB then narrows the facts by the question's own filters (a
-- province's units, a month) before any join, which it does not do through the names that
-- v_observation joins first.
CREATE VIEW v_current_fact AS
SELECT area_id, period_key, indicator_code, measure, value, submission_id, sheet, cell
FROM fact_observation
WHERE is_current AND NOT withdrawn AND disaggregation = '';

CREATE OR REPLACE VIEW v_observation AS
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
FROM v_current_fact f
JOIN dim_period p ON p.period_key = f.period_key
JOIN dim_area a ON a.area_id = f.area_id;

CREATE OR REPLACE VIEW v_fact_pooled AS
SELECT CASE WHEN pooled THEN parent_id ELSE area_id END AS area_id, valid_from, period_key, indicator_code, measure,
       CASE WHEN abs(sum(value)) < 100000000000000 THEN CAST(sum(value) AS DECIMAL(18, 4)) END AS value,
       CAST(count(*) AS INTEGER) AS units, pooled, min(area_id) AS member
FROM (
    SELECT f.area_id, f.period_key, f.indicator_code, f.measure, f.value, u.parent_id, u.valid_from,
           u.leaf AND f.measure IN ('month', 'stock') AS pooled
    FROM v_current_fact f JOIN v_pooled_unit u ON u.area_id = f.area_id)
GROUP BY ALL;
