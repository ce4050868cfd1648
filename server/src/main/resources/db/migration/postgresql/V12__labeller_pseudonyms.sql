-- PostgreSQL twin of db/migration/sqlite/V12: a stable random pseudonym per user ("labeller-" + 48
-- random bits in hex, from a version-4 UUID), and the view TAP publishes as ztf.labels.
ALTER TABLE users ADD COLUMN pseudonym TEXT;
UPDATE users SET pseudonym = 'labeller-' || substr(replace(gen_random_uuid()::text, '-', ''), 1, 12) WHERE pseudonym IS NULL;
CREATE UNIQUE INDEX users_pseudonym ON users (pseudonym);
CREATE FUNCTION ztfclass_users_pseudonym() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.pseudonym IS NULL THEN
        NEW.pseudonym := 'labeller-' || substr(replace(gen_random_uuid()::text, '-', ''), 1, 12);
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER users_pseudonym_insert BEFORE INSERT ON users
    FOR EACH ROW EXECUTE FUNCTION ztfclass_users_pseudonym();

CREATE VIEW tap_labels AS
SELECT l.id, l.object_id, l.fine_class, l.top_class, l.source,
       CASE WHEN l.source IN ('catalogue', 'auto') THEN l.source_ref ELSE u.pseudonym END AS source_ref,
       l.confidence, l.created_at
FROM labels l LEFT JOIN users u ON u.id = l.user_id;
