-- PostgreSQL twin of db/migration/sqlite/V6: the cache of catalogue cross-matches.
CREATE TABLE crossmatch_queries (
    object_id       TEXT    NOT NULL REFERENCES objects (object_id),
    catalogue       TEXT    NOT NULL,
    radius_arcsec   DOUBLE PRECISION NOT NULL,
    service_version TEXT    NOT NULL,
    service         TEXT    NOT NULL,
    query           TEXT,
    fetched_at      TEXT,
    n_sources       BIGINT,
    covered         BIGINT  NOT NULL DEFAULT 1 CHECK (covered IN (0, 1)),
    attempted_at    TEXT    NOT NULL,
    last_error      TEXT,
    rejected_rows   BIGINT  NOT NULL DEFAULT 0,
    PRIMARY KEY (object_id, catalogue, radius_arcsec, service_version)
);

CREATE TABLE crossmatch_rows (
    object_id         TEXT    NOT NULL,
    catalogue         TEXT    NOT NULL,
    radius_arcsec     DOUBLE PRECISION NOT NULL,
    service_version   TEXT    NOT NULL,
    source_id         TEXT    NOT NULL,
    separation_arcsec DOUBLE PRECISION NOT NULL,
    ra                DOUBLE PRECISION,
    dec               DOUBLE PRECISION,
    quantity          TEXT,
    band              TEXT,
    frequency_ghz     DOUBLE PRECISION,
    mag               DOUBLE PRECISION,
    mag_err           DOUBLE PRECISION,
    mag_system        TEXT,
    flux_ujy          DOUBLE PRECISION,
    flux_err_ujy      DOUBLE PRECISION,
    -- insertion order (SQLite's rowid): rows of one answer are shown in the order they came
    row_seq           BIGINT GENERATED ALWAYS AS IDENTITY,
    FOREIGN KEY (object_id, catalogue, radius_arcsec, service_version)
        REFERENCES crossmatch_queries (object_id, catalogue, radius_arcsec, service_version)
);
CREATE INDEX crossmatch_rows_object ON crossmatch_rows (object_id, catalogue);
