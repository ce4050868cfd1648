package org.ztfclass.server.ingest;

import java.util.List;
import java.util.Map;
import org.ztfclass.server.store.IngestCounts;
import org.ztfclass.votables.format.InputFormat;
import org.ztfclass.votables.input.InputProblem;

/**
 * What an ingest did.
 *
 * @param filesByFormat how many files of each format were read
 * @param recordsRead   good records read (packets, rows), before de-duplication
 * @param added         new rows stored
 * @param problems      every rejected file, packet, row or field, with where and why
 */
public record IngestReport(Map<InputFormat, Integer> filesByFormat, long recordsRead, IngestCounts added,
                           List<InputProblem> problems) {

    /** @return total files looked at */
    public int files() {
        return filesByFormat.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** @return a few lines for a person: files, records, rows added, number of problems */
    public String summary() {
        return String.format("files read: %d %s%nrecords read: %d%nadded: %d objects, %d alerts, %d detections, "
                        + "%d upper limits, %d cutouts, %d catalogue rows, %d labels%nrejected: %d",
                files(), filesByFormat, recordsRead, added.objects(), added.alerts(), added.detections(),
                added.upperLimits(), added.cutouts(), added.catalogueEntries(), added.labels(), problems.size());
    }
}
