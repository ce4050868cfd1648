package org.ztfclass.server.funnel;

import org.ztfclass.server.store.ObjectFacts;

/**
 * One stage of the filter funnel: a rule that may drop an object. A stage judges only what the
 * store knows; when the fields it needs are missing (no alert context for an object known only
 * from a light-curve file), it keeps the object. Implementations are immutable and thread-safe.
 */
public interface FunnelStage {

    /** @return the stage's name as used in the config file and in {@code dropped_by=} */
    String name();

    /** @return the stage's thresholds, for the report */
    String settings();

    /** @return why the object is dropped, or null to keep it */
    Drop judge(ObjectFacts facts);
}
