package org.ztfclass.server.funnel;

import org.ztfclass.server.store.ObjectFacts;

/**
 * One stage of the filter funnel: a rule that may drop an object. A stage judges only what the
 * store knows. Stages that look for a reason to reject (Galactic plane, variability, asteroids,
 * stars, AGN, known sources) keep an object whose fields they need are missing, e.g. no alert
 * context for an object known only from a light-curve file. Stages that ask for evidence (bogus:
 * good detections; faint: a peak magnitude) drop an object that lacks it. Implementations are
 * immutable and thread-safe.
 */
public interface FunnelStage {

    /** @return the stage's name as used in the config file and in {@code dropped_by=} */
    String name();

    /** @return the stage's thresholds, for the report */
    String settings();

    /** @return why the object is dropped, or null to keep it */
    Drop judge(ObjectFacts facts);
}
