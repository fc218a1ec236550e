-- The years a unit declared an epidemic of a disease (reference data: epidemic_years.csv and the
-- home's reference/epidemic_years/). Thông tư 15/2026/TT-BYT leaves those years out of the
-- baseline an epidemic is judged against.
CREATE TABLE epidemic_year (
    area_id        INTEGER NOT NULL,
    indicator_code VARCHAR NOT NULL,
    year           SMALLINT NOT NULL,
    source         VARCHAR,
    PRIMARY KEY (area_id, indicator_code, year)
);
