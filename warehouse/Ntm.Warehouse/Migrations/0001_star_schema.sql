-- The star schema. Facts are observations at monthly grain; every dimension is reference data
-- that `ntm init` loads from data files. No foreign keys on the fact table: DuckDB checks them
-- row by row, which would slow the appender, and the loader guarantees them instead (tested).

-- Months from 2000-01 to 2040-12; years and quarters are rollups of months.
CREATE TABLE dim_period (
    period_key INTEGER PRIMARY KEY,          -- yyyymm
    period     VARCHAR NOT NULL UNIQUE,      -- 'YYYY-MM'
    year       SMALLINT NOT NULL,
    quarter    TINYINT NOT NULL,
    month      TINYINT NOT NULL,
    first_day  DATE NOT NULL,
    last_day   DATE NOT NULL
);

INSERT INTO dim_period
SELECT CAST(strftime(d, '%Y%m') AS INTEGER),
       strftime(d, '%Y-%m'),
       year(d), quarter(d), month(d),
       CAST(d AS DATE),
       CAST(last_day(d) AS DATE)
FROM range(DATE '2000-01-01', DATE '2041-01-01', INTERVAL 1 MONTH) AS t(d);

-- Administrative units of both generations. The same official code can name different units
-- before and after 2025-07-01, so the key is area_id (generation, level and code, see the README).
CREATE TABLE dim_area (
    area_id       INTEGER PRIMARY KEY,
    area_code     VARCHAR NOT NULL,
    area_name     VARCHAR NOT NULL,          -- 'Long Mỹ'
    full_name     VARCHAR NOT NULL,          -- 'Huyện Long Mỹ'
    name_ascii    VARCHAR NOT NULL,          -- 'Long My'
    level         VARCHAR NOT NULL CHECK (level IN ('province', 'district', 'commune')),
    unit_type     VARCHAR NOT NULL,          -- Tỉnh, Thành phố trực thuộc trung ương, Huyện, Xã, Phường, Đặc khu…
    parent_id     INTEGER,
    parent_code   VARCHAR,
    province_code VARCHAR NOT NULL,
    region        VARCHAR,                   -- statistical region of the province (GSO's 8 regions)
    valid_from    DATE NOT NULL,
    valid_to      DATE,                      -- NULL while in force
    UNIQUE (area_code, valid_from)
);

-- Old unit -> new unit. weight is the share of the old unit's figures attributed to the new one:
-- 1 where the whole unit moved; an equal split among the new units where it was divided.
CREATE TABLE area_crosswalk (
    old_area_id INTEGER NOT NULL,
    new_area_id INTEGER NOT NULL,
    old_code    VARCHAR NOT NULL,
    new_code    VARCHAR NOT NULL,
    weight      DECIMAL(9, 6) NOT NULL CHECK (weight > 0 AND weight <= 1),
    merge_type  VARCHAR NOT NULL CHECK (merge_type IN ('full', 'partial')),
    PRIMARY KEY (old_area_id, new_area_id)
);

-- Classifications of areas that criteria thresholds depend on: the New Rural region of a
-- province, an especially disadvantaged commune, the commune group of Quyết định 51/2025…
CREATE TABLE area_segment (
    area_id        INTEGER NOT NULL,
    segment_kind   VARCHAR NOT NULL,         -- 'ntm_region', 'especially_disadvantaged', 'commune_group'
    segment_value  VARCHAR NOT NULL,         -- 'TDMNPB', 'true', 'nhom_1'
    valid_from_year SMALLINT NOT NULL DEFAULT 2000,
    valid_to_year   SMALLINT NOT NULL DEFAULT 9999,
    source         VARCHAR,
    PRIMARY KEY (area_id, segment_kind, valid_from_year)
);

-- Other spellings of unit names found in submissions ('TP. H.C.M', 'TT - Huế'); alias_key is normalised.
CREATE TABLE area_alias (
    area_id   INTEGER NOT NULL,
    alias     VARCHAR NOT NULL,
    alias_key VARCHAR NOT NULL,
    PRIMARY KEY (area_id, alias_key)
);

-- Indicators: counts are summed; a ratio names its numerator and denominator and is always
-- recomputed from their sums (times factor), never averaged.
CREATE TABLE dim_indicator (
    indicator_code   VARCHAR PRIMARY KEY,
    kind             VARCHAR NOT NULL CHECK (kind IN ('count', 'ratio', 'rate')),
    unit             VARCHAR,
    domain           VARCHAR NOT NULL,
    numerator_code   VARCHAR,
    denominator_code VARCHAR,
    factor           DECIMAL(18, 4),
    name_vi          VARCHAR NOT NULL,
    name_en          VARCHAR NOT NULL,
    CHECK (kind <> 'ratio' OR (numerator_code IS NOT NULL AND denominator_code IS NOT NULL AND factor IS NOT NULL))
);

-- Names by which spreadsheets label an indicator; alias_key is the normalised form matched on.
CREATE TABLE indicator_alias (
    indicator_code VARCHAR NOT NULL,
    alias          VARCHAR NOT NULL,
    alias_key      VARCHAR NOT NULL,
    PRIMARY KEY (indicator_code, alias_key)
);

-- One row per file received.
CREATE SEQUENCE submission_id_seq START 1;
CREATE TABLE submission (
    submission_id BIGINT PRIMARY KEY DEFAULT nextval('submission_id_seq'),
    file_name     VARCHAR NOT NULL,
    sha256        VARCHAR NOT NULL,
    received_at   TIMESTAMP NOT NULL,
    template      VARCHAR,
    area_id       INTEGER,                   -- NULL when a file covers several areas (a yearbook)
    period_key    INTEGER,                   -- NULL when a file covers several periods
    status        VARCHAR NOT NULL CHECK (status IN ('accepted', 'rejected', 'superseded')),
    superseded_by BIGINT,
    rows_loaded   INTEGER NOT NULL DEFAULT 0,
    errors        INTEGER NOT NULL DEFAULT 0,
    warnings      INTEGER NOT NULL DEFAULT 0,
    archive_path  VARCHAR
);

-- Errors and warnings found in a submission, in the statistician's language.
CREATE TABLE finding (
    submission_id BIGINT NOT NULL,
    finding_no    INTEGER NOT NULL,
    severity      VARCHAR NOT NULL CHECK (severity IN ('error', 'warning')),
    sheet         VARCHAR,
    cell          VARCHAR,
    rule          VARCHAR NOT NULL,
    message       VARCHAR NOT NULL,
    value_seen    VARCHAR,
    expected      VARCHAR,
    PRIMARY KEY (submission_id, finding_no)
);

-- Grain: (period, area, indicator, measure, submission). Values are exact decimals as submitted.
CREATE TABLE fact_observation (
    submission_id  BIGINT NOT NULL,
    period_key     INTEGER NOT NULL,
    area_id        INTEGER NOT NULL,
    indicator_code VARCHAR NOT NULL,
    measure        VARCHAR NOT NULL CHECK (measure IN ('month', 'ytd', 'stock', 'target_year', 'reported_rate')),
    value          DECIMAL(18, 4) NOT NULL,
    sheet          VARCHAR,
    cell           VARCHAR
);

-- Criteria sets (New Rural criteria, Resolution 20 targets…), as data.
CREATE TABLE criteria_set (
    set_code        VARCHAR PRIMARY KEY,
    name_vi         VARCHAR NOT NULL,
    segment_kind    VARCHAR,                 -- what thresholds vary by: 'ntm_region', 'commune_group' or NULL
    disadvantaged_segment VARCHAR,           -- the segment whose thresholds especially disadvantaged communes use
    valid_from_year SMALLINT NOT NULL,
    valid_to_year   SMALLINT NOT NULL,
    source          VARCHAR
);

CREATE TABLE criterion (
    set_code       VARCHAR NOT NULL,
    criterion_code VARCHAR NOT NULL,
    indicator_code VARCHAR NOT NULL,
    comparator     VARCHAR NOT NULL CHECK (comparator IN ('>=', '>', '<=', '<', '=')),
    unit           VARCHAR,
    name_vi        VARCHAR NOT NULL,
    source         VARCHAR,
    PRIMARY KEY (set_code, criterion_code)
);

-- Thresholds: one row per criterion and segment (NULL segment = every area), with the source's caveat.
CREATE TABLE criterion_threshold (
    set_code        VARCHAR NOT NULL,
    criterion_code  VARCHAR NOT NULL,
    segment_value   VARCHAR NOT NULL DEFAULT '*',
    threshold       DECIMAL(18, 4) NOT NULL,
    valid_from_year SMALLINT NOT NULL,
    valid_to_year   SMALLINT NOT NULL,
    note            VARCHAR,
    PRIMARY KEY (set_code, criterion_code, segment_value)
);

-- A province's stricter (or different) threshold for a criterion.
CREATE TABLE criterion_override (
    set_code       VARCHAR NOT NULL,
    criterion_code VARCHAR NOT NULL,
    province_code  VARCHAR NOT NULL,
    valid_from     DATE NOT NULL,
    threshold      DECIMAL(18, 4) NOT NULL,
    source         VARCHAR NOT NULL,
    note           VARCHAR,
    PRIMARY KEY (set_code, criterion_code, province_code, valid_from)
);

-- Plan targets per area and year (a province's BHYT target…).
CREATE TABLE target (
    area_id        INTEGER NOT NULL,
    year           SMALLINT NOT NULL,
    indicator_code VARCHAR NOT NULL,
    comparator     VARCHAR NOT NULL CHECK (comparator IN ('>=', '>', '<=', '<', '=')),
    value          DECIMAL(18, 4) NOT NULL,
    source         VARCHAR,
    PRIMARY KEY (area_id, year, indicator_code)
);

-- Which reference data files are loaded, so `ntm init` reloads only what changed.
CREATE TABLE reference_dataset (
    dataset   VARCHAR PRIMARY KEY,
    checksum  VARCHAR NOT NULL,
    row_count INTEGER NOT NULL,
    loaded_at TIMESTAMP NOT NULL,
    source    VARCHAR
);

-- Every run of a scheduled or manual job.
CREATE SEQUENCE job_run_id_seq START 1;
CREATE TABLE job_run (
    job_run_id      BIGINT PRIMARY KEY DEFAULT nextval('job_run_id_seq'),
    job             VARCHAR NOT NULL,
    fire_time       TIMESTAMP,
    started_at      TIMESTAMP NOT NULL,
    ended_at        TIMESTAMP,
    outcome         VARCHAR NOT NULL CHECK (outcome IN ('running', 'succeeded', 'failed', 'busy', 'partial')),
    files_processed INTEGER NOT NULL DEFAULT 0,
    message         VARCHAR
);
