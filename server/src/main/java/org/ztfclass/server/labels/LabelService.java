package org.ztfclass.server.labels;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.ztfclass.server.auth.Role;
import org.ztfclass.server.auth.User;
import org.ztfclass.server.auth.UtcTime;
import org.ztfclass.server.store.Database;

/**
 * Records people's labels as append-only events in the store's {@code labels} table.
 *
 * <p>Each request of a batch is checked on its own: an unknown object, a class outside
 * {@link LabelVocabulary}, a confidence outside 0..1 or an over-long comment rejects that request
 * (with its index and why) and never the others. A request equal to one the same user recorded
 * for the same object and class within {@link #DEDUPLICATION_WINDOW} (a double click, a resent
 * batch) is counted as deduplicated, not written again. The accepted requests of a batch are
 * written in one transaction, begun {@code IMMEDIATE} so the duplicate check and the insert are
 * atomic against concurrent submissions: many clients labelling at once lose and double nothing.
 * A batch whose transaction PostgreSQL rolls back to break a deadlock (with another writer of the
 * same object rows) is written again, up to {@value #DEADLOCK_ATTEMPTS} tries.
 * Thread-safe.
 */
public final class LabelService {

    /** Same user, object and class again within this time: not a new label. */
    public static final Duration DEDUPLICATION_WINDOW = Duration.ofSeconds(5);
    /** Longest comment kept. */
    public static final int MAX_COMMENT = 2000;
    /** Most labels in one batch. */
    public static final int MAX_BATCH = 10_000;
    /** Tries of a batch that PostgreSQL rolls back to break a deadlock. */
    static final int DEADLOCK_ATTEMPTS = 3;

    private final Database db;

    public LabelService(Database db) {
        this.db = db;
    }

    /**
     * Validates and records a batch.
     *
     * @param user   who labels; must have the labeller role or above
     * @param source web, samp or topcat
     * @throws IllegalArgumentException if the user may not label or the batch is too large
     */
    public LabelOutcome submit(User user, LabelSource source, List<LabelRequest> requests) throws SQLException {
        return submit(user, source, LabelBatch.of(requests));
    }

    /**
     * Validates and records a batch as a client sent it. Malformed positions are rejected with
     * their reason. Under an {@link IdempotencyKey} the batch's answer is stored with its labels
     * (one transaction), and the same batch sent again under the same key within
     * {@link LabelSubmissions#RETENTION} writes nothing and gets that answer back, marked
     * {@link LabelOutcome#replayed()}.
     *
     * @throws IllegalArgumentException if the user may not label or the batch is too large
     * @throws KeyReusedException       if the key was used for a different batch of this user
     */
    public LabelOutcome submit(User user, LabelSource source, LabelBatch batch) throws SQLException {
        List<LabelRequest> requests = batch.requests();
        if (!user.may(Role.LABELLER)) {
            throw new IllegalArgumentException("user '" + user.name() + "' may not label (role " + user.role().dbName() + ")");
        }
        if (requests.size() > MAX_BATCH) {
            throw new IllegalArgumentException("a batch may hold at most " + MAX_BATCH + " labels, not " + requests.size());
        }
        String fingerprint = batch.key().isPresent() ? batch.fingerprint(source) : null;
        for (int attempt = 1; ; attempt++) {
            try {
                return write(user, source, batch, fingerprint);
            } catch (SQLException e) {
                if (!Database.isDeadlockVictim(e) || attempt == DEADLOCK_ATTEMPTS) {
                    throw e;
                }
                // PostgreSQL chose this batch's transaction to break a deadlock (another writer of the
                // same object rows in another order) and rolled it back: nothing was written, so again
            }
        }
    }

    /**
     * Writes the batch in one transaction (rolled back whole on any failure); a key already used
     * for the same batch answers the earlier outcome and writes nothing.
     */
    private LabelOutcome write(User user, LabelSource source, LabelBatch batch, String fingerprint) throws SQLException {
        return db.inWriteTransaction("labels", c -> {
            if (batch.key().isPresent()) {
                Optional<LabelSubmissions.Earlier> earlier = LabelSubmissions.find(c, user.id(), batch.key().get());
                if (earlier.isPresent()) {
                    if (!earlier.get().fingerprint().equals(fingerprint)) {
                        throw new KeyReusedException(batch.key().get(), earlier.get().createdAt());
                    }
                    return earlier.get().outcome();
                }
            }
            LabelOutcome outcome = insert(c, user, source, batch);
            if (batch.key().isPresent()) {
                LabelSubmissions.remember(c, user.id(), batch.key().get(), fingerprint, outcome);
            }
            return outcome;
        });
    }

