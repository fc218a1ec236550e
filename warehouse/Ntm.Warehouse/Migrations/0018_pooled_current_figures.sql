-- The current figures with the month and stock figures of units without children (communes, and
-- the districts or provinces that have none) summed under their parent: what a series of totals
-- (the trend of every province, of a district's months) needs, from a tenth of the rows. Kept by the
-- ledger in the same transaction as the current mark (is_current), for the figures a group of
-- files touches; rebuilt whole when the units are loaded again.

-- A unit whose month and stock figures are held as its parent's sum: it has a parent and no children.
CREATE VIEW v_pooled_unit AS
SELECT a.area_id, a.parent_id, a.valid_from,
       a.parent_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM dim_area c WHERE c.parent_id = a.area_id) AS leaf
FROM dim_area a;

-- The rule, once: a pooled row is the sum of the current figures of a parent's units of one
-- generation (valid_from) for one month, indicator and measure, with how many units it holds and
-- the smallest of them (whose lifetime is the units'); any other current figure is its own row.
-- A sum is kept in the facts' own decimals (read many times faster than wider ones); one too large
-- for them (10^14 or more, which no real report reaches) is kept as NULL, and a question that meets
-- it reads the units' own figures instead.
CREATE VIEW v_fact_pooled AS
SELECT CASE WHEN pooled THEN parent_id ELSE area_id END AS area_id, valid_from, period_key, indicator_code, measure,
       CASE WHEN abs(sum(value)) < 100000000000000 THEN CAST(sum(value) AS DECIMAL(18, 4)) END AS value,
       CAST(count(*) AS INTEGER) AS units, pooled, min(area_id) AS member
FROM (
    SELECT f.area_id, f.period_key, f.indicator_code, f.measure, f.value, u.parent_id, u.valid_from,
           u.leaf AND f.measure IN ('month', 'stock') AS pooled
    FROM fact_observation f JOIN v_pooled_unit u ON u.area_id = f.area_id
    WHERE f.is_current AND NOT f.withdrawn AND f.disaggregation = '')
GROUP BY ALL;

CREATE TABLE fact_pooled (
    area_id        INTEGER NOT NULL,
    valid_from     DATE NOT NULL,
    period_key     INTEGER NOT NULL,
    indicator_code VARCHAR NOT NULL,
    measure        VARCHAR NOT NULL,
    value          DECIMAL(18, 4),
    units          INTEGER NOT NULL,
    pooled         BOOLEAN NOT NULL,
    member         INTEGER NOT NULL
);

-- Written in the order questions ask (an indicator over months), so that a question reads the few
-- row groups of its indicator.
INSERT INTO fact_pooled SELECT * FROM v_fact_pooled ORDER BY indicator_code, period_key, area_id;
