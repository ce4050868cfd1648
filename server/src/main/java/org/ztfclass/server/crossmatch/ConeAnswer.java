package org.ztfclass.server.crossmatch;

import java.time.Instant;

/**
 * A service's raw answer to one cone query.
 *
 * @param body     the bytes answered (expected: a VOTable)
 * @param query    the request, as a URL a person can repeat
 * @param received when the answer came
 */
public record ConeAnswer(byte[] body, String query, Instant received) {
}
