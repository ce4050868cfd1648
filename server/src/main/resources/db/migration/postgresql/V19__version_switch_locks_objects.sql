-- A switch of the current model version rewrites the prediction columns of every object
-- (ztfclass_current_prediction(NULL)), row after row in no set order, while label batches,
-- scoring and ingest update object rows in their own order: the PostgreSQL load benchmark saw
-- "deadlock detected" between a retraining's promotion and label batches. The switch now first
-- takes a lock on the whole table that waits for the writers in progress and holds new ones
-- until it commits (reads go on), as SQLite's single writer does. Only the rare switch pays.
CREATE OR REPLACE FUNCTION ztfclass_model_versions_current() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    wanted TEXT := (SELECT version FROM model_versions ORDER BY status = 'serving' DESC, created_at DESC, version DESC LIMIT 1);
BEGIN
    IF wanted IS DISTINCT FROM (SELECT model_version FROM current_model_version WHERE id = 1) THEN
        LOCK TABLE objects IN SHARE ROW EXCLUSIVE MODE;
        UPDATE current_model_version SET model_version = wanted WHERE id = 1;
        PERFORM ztfclass_current_prediction(NULL);
    END IF;
    RETURN NULL;
END;
$$;