    /** Inserts the batch's well-formed, known, not recently repeated labels on {@code c}, inside its transaction. */
    private LabelOutcome insert(Connection c, User user, LabelSource source, LabelBatch batch) throws SQLException {
        List<LabelRequest> requests = batch.requests();
        List<LabelOutcome.Rejected> rejected = new ArrayList<>(batch.malformed());
        int accepted = 0;
        int deduplicated = 0;
        try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM objects WHERE object_id = ?");
             PreparedStatement recent = c.prepareStatement("SELECT 1 FROM labels WHERE user_id = ? AND object_id = ? "
                     + "AND fine_class = ? AND created_at >= ? LIMIT 1");
             PreparedStatement insert = c.prepareStatement("INSERT INTO labels (object_id, fine_class, top_class, source, "
                     + "source_ref, user_id, confidence, comment, created_at) VALUES (?,?,?,?,?,?,?,?,?)")) {
            Instant now = Instant.now();
            String nowText = UtcTime.format(now);
            String since = UtcTime.format(now.minus(DEDUPLICATION_WINDOW));
            for (int i = 0; i < requests.size(); i++) {
                if (batch.isMalformed(i)) {
                    continue;
                }
                LabelRequest r = requests.get(i);
                Optional<String> problem = problem(r);
                LabelVocabulary.Known known = problem.isEmpty() ? LabelVocabulary.recognise(r.className()).orElseThrow() : null;
                if (problem.isEmpty() && !has(exists, r.objectId().strip())) {
                    problem = Optional.of("unknown objectId '" + r.objectId() + "': no such object in this store");
                }
                if (problem.isPresent()) {
                    rejected.add(new LabelOutcome.Rejected(i, r == null ? null : r.objectId(), problem.get()));
                    continue;
                }
                String objectId = r.objectId().strip();
                recent.setLong(1, user.id());
                recent.setString(2, objectId);
                recent.setString(3, known.fineClass());
                recent.setString(4, since);
                if (has(recent)) {
                    deduplicated++;
                    continue;
                }
                insert.setString(1, objectId);
                insert.setString(2, known.fineClass());
                insert.setString(3, known.topClass().name());
                insert.setString(4, source.dbName());
                insert.setString(5, user.name());
                insert.setLong(6, user.id());
                insert.setObject(7, r.confidence());
                String comment = r.comment() == null || r.comment().isBlank() ? null : r.comment().strip();
                insert.setString(8, comment);
                insert.setString(9, nowText);
                insert.executeUpdate();
                accepted++;
            }
        }
        rejected.sort(Comparator.comparingInt(LabelOutcome.Rejected::index));
        return new LabelOutcome(accepted, deduplicated, List.copyOf(rejected));
    }

    /** @return why the request cannot be recorded, checked without the store; empty if it can */
    private static Optional<String> problem(LabelRequest r) {
        if (r == null) {
            return Optional.of("empty label");
        }
        if (r.objectId() == null || r.objectId().isBlank()) {
            return Optional.of("objectId is missing");
        }
        if (r.className() == null || r.className().isBlank()) {
            return Optional.of("class is missing");
        }
        if (LabelVocabulary.recognise(r.className()).isEmpty()) {
            return Optional.of("unknown class '" + r.className() + "': use SN_IA, SN_II, OTHER or one of "
                    + String.join(", ", LabelVocabulary.FINE_CLASSES));
        }
        if (r.confidence() != null && !(r.confidence() >= 0 && r.confidence() <= 1)) {
            return Optional.of("confidence " + r.confidence() + " is not in 0..1");
        }
        if (r.comment() != null && r.comment().length() > MAX_COMMENT) {
            return Optional.of("comment has " + r.comment().length() + " characters; at most " + MAX_COMMENT);
        }
        return Optional.empty();
    }

    private static boolean has(PreparedStatement ps, String key) throws SQLException {
        ps.setString(1, key);
        return has(ps);
    }

    private static boolean has(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }
}
