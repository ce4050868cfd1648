package org.ztfclass.votables.alert;

import java.io.IOException;
import java.io.InputStream;
import org.ztfclass.votables.domain.Alert;
import org.ztfclass.votables.input.ReadResult;

/**
 * Reads ZTF alert packets. An implementation reads one input that may hold one or many packets
 * and returns every packet it could decode, plus a problem for each one it could not (wrong
 * schema, missing field, truncated data, corrupt cutout). It throws only when the stream itself
 * fails; bad content is never an exception.
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface AlertReader {

    /**
     * @param in     the bytes of one file; read to the end or to the first unreadable byte, not closed
     * @param source name used in problems, usually the file path
     * @return the packets read and the rejects
     * @throws IOException only if reading {@code in} fails at the I/O level before any content is known
     */
    ReadResult<Alert> read(InputStream in, String source) throws IOException;
}
