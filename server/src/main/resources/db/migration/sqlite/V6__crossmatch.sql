-- Cache of catalogue cross-matches (issue 8): one answer per object, catalogue, radius and
-- service version (catalogue table + ztfclass definition revision). Pages and SAMP answers read
-- only this cache. A failed refresh records its error and keeps the previous good answer, which
-- is then shown as stale with its age.
CREATE TABLE crossmatch_queries (
    object_id       TEXT    NOT NULL REFERENCES objects (object_id),
    catalogue       TEXT    NOT NULL,  -- catalogue key, e.g. ps1, nvss
    radius_arcsec   REAL    NOT NULL,
    service_version TEXT    NOT NULL,  -- e.g. 'II/349/ps1 r1'
    service         TEXT    NOT NULL,  -- e.g. 'CDS VizieR'
    query           TEXT,              -- the request of the last good answer (URL)
    fetched_at      TEXT,              -- when the last good answer came (ISO-8601 UTC); null: never
    n_sources       INTEGER,           -- sources in the last good answer
    covered         INTEGER NOT NULL DEFAULT 1 CHECK (covered IN (0, 1)), -- 0: position outside the survey
    attempted_at    TEXT    NOT NULL,  -- last attempt, good or not
    last_error      TEXT,              -- why the last attempt failed; null when it succeeded
    rejected_rows   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (object_id, catalogue, radius_arcsec, service_version)
);

CREATE TABLE crossmatch_rows (
    object_id         TEXT    NOT NULL,
    catalogue         TEXT    NOT NULL,
    radius_arcsec     REAL    NOT NULL,
    service_version   TEXT    NOT NULL,
    source_id         TEXT    NOT NULL,
    separation_arcsec REAL    NOT NULL,
    ra                REAL,
    dec               REAL,
    quantity          TEXT,              -- null: a source without any of the kept quantities
    band              TEXT,
    frequency_ghz     REAL,
    mag               REAL,
    mag_err           REAL,
    mag_system        TEXT,
    flux_ujy          REAL,
    flux_err_ujy      REAL,
    FOREIGN KEY (object_id, catalogue, radius_arcsec, service_version)
        REFERENCES crossmatch_queries (object_id, catalogue, radius_arcsec, service_version)
);
CREATE INDEX crossmatch_rows_object ON crossmatch_rows (object_id, catalogue);
