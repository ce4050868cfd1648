-- PostgreSQL twin of db/migration/sqlite/V15: "new since" and the latest dead letters.
CREATE INDEX alerts_ingested ON alerts (ingested_at);
CREATE INDEX stream_dead_letters_received ON stream_dead_letters (received_at);
