-- The figure, not the file, is what a later report replaces (as in the warehouse's migration 0009):
-- a file whose figures are only partly restated is partly superseded, a figure may be a part of a
-- total or withdrawn, and the current value of a figure is the latest accepted file's that states it.
IF EXISTS (SELECT 1 FROM sys.check_constraints WHERE name = N'ck_submission_status' AND definition NOT LIKE N'%partly_superseded%')
BEGIN
    ALTER TABLE ntm.submission DROP CONSTRAINT ck_submission_status;
    ALTER TABLE ntm.submission ADD CONSTRAINT ck_submission_status CHECK (status IN ('accepted', 'partly_superseded', 'superseded'));
END
GO
IF COL_LENGTH(N'ntm.fact_observation', N'disaggregation') IS NULL
    ALTER TABLE ntm.fact_observation ADD disaggregation VARCHAR(100) NOT NULL CONSTRAINT df_fact_observation_disaggregation DEFAULT '';
GO
IF COL_LENGTH(N'ntm.fact_observation', N'withdrawn') IS NULL
    ALTER TABLE ntm.fact_observation ADD withdrawn BIT NOT NULL CONSTRAINT df_fact_observation_withdrawn DEFAULT 0;
GO
CREATE OR ALTER VIEW ntm.v_observation AS
SELECT p.period, a.area_code, a.area_name, a.level AS area_level, f.indicator_code, f.measure, f.value, f.submission_id, f.area_id, f.period_key
FROM (
    SELECT f.*, ROW_NUMBER() OVER (PARTITION BY f.period_key, f.area_id, f.indicator_code, f.measure, f.disaggregation ORDER BY s.received_at DESC, s.submission_id DESC) AS rank_in_figure
    FROM ntm.fact_observation f
    JOIN ntm.submission s ON s.submission_id = f.submission_id AND s.status IN ('accepted', 'partly_superseded')
) f
JOIN ntm.dim_period p ON p.period_key = f.period_key
JOIN ntm.dim_area a ON a.area_id = f.area_id
WHERE f.rank_in_figure = 1 AND f.withdrawn = 0 AND f.disaggregation = '';
GO
