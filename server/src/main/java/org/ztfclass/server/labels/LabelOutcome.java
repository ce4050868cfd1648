package org.ztfclass.server.labels;

import java.util.List;

/**
 * What became of a batch of {@link LabelRequest}s.
 *
 * @param accepted     labels written
 * @param deduplicated labels not written because the same user gave the same object the same
 *                     class within {@link LabelService#DEDUPLICATION_WINDOW}
 * @param rejected     the requests refused, with why
 * @param replayed     true when this is the stored answer of an earlier batch sent under the same
 *                     {@link IdempotencyKey}: nothing was written this time
 */
public record LabelOutcome(int accepted, int deduplicated, List<Rejected> rejected, boolean replayed) {

    /** An outcome of a batch just processed (not replayed). */
    public LabelOutcome(int accepted, int deduplicated, List<Rejected> rejected) {
        this(accepted, deduplicated, rejected, false);
    }

    /**
     * A refused request.
     *
     * @param index    its position in the batch, from 0
     * @param objectId the object it named (may be null)
     * @param error    why it was refused
     */
    public record Rejected(int index, String objectId, String error) {
    }
}
