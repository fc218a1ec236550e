-- Thresholds the province sets (reference data: criterion_overrides.csv and the home's
-- reference/criterion_overrides/, written by 'ntm criteria threshold set'): for one province
-- (scope 'province', applies_to = the province code) or for a region or group of the set
-- (scope 'segment', applies_to = TDMNPB, ĐBSCL, nhom_2…), from a date.
CREATE TABLE criterion_override_new (
    set_code       VARCHAR NOT NULL,
    criterion_code VARCHAR NOT NULL,
    scope          VARCHAR NOT NULL CHECK (scope IN ('province', 'segment')),
    applies_to     VARCHAR NOT NULL,
    valid_from     DATE NOT NULL,
    threshold      DECIMAL(18, 4) NOT NULL,
    source         VARCHAR NOT NULL,
    note           VARCHAR,
    PRIMARY KEY (set_code, criterion_code, scope, applies_to, valid_from)
);
INSERT INTO criterion_override_new
SELECT set_code, criterion_code, 'province', province_code, valid_from, threshold, source, note FROM criterion_override;
DROP TABLE criterion_override;
ALTER TABLE criterion_override_new RENAME TO criterion_override;
