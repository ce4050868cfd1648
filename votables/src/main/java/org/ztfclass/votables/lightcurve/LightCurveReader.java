package org.ztfclass.votables.lightcurve;

import java.io.IOException;
import java.io.Reader;
import org.ztfclass.votables.domain.Detection;
import org.ztfclass.votables.input.ReadResult;

/**
 * Reads photometric points of one or more ZTF objects from a table. Returns every good row as
 * a {@link Detection} (times converted to JD) and a problem for each row it rejects (missing or
 * non-numeric field, unknown band). Never throws for bad content; a file whose header is not
 * of this reader's format yields one file-level problem.
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface LightCurveReader {

    /**
     * @param in     the text of one file, not closed
     * @param source file name; readers for one-object files take the object id from it
     */
    ReadResult<Detection> read(Reader in, String source) throws IOException;
}
