package org.ztfclass.server.store;

import org.ztfclass.votables.domain.TransientClass;

/**
 * Which objects a listing returns. Null fields do not filter.
 *
 * @param labelled   true: only objects with a label event; false: only those without
 * @param labelClass only objects whose current class is this
 */
public record ObjectFilter(Boolean labelled, TransientClass labelClass) {

    /** Every object. */
    public static final ObjectFilter ALL = new ObjectFilter(null, null);
}
