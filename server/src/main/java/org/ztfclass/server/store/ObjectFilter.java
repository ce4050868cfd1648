package org.ztfclass.server.store;

import org.ztfclass.votables.domain.TransientClass;

/**
 * Which objects a listing returns. Null fields do not filter.
 *
 * @param labelled   true: only objects with a label event; false: only those without
 * @param labelClass only objects whose current class is this
 * @param droppedBy  only objects the latest funnel run dropped at this stage; {@link #PASSED} for
 *                   those it let through (rescued ones included)
 */
public record ObjectFilter(Boolean labelled, TransientClass labelClass, String droppedBy) {

    /** {@code droppedBy} value that selects the objects the funnel passed. */
    public static final String PASSED = "none";

    /** Every object. */
    public static final ObjectFilter ALL = new ObjectFilter(null, null, null);
}
