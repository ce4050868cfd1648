package org.ztfclass.votables.photometry;

import java.io.IOException;
import java.io.Reader;
import org.ztfclass.votables.domain.PhotometryPoint;
import org.ztfclass.votables.input.ReadResult;

/**
 * Reads one object's photometry from another survey's or instrument's file. These files do not
 * name the object, so the caller says which it is. Bad rows become problems naming their line;
 * the others are kept. Stateless, thread-safe.
 */
public interface PhotometryReader {

    /**
     * @param in       the file's text, not closed
     * @param source   file name for problems
     * @param objectId the ZTF object the file is about
     */
    ReadResult<PhotometryPoint> read(Reader in, String source, String objectId) throws IOException;
}
