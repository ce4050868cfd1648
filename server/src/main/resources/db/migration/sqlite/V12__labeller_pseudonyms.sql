-- Issue 13, finding 5 (accounts): labellers are published under a pseudonym.
-- A stable pseudonym per user ("labeller-" + 48 random bits in hex), shown instead of the user name
-- to anyone not signed in: in TAP's ztf.labels and on the object page and JSON. Random rather than
-- derived from the name or id, so it says nothing about either; set here for existing users and by
-- the trigger for every new one, however it is inserted.
ALTER TABLE users ADD COLUMN pseudonym TEXT;
UPDATE users SET pseudonym = 'labeller-' || lower(hex(randomblob(6))) WHERE pseudonym IS NULL;
CREATE UNIQUE INDEX users_pseudonym ON users (pseudonym);
CREATE TRIGGER users_pseudonym_insert AFTER INSERT ON users WHEN NEW.pseudonym IS NULL
BEGIN
    UPDATE users SET pseudonym = 'labeller-' || lower(hex(randomblob(6))) WHERE id = NEW.id;
END;

-- What TAP publishes as ztf.labels (tap.TapSchema): the label events with a person's user name in
-- source_ref replaced by their pseudonym. Catalogue labels keep the catalogue's name and automatic
-- labels their model version; a person's label without a known user shows no source_ref.
CREATE VIEW tap_labels AS
SELECT l.id, l.object_id, l.fine_class, l.top_class, l.source,
       CASE WHEN l.source IN ('catalogue', 'auto') THEN l.source_ref ELSE u.pseudonym END AS source_ref,
       l.confidence, l.created_at
FROM labels l LEFT JOIN users u ON u.id = l.user_id;
