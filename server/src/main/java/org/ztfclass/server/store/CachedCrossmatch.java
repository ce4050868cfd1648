package org.ztfclass.server.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.ztfclass.votables.crossmatch.CrossmatchSource;

/**
 * What the cache holds for one object and one catalogue: the last good answer (if any) and how
 * the last attempt went.
 *
 * @param objectId       the object
 * @param catalogue      catalogue key
 * @param radiusArcsec   cone radius asked
 * @param serviceVersion catalogue table and definition revision
 * @param service        who answered, e.g. {@code CDS VizieR}
 * @param query          the request of the last good answer, null if none
 * @param fetchedAt      when the last good answer came, null if never
 * @param attemptedAt    when the last attempt was made
 * @param lastError      why the last attempt failed, null when it succeeded
 * @param covered        false when the object lies outside the survey's sky (nothing was asked)
 * @param rejectedRows   rows of the last good answer that could not be read
 * @param sources        the sources of the last good answer, nearest first
 */
public record CachedCrossmatch(String objectId, String catalogue, double radiusArcsec, String serviceVersion, String service,
                               String query, Instant fetchedAt, Instant attemptedAt, String lastError, boolean covered,
                               int rejectedRows, List<CrossmatchSource> sources) {

    public CachedCrossmatch {
        sources = List.copyOf(sources);
    }

    /** @return true when the last refresh failed: the sources are those of an older answer (or none) */
    public boolean stale() {
        return lastError != null;
    }

    /** @return age of the good answer at {@code now}, or null when there is none */
    public Duration age(Instant now) {
        return fetchedAt == null ? null : Duration.between(fetchedAt, now);
    }
}
