-- Photometry of objects by other surveys and instruments (ZTF forced photometry, PS1, ATLAS,
-- radio telescopes), in common units: MJD (UTC), AB magnitudes, flux densities in µJy.
CREATE TABLE photometry (
    id            INTEGER PRIMARY KEY,
    object_id     TEXT    NOT NULL REFERENCES objects (object_id),
    mjd           REAL    NOT NULL,
    mjd_key       INTEGER NOT NULL, -- round(mjd * 86400): identity of an observation with object, instrument, band
    instrument    TEXT    NOT NULL,
    band          TEXT,
    frequency_ghz REAL,
    mag           REAL,
    mag_err       REAL,
    flux_ujy      REAL,
    flux_err_ujy  REAL,
    limit_mag     REAL,
    source_file   TEXT    NOT NULL
);
CREATE UNIQUE INDEX photometry_once ON photometry (object_id, instrument, COALESCE(band, ''), COALESCE(frequency_ghz, -1), mjd_key);
