package org.ztfclass.server.labels;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ztfclass.server.auth.UtcTime;

/**
 * The {@code label_submissions} table: the answer given to each batch sent under an
 * {@link IdempotencyKey}, per user, kept {@link #RETENTION}. Every method works inside the
 * caller's transaction on the caller's connection, so a batch's labels and its stored answer are
 * written together or not at all.
 */
final class LabelSubmissions {

    /** How long a key is remembered: a retry later than this stores the batch again. */
    static final Duration RETENTION = Duration.ofHours(24);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An earlier batch under the same key: its fingerprint and answer. */
    record Earlier(String fingerprint, LabelOutcome outcome, String createdAt) {
    }

    private LabelSubmissions() {
    }

    /** @return the batch {@code user} sent earlier under {@code key}, if remembered */
    static Optional<Earlier> find(Connection c, long user, IdempotencyKey key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT fingerprint, answer, created_at FROM label_submissions "
                + "WHERE user_id = ? AND idempotency_key = ? AND created_at >= ?")) {
            ps.setLong(1, user);
            ps.setString(2, key.value());
            ps.setString(3, UtcTime.format(Instant.now().minus(RETENTION)));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Earlier(rs.getString(1), read(rs.getString(2)), rs.getString(3)));
            } catch (JsonProcessingException e) {
                throw new SQLException("label_submissions row of key '" + key.value() + "' holds no readable answer", e);
            }
        }
    }

    /** Remembers {@code outcome} as the answer to {@code key}, replacing a forgotten (expired) row, and forgets expired rows. */
    static void remember(Connection c, long user, IdempotencyKey key, String fingerprint, LabelOutcome outcome) throws SQLException {
        try (PreparedStatement purge = c.prepareStatement("DELETE FROM label_submissions WHERE created_at < ?")) {
            purge.setString(1, UtcTime.format(Instant.now().minus(RETENTION)));
            purge.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO label_submissions "
                + "(user_id, idempotency_key, fingerprint, answer, created_at) VALUES (?,?,?,?,?) "
                + "ON CONFLICT (user_id, idempotency_key) DO UPDATE SET fingerprint = excluded.fingerprint, "
                + "answer = excluded.answer, created_at = excluded.created_at")) {
            ps.setLong(1, user);
            ps.setString(2, key.value());
            ps.setString(3, fingerprint);
            ps.setString(4, write(outcome));
            ps.setString(5, UtcTime.now());
            ps.executeUpdate();
        }
    }

    private static String write(LabelOutcome o) {
        ObjectNode n = JSON.createObjectNode().put("accepted", o.accepted()).put("deduplicated", o.deduplicated());
        ArrayNode rejected = n.putArray("rejected");
        for (LabelOutcome.Rejected r : o.rejected()) {
            rejected.addObject().put("index", r.index()).put("objectId", r.objectId()).put("error", r.error());
        }
        return n.toString();
    }

    /** @return the stored answer, marked replayed */
    private static LabelOutcome read(String json) throws JsonProcessingException {
        JsonNode n = JSON.readTree(json);
        List<LabelOutcome.Rejected> rejected = new ArrayList<>();
        for (JsonNode r : n.path("rejected")) {
            rejected.add(new LabelOutcome.Rejected(r.path("index").asInt(), r.path("objectId").isTextual() ? r.get("objectId").asText() : null,
                    r.path("error").asText()));
        }
        return new LabelOutcome(n.path("accepted").asInt(), n.path("deduplicated").asInt(), List.copyOf(rejected), true);
    }
}
