-- SQLite twin of db/migration/postgresql/V19 (a model version switch locks the objects table
-- before it rewrites every object's prediction columns). SQLite has one writer for the whole
-- file, so the switch already runs alone: nothing to change; the version keeps both engines'
-- schema histories in step.
SELECT 1;
