package org.ztfclass.votables.catalogue;

import java.io.IOException;
import java.io.Reader;
import org.ztfclass.votables.domain.CatalogueEntry;
import org.ztfclass.votables.input.ReadResult;

/**
 * Reads a catalogue of labelled objects. Every good row becomes a {@link CatalogueEntry}, also
 * the unclassified ones (their {@code fineClass} is null: the object and its summary are still
 * worth keeping). A bad row becomes a problem naming its line and field. Stateless, thread-safe.
 */
public interface LabelCatalogueReader {

    /**
     * @param in     the text of one file, not closed
     * @param source the file name, used in problems
     */
    ReadResult<CatalogueEntry> read(Reader in, String source) throws IOException;
}
