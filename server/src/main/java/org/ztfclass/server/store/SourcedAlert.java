package org.ztfclass.server.store;

import org.ztfclass.votables.domain.Alert;

/**
 * An alert packet and the file it was read from (kept with the stored alert).
 *
 * @param alert      the packet
 * @param sourceFile the file's path as given to the ingest
 */
public record SourcedAlert(Alert alert, String sourceFile) {
}
