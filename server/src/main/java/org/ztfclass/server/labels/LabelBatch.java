package org.ztfclass.server.labels;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A batch of labels as a client sent it: one entry per position, {@code null} where the client's
 * entry could not even be read (then {@link #malformed} says why), and the client's optional
 * {@link IdempotencyKey}.
 *
 * @param requests  the requests in the client's order; null at malformed positions
 * @param malformed the unreadable positions and why, as rejections
 * @param key       the client's idempotency key, if any
 */
public record LabelBatch(List<LabelRequest> requests, List<LabelOutcome.Rejected> malformed, Optional<IdempotencyKey> key) {

    public LabelBatch {
        requests = Collections.unmodifiableList(new ArrayList<>(requests)); // keeps the nulls that List.copyOf refuses
        malformed = List.copyOf(malformed);
    }

    /** @return a batch of well-formed requests without a key */
    public static LabelBatch of(List<LabelRequest> requests) {
        return new LabelBatch(requests, List.of(), Optional.empty());
    }

    /**
     * @return SHA-256 (hex) of the batch as understood: source, and per position either the
     *         malformation or object id, class, confidence and comment; the same labels sent as
     *         differently spaced JSON have the same fingerprint
     */
    String fingerprint(LabelSource source) {
        StringBuilder b = new StringBuilder(source.dbName());
        for (int i = 0; i < requests.size(); i++) {
            LabelRequest r = requests.get(i);
            b.append('\n').append(i).append('\u0000');
            if (r == null) {
                int index = i;
                b.append("malformed:").append(malformed.stream().filter(m -> m.index() == index).map(LabelOutcome.Rejected::error)
                        .findFirst().orElse("empty"));
            } else {
                b.append(r.objectId()).append('\u0000').append(r.className()).append('\u0000').append(r.confidence())
                        .append('\u0000').append(r.comment());
            }
        }
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** @return whether the entry at {@code index} was unreadable */
    boolean isMalformed(int index) {
        return malformed.stream().anyMatch(r -> r.index() == index);
    }
}
