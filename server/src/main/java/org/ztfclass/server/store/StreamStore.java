package org.ztfclass.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The live stream's tables (migration V13): dead letters, the messages the consumer could not wholly
 * turn into alerts, and each consumer's standing per partition. Writes are idempotent: a dead letter
 * is identified by topic + partition + offset (a message delivered again is not recorded twice), a
 * partition's standing by group + topic + partition (the latest write wins). Each call is one
 * transaction. Thread-safe.
 */
public final class StreamStore {

    /**
     * A message kept aside.
     *
     * @param alertsKept packets of the message that were stored all the same (e.g. before a truncation)
     */
    public record DeadLetter(String topic, int partition, long offset, String key, int bytesLength, String reason,
                             int alertsKept, String receivedAt) {
    }

    /**
     * A consumer's standing on one partition.
     *
     * @param committedOffset  the next offset the group will read (Kafka's committed offset)
     * @param lag              messages between it and the partition's end when last measured; null if unknown
     * @param alertsLastMinute alerts stored from the partition over the last minute
     * @param lastError        the last error met on it (a dead letter's reason or a refused batch), null if none
     */
    public record PartitionStatus(String group, String topic, int partition, long committedOffset, Long lag,
                                  int alertsLastMinute, String lastError, String lastErrorAt, String updatedAt) {
    }

    private final Database db;

    public StreamStore(Database db) {
        this.db = db;
    }

    /** @return how many of the letters were new (not recorded by an earlier delivery) */
    public int addDeadLetters(List<DeadLetter> letters) throws SQLException {
        if (letters.isEmpty()) {
            return 0;
        }
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO stream_dead_letters (topic, kafka_partition, kafka_offset, "
                    + "message_key, bytes_length, reason, alerts_kept, received_at) VALUES (?,?,?,?,?,?,?,?) "
                    + "ON CONFLICT (topic, kafka_partition, kafka_offset) DO NOTHING")) {
                for (DeadLetter d : letters) {
                    ps.setString(1, d.topic());
                    ps.setInt(2, d.partition());
                    ps.setLong(3, d.offset());
                    ps.setString(4, d.key());
                    ps.setInt(5, d.bytesLength());
                    ps.setString(6, d.reason());
                    ps.setInt(7, d.alertsKept());
                    ps.setString(8, d.receivedAt());
                    ps.addBatch();
                }
                return Sql.sum(ps.executeBatch());
            }
        });
    }

    /** @return every dead letter, by topic, partition and offset */
    public List<DeadLetter> deadLetters() throws SQLException {
        List<DeadLetter> out = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT topic, kafka_partition, kafka_offset, "
                + "message_key, bytes_length, reason, alerts_kept, received_at FROM stream_dead_letters "
                + "ORDER BY topic, kafka_partition, kafka_offset"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new DeadLetter(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getString(4), rs.getInt(5), rs.getString(6),
                        rs.getInt(7), rs.getString(8)));
            }
        }
        return out;
    }

    /** @return the {@code limit} dead letters received last, newest first */
    public List<DeadLetter> latestDeadLetters(int limit) throws SQLException {
        List<DeadLetter> out = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT topic, kafka_partition, kafka_offset, "
                + "message_key, bytes_length, reason, alerts_kept, received_at FROM stream_dead_letters "
                + "ORDER BY received_at DESC, " + db.dialect().insertionOrder("") + " DESC LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new DeadLetter(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getString(4), rs.getInt(5), rs.getString(6),
                            rs.getInt(7), rs.getString(8)));
                }
            }
        }
        return out;
    }

    /** @return how many dead letters the store holds */
    public long deadLetterCount() throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM stream_dead_letters");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Records the standing of partitions (one transaction; each row replaces the partition's previous one). */
    public void putStatus(List<PartitionStatus> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO stream_partitions (consumer_group, topic, kafka_partition, "
                    + "committed_offset, lag, alerts_last_minute, last_error, last_error_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?) "
                    + "ON CONFLICT (consumer_group, topic, kafka_partition) DO UPDATE SET committed_offset = excluded.committed_offset, "
                    + "lag = excluded.lag, alerts_last_minute = excluded.alerts_last_minute, "
                    + "last_error = COALESCE(excluded.last_error, stream_partitions.last_error), "
                    + "last_error_at = COALESCE(excluded.last_error_at, stream_partitions.last_error_at), "
                    + "updated_at = excluded.updated_at")) {
                for (PartitionStatus s : rows) {
                    ps.setString(1, s.group());
                    ps.setString(2, s.topic());
                    ps.setInt(3, s.partition());
                    ps.setLong(4, s.committedOffset());
                    Sql.setLong(ps, 5, s.lag());
                    ps.setInt(6, s.alertsLastMinute());
                    ps.setString(7, s.lastError());
                    ps.setString(8, s.lastErrorAt());
                    ps.setString(9, s.updatedAt() == null ? Instant.now().toString() : s.updatedAt());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** @return the standing of every partition any consumer group recorded, by group, topic, partition */
    public List<PartitionStatus> status() throws SQLException {
        List<PartitionStatus> out = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT consumer_group, topic, kafka_partition, "
                + "committed_offset, lag, alerts_last_minute, last_error, last_error_at, updated_at FROM stream_partitions "
                + "ORDER BY consumer_group, topic, kafka_partition"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new PartitionStatus(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4), Sql.getLong(rs, "lag"),
                        rs.getInt(6), rs.getString(7), rs.getString(8), rs.getString(9)));
            }
        }
        return out;
    }
}
