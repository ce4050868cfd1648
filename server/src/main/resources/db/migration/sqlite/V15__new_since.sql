-- "New since" in the object list (issue 15): objects with an alert ingested at or after a moment.
-- alerts.ingested_at is ISO-8601 UTC text (Instant.toString), so a range on it is a range on time.
CREATE INDEX alerts_ingested ON alerts (ingested_at);
-- The /stream page lists the latest dead letters.
CREATE INDEX stream_dead_letters_received ON stream_dead_letters (received_at);
