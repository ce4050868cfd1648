-- PostgreSQL twin of db/migration/sqlite/V13: the live alert stream's dead letters and partitions.
CREATE TABLE stream_dead_letters (
    topic           TEXT    NOT NULL,
    kafka_partition BIGINT  NOT NULL,
    kafka_offset    BIGINT  NOT NULL,
    message_key     TEXT,
    bytes_length    BIGINT  NOT NULL,
    reason          TEXT    NOT NULL,
    alerts_kept     BIGINT  NOT NULL DEFAULT 0,
    received_at     TEXT    NOT NULL,
    -- arrival order (SQLite's rowid) among letters of the same moment
    row_seq         BIGINT GENERATED ALWAYS AS IDENTITY,
    PRIMARY KEY (topic, kafka_partition, kafka_offset)
);

CREATE TABLE stream_partitions (
    consumer_group     TEXT    NOT NULL,
    topic              TEXT    NOT NULL,
    kafka_partition    BIGINT  NOT NULL,
    committed_offset   BIGINT  NOT NULL,
    lag                BIGINT,
    alerts_last_minute BIGINT  NOT NULL DEFAULT 0,
    last_error         TEXT,
    last_error_at      TEXT,
    updated_at         TEXT    NOT NULL,
    PRIMARY KEY (consumer_group, topic, kafka_partition)
);
