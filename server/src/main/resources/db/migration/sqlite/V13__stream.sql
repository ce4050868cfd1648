-- Issue 15: the live alert stream over Kafka.
-- A message the stream consumer could not (wholly) turn into alerts: not Avro, a wrong schema, truncated,
-- a packet without objectId... One row per message, identified by where it sits in Kafka, so a message
-- delivered again (at-least-once) is not recorded twice. alerts_kept counts the packets of the message
-- that were stored all the same (a message truncated after some good packets).
CREATE TABLE stream_dead_letters (
    topic           TEXT    NOT NULL,
    kafka_partition INTEGER NOT NULL,
    kafka_offset    INTEGER NOT NULL,
    message_key     TEXT,
    bytes_length    INTEGER NOT NULL,
    reason          TEXT    NOT NULL,
    alerts_kept     INTEGER NOT NULL DEFAULT 0,
    received_at     TEXT    NOT NULL,
    PRIMARY KEY (topic, kafka_partition, kafka_offset)
);

-- Where each stream consumer stands, per partition it holds, written after each batch's offsets are
-- committed (what GET /api/stream reports): the next offset to read, the lag behind the partition's end
-- at that moment, the alerts stored from it over the last minute, and the last error met.
CREATE TABLE stream_partitions (
    consumer_group     TEXT    NOT NULL,
    topic              TEXT    NOT NULL,
    kafka_partition    INTEGER NOT NULL,
    committed_offset   INTEGER NOT NULL,
    lag                INTEGER,
    alerts_last_minute INTEGER NOT NULL DEFAULT 0,
    last_error         TEXT,
    last_error_at      TEXT,
    updated_at         TEXT    NOT NULL,
    PRIMARY KEY (consumer_group, topic, kafka_partition)
);
