package org.ztfclass.server.store;

/**
 * How many new rows an ingest added to the store. Rows that were already there (re-ingested
 * data) are not counted: re-ingesting the same input adds zeros.
 */
public record IngestCounts(int objects, int alerts, int detections, int upperLimits, int cutouts,
                           int catalogueEntries, int labels) {

    /** No rows. */
    public static final IngestCounts NONE = new IngestCounts(0, 0, 0, 0, 0, 0, 0);

    /** @return the element-wise sum */
    public IngestCounts plus(IngestCounts o) {
        return new IngestCounts(objects + o.objects, alerts + o.alerts, detections + o.detections,
                upperLimits + o.upperLimits, cutouts + o.cutouts, catalogueEntries + o.catalogueEntries,
                labels + o.labels);
    }
}
