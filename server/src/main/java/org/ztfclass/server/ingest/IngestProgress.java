package org.ztfclass.server.ingest;

import java.nio.file.Path;

/** Told about each file as an ingest goes through its inputs. Called on the ingesting thread. */
public interface IngestProgress {

    /** Does nothing. */
    IngestProgress SILENT = (done, total, file) -> { };

    /**
     * @param done  files finished so far, 0..total
     * @param total files to read in all
     * @param file  the file just finished
     */
    void fileDone(int done, int total, Path file);
}
