package org.ztfclass.server.store;

import org.ztfclass.votables.domain.TransientClass;

/**
 * Which objects a listing returns. Null fields do not filter.
 *
 * @param labelled   true: only objects with a label event; false: only those without
 * @param labelClass only objects whose current class is this
 * @param droppedBy  only objects the latest funnel run dropped at this stage; {@link #PASSED} for
 *                   those it let through (rescued ones included)
 * @param predictedClass only objects the current (serving) model version puts in this class
 * @param minProbability with {@code predictedClass}: its probability at least this; alone: the top probability at least this
 * @param newSince   only objects with an alert ingested at or after this moment
 */
public record ObjectFilter(Boolean labelled, TransientClass labelClass, String droppedBy, TransientClass predictedClass,
                           Double minProbability, NewSince newSince) {

    /** A filter without "new since". */
    public ObjectFilter(Boolean labelled, TransientClass labelClass, String droppedBy, TransientClass predictedClass,
                        Double minProbability) {
        this(labelled, labelClass, droppedBy, predictedClass, minProbability, null);
    }

    /** {@code droppedBy} value that selects the objects the funnel passed. */
    public static final String PASSED = "none";

    /** Every object. */
    public static final ObjectFilter ALL = new ObjectFilter(null, null, null, null, null);

    /** @return objects dropped by a funnel stage ({@link #PASSED}: passed) in the latest run */
    public static ObjectFilter droppedBy(String stage) {
        return new ObjectFilter(null, null, stage, null, null);
    }
}
