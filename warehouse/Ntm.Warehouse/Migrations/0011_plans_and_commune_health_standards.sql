-- Plans and the national commune health criteria.
-- The criteria sets (Quyết định 4667/QĐ-BYT, 1300/QĐ-BYT) are reference data, like the New Rural sets.
CREATE TABLE health_standard_set (
    set_code              VARCHAR PRIMARY KEY,
    name_vi               VARCHAR NOT NULL,
    valid_from            SMALLINT NOT NULL,
    valid_to              SMALLINT NOT NULL,
    min_total_percent     DECIMAL(9, 4) NOT NULL,
    min_criterion_percent DECIMAL(9, 4) NOT NULL,
    source                VARCHAR NOT NULL
);

CREATE TABLE health_standard_criterion (
    set_code       VARCHAR NOT NULL,
    criterion_code VARCHAR NOT NULL,
    position       SMALLINT NOT NULL,
    name_vi        VARCHAR NOT NULL,
    max_points     DECIMAL(9, 4) NOT NULL,
    indicator_code VARCHAR NOT NULL,
    PRIMARY KEY (set_code, criterion_code)
);

-- What plans aim at, and how each aim is judged (plan_targets.csv).
CREATE TABLE plan_target_kind (
    target_code    VARCHAR PRIMARY KEY,
    position       SMALLINT NOT NULL,
    name_vi        VARCHAR NOT NULL,
    unit_word      VARCHAR NOT NULL,
    criteria_sets  VARCHAR,
    indicator_code VARCHAR
);

-- A plan's target for a unit and year, as a submitted file states it: how many units are to
-- reach it (null when the file names them without a count). A later file that states the same
-- (unit, year, target) replaces it, as a figure is replaced.
CREATE TABLE plan_target (
    submission_id BIGINT NOT NULL,
    plan_year     SMALLINT NOT NULL,
    area_id       INTEGER NOT NULL,
    target_code   VARCHAR NOT NULL,
    planned       DECIMAL(18, 4),
    sheet         VARCHAR,
    cell          VARCHAR,
    PRIMARY KEY (submission_id, plan_year, area_id, target_code)
);

-- The communes a plan's target names, each with the cell and the name as written.
CREATE TABLE plan_commune (
    submission_id     BIGINT NOT NULL,
    plan_year         SMALLINT NOT NULL,
    area_id           INTEGER NOT NULL,
    target_code       VARCHAR NOT NULL,
    commune_area_id   INTEGER NOT NULL,
    written           VARCHAR NOT NULL,
    sheet             VARCHAR,
    cell              VARCHAR,
    PRIMARY KEY (submission_id, plan_year, area_id, target_code, commune_area_id)
);

-- The current plan: for each unit, year and target, the latest accepted file that states it.
CREATE VIEW v_plan_target AS
SELECT a.area_code, a.area_name, a.level AS area_level, t.plan_year, t.target_code, k.name_vi AS target_name,
       t.planned, t.submission_id, s.file_name, t.sheet, t.cell, t.area_id
FROM (
    SELECT t.*,
           row_number() OVER (PARTITION BY t.plan_year, t.area_id, t.target_code ORDER BY s.received_at DESC, s.submission_id DESC) AS rank_in_plan
    FROM plan_target t
    JOIN submission s ON s.submission_id = t.submission_id AND s.status IN ('accepted', 'partly_superseded')
) t
JOIN submission s ON s.submission_id = t.submission_id
JOIN dim_area a ON a.area_id = t.area_id
LEFT JOIN plan_target_kind k ON k.target_code = t.target_code
WHERE t.rank_in_plan = 1;

CREATE VIEW v_plan_commune AS
SELECT p.area_code, p.area_name, p.plan_year, p.target_code, c.area_code AS commune_code, c.area_name AS commune_name,
       pc.written, pc.sheet, pc.cell, pc.submission_id, pc.area_id, pc.commune_area_id
FROM v_plan_target p
JOIN plan_commune pc ON pc.submission_id = p.submission_id AND pc.plan_year = p.plan_year AND pc.area_id = p.area_id AND pc.target_code = p.target_code
JOIN dim_area c ON c.area_id = pc.commune_area_id;
