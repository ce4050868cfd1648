-- ztfclass store, initial schema (SQLite dialect; a PostgreSQL twin goes in db/migration/postgresql).
-- Times are JD (REAL) for observations, ISO-8601 UTC text for bookkeeping; coordinates ICRS degrees.

CREATE TABLE objects (
    object_id          TEXT PRIMARY KEY,
    ra                 REAL,
    dec                REAL,
    first_detection_jd REAL,
    last_detection_jd  REAL,
    n_detections       INTEGER NOT NULL DEFAULT 0,
    n_upper_limits     INTEGER NOT NULL DEFAULT 0,
    peak_mag_g         REAL,
    peak_mag_r         REAL,
    peak_mag_i         REAL,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL
);
CREATE INDEX objects_position ON objects (dec, ra);

-- One photometric point: a detection (magpsf set) or an upper limit (is_upper_limit = 1).
-- Identity: object, band, exposure time to the second (jd_key = round(jd * 86400)), kind.
CREATE TABLE detections (
    id             INTEGER PRIMARY KEY,
    object_id      TEXT    NOT NULL REFERENCES objects (object_id),
    candid         INTEGER,
    jd             REAL    NOT NULL,
    jd_key         INTEGER NOT NULL,
    fid            INTEGER NOT NULL CHECK (fid IN (1, 2, 3)),
    is_upper_limit INTEGER NOT NULL CHECK (is_upper_limit IN (0, 1)),
    magpsf         REAL,
    sigmapsf       REAL,
    diffmaglim     REAL,
    ra             REAL,
    dec            REAL,
    rb             REAL,
    drb            REAL,
    isdiffpos      TEXT CHECK (isdiffpos IN ('t', 'f')),
    programid      INTEGER,
    source         TEXT    NOT NULL,
    UNIQUE (object_id, fid, jd_key, is_upper_limit)
);
CREATE INDEX detections_candid ON detections (candid);

-- One row per alert packet: the triggering candidate's context fields (used by the funnel).
CREATE TABLE alerts (
    candid         INTEGER PRIMARY KEY,
    object_id      TEXT NOT NULL REFERENCES objects (object_id),
    jd             REAL NOT NULL,
    schema_version TEXT,
    ssdistnr       REAL,
    ssmagnr        REAL,
    sgscore1       REAL,
    distpsnr1      REAL,
    srmag1         REAL,
    neargaia       REAL,
    maggaia        REAL,
    ndethist       INTEGER,
    jdstarthist    REAL,
    magnr          REAL,
    distnr         REAL,
    source_file    TEXT NOT NULL,
    ingested_at    TEXT NOT NULL
);
CREATE INDEX alerts_object ON alerts (object_id, jd);

-- The three image stamps of an alert, gzip-compressed FITS exactly as in the packet.
CREATE TABLE cutouts (
    candid    INTEGER NOT NULL REFERENCES alerts (candid),
    kind      TEXT    NOT NULL CHECK (kind IN ('science', 'template', 'difference')),
    file_name TEXT,
    fits_gz   BLOB    NOT NULL,
    PRIMARY KEY (candid, kind)
);

-- Catalogue rows (e.g. the Bright Transient Survey) with their light-curve summaries.
-- peak_abs_mag and redshift come from spectroscopy: display only, never classifier inputs.
CREATE TABLE catalogue_entries (
    catalogue         TEXT NOT NULL,
    object_id         TEXT NOT NULL REFERENCES objects (object_id),
    alt_name          TEXT,
    ra                REAL,
    dec               REAL,
    fine_class        TEXT,
    peak_jd           REAL,
    peak_band         TEXT,
    peak_mag          REAL,
    peak_abs_mag      REAL,
    duration_days     REAL,
    rise_days         REAL,
    fade_days         REAL,
    lower_limits      TEXT,
    redshift          REAL,
    galactic_latitude REAL,
    extinction_av     REAL,
    source_file       TEXT,
    PRIMARY KEY (catalogue, object_id)
);

CREATE TABLE users (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    name          TEXT NOT NULL UNIQUE,
    role          TEXT NOT NULL CHECK (role IN ('viewer', 'labeller', 'admin')),
    password_hash TEXT,
    disabled      INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT NOT NULL
);

-- Label events: append-only. The current class of an object is derived from them.
CREATE TABLE labels (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    object_id  TEXT NOT NULL REFERENCES objects (object_id),
    fine_class TEXT NOT NULL,
    top_class  TEXT NOT NULL CHECK (top_class IN ('SN_IA', 'SN_II', 'OTHER')),
    source     TEXT NOT NULL CHECK (source IN ('catalogue', 'web', 'samp', 'topcat', 'auto')),
    source_ref TEXT,
    user_id    INTEGER REFERENCES users (id),
    confidence REAL CHECK (confidence IS NULL OR (confidence >= 0 AND confidence <= 1)),
    comment    TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX labels_object ON labels (object_id, id);
-- A catalogue says a given class of a given object once, however often it is ingested.
CREATE UNIQUE INDEX labels_catalogue_once ON labels (object_id, source_ref, fine_class) WHERE source = 'catalogue';
CREATE TRIGGER labels_append_only_update BEFORE UPDATE ON labels
BEGIN
    SELECT RAISE(ABORT, 'labels are append-only events');
END;
CREATE TRIGGER labels_append_only_delete BEFORE DELETE ON labels
BEGIN
    SELECT RAISE(ABORT, 'labels are append-only events');
END;

CREATE TABLE model_versions (
    version           TEXT PRIMARY KEY,
    created_at        TEXT NOT NULL,
    status            TEXT NOT NULL CHECK (status IN ('training', 'candidate', 'serving', 'retired', 'failed')),
    training_set_hash TEXT,
    manifest          TEXT
);

CREATE TABLE predictions (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    object_id       TEXT NOT NULL REFERENCES objects (object_id),
    model_version   TEXT NOT NULL REFERENCES model_versions (version),
    p_sn_ia         REAL NOT NULL,
    p_sn_ii         REAL NOT NULL,
    p_other         REAL NOT NULL,
    predicted_class TEXT NOT NULL CHECK (predicted_class IN ('SN_IA', 'SN_II', 'OTHER')),
    created_at      TEXT NOT NULL,
    UNIQUE (object_id, model_version)
);
