-- The warehouse's side of publishing to SQL Server: each batch the server committed, as the server
-- logged it (ntm.publication there). The server's log decides what is still to send.
CREATE SEQUENCE publication_id_seq START 1;
CREATE TABLE publication (
    publication_id   BIGINT PRIMARY KEY DEFAULT nextval('publication_id_seq'),
    target           VARCHAR NOT NULL,
    published_at     TIMESTAMP NOT NULL,
    submissions      INTEGER NOT NULL,
    observations     BIGINT NOT NULL,
    first_submission BIGINT,
    last_submission  BIGINT
);
