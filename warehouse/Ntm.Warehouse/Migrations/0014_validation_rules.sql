-- Validation rules kept as data (reference data: validation_rules.csv and the home's
-- reference/validation_rules/): left side, operator, right side over indicators and measures,
-- importance, the levels and measures they are checked at, and the message. Ingestion checks every
-- file with them; 'ntm quality' checks the month's current figures with them.
CREATE TABLE validation_rule (
    rule_id     VARCHAR PRIMARY KEY,
    left_side   VARCHAR NOT NULL,
    operator    VARCHAR NOT NULL,
    right_side  VARCHAR NOT NULL,
    severity    VARCHAR NOT NULL CHECK (severity IN ('error', 'warning')),
    levels      VARCHAR,
    measures    VARCHAR,
    kind        VARCHAR,
    message_vi  VARCHAR NOT NULL,
    source      VARCHAR
);
