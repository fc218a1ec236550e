-- The star schema in SQL Server, published from the DuckDB warehouse by `ntm publish sqlserver`.
-- Text a statistician reads is NVARCHAR (Vietnamese needs Unicode); keys are the warehouse's own,
-- so a row here is the row there. The facts are a clustered columnstore (scans and aggregates
-- over tens of millions of rows); a submission's status is updated when a later file supersedes it,
-- and v_observation ranks like the warehouse's view.
IF SCHEMA_ID(N'ntm') IS NULL EXEC(N'CREATE SCHEMA ntm');
GO
IF OBJECT_ID(N'ntm.dim_area') IS NULL
CREATE TABLE ntm.dim_area (
    area_id       INT           NOT NULL CONSTRAINT pk_dim_area PRIMARY KEY,
    area_code     VARCHAR(16)   NOT NULL,
    area_name     NVARCHAR(200) NOT NULL,
    full_name     NVARCHAR(250) NOT NULL,
    level         VARCHAR(16)   NOT NULL,
    unit_type     NVARCHAR(100) NOT NULL,
    parent_id     INT           NULL,
    province_code VARCHAR(8)    NOT NULL,
    valid_from    DATE          NOT NULL,
    valid_to      DATE          NULL
);
GO
IF OBJECT_ID(N'ntm.dim_indicator') IS NULL
CREATE TABLE ntm.dim_indicator (
    indicator_code VARCHAR(100)  NOT NULL CONSTRAINT pk_dim_indicator PRIMARY KEY,
    kind           VARCHAR(16)   NOT NULL,
    unit           NVARCHAR(50)  NULL,
    domain         VARCHAR(50)   NOT NULL,
    name_vi        NVARCHAR(400) NOT NULL
);
GO
IF OBJECT_ID(N'ntm.dim_period') IS NULL
CREATE TABLE ntm.dim_period (
    period_key INT        NOT NULL CONSTRAINT pk_dim_period PRIMARY KEY,
    period     CHAR(7)    NOT NULL,
    year       SMALLINT   NOT NULL,
    quarter    TINYINT    NOT NULL,
    month      TINYINT    NOT NULL,
    first_day  DATE       NOT NULL
);
GO
IF OBJECT_ID(N'ntm.submission') IS NULL
CREATE TABLE ntm.submission (
    submission_id BIGINT        NOT NULL CONSTRAINT pk_submission PRIMARY KEY,
    file_name     NVARCHAR(400) NOT NULL,
    sha256        CHAR(64)      NOT NULL,
    received_at   DATETIME2(3)  NOT NULL,
    template      VARCHAR(100)  NULL,
    area_id       INT           NULL,
    period_key    INT           NULL,
    status        VARCHAR(16)   NOT NULL CONSTRAINT ck_submission_status CHECK (status IN ('accepted', 'superseded')),
    superseded_by BIGINT        NULL,
    rows_loaded   INT           NOT NULL
);
GO
IF OBJECT_ID(N'ntm.fact_observation') IS NULL
BEGIN
    CREATE TABLE ntm.fact_observation (
        submission_id  BIGINT         NOT NULL,
        period_key     INT            NOT NULL,
        area_id        INT            NOT NULL,
        indicator_code VARCHAR(100)   NOT NULL,
        measure        VARCHAR(16)    NOT NULL,
        value          DECIMAL(18, 4) NOT NULL,
        sheet          NVARCHAR(200)  NULL,
        cell           VARCHAR(16)    NULL
    );
    CREATE CLUSTERED COLUMNSTORE INDEX cci_fact_observation ON ntm.fact_observation;
END
GO
-- The publication log on the server: written in the same transaction as a batch's rows, so a
-- batch is either wholly here and logged or not here at all; a rerun resumes after the last one.
IF OBJECT_ID(N'ntm.publication') IS NULL
CREATE TABLE ntm.publication (
    publication_id BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_publication PRIMARY KEY,
    published_at   DATETIME2(3)  NOT NULL,
    submissions    INT           NOT NULL,
    observations   BIGINT        NOT NULL,
    first_submission BIGINT      NULL,
    last_submission  BIGINT      NULL,
    source         NVARCHAR(400) NOT NULL
);
GO
