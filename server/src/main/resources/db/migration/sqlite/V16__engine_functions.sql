-- Issue 14 (PostgreSQL store): functions the SQL of ztfclass calls that one engine lacks. On
-- PostgreSQL this migration creates them (see db/migration/postgresql/V16). SQLite needs nothing
-- stored: it has strftime for ISO times, and the TAP service registers tap_distance and
-- tap_contains on each of its connections (tap.SkyFunctions). Kept so both engines share one
-- schema history.
SELECT 1;
