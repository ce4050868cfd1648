package org.ztfclass.server.store;

/**
 * Row counts of the main tables: what the store holds now.
 */
public record StoreCounts(long objects, long alerts, long detections, long upperLimits, long cutouts,
                          long catalogueEntries, long labels) {
}
