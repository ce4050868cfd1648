package org.ztfclass.server.crossmatch;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ztfclass.server.store.CrossmatchCache;
import org.ztfclass.votables.crossmatch.CatalogueAnswerReader;
import org.ztfclass.votables.crossmatch.CatalogueDefinition;
import org.ztfclass.votables.crossmatch.CrossmatchSource;
import org.ztfclass.votables.input.BadInputException;
import org.ztfclass.votables.input.InputProblem;
import org.ztfclass.votables.input.ReadResult;

/**
 * Fills or refreshes the cross-match cache: for each object and catalogue, asks the service
 * for a cone, reads the answer and stores it (one transaction per answer). A position outside a
 * catalogue's sky is stored as "not covered" without asking. A service that does not answer,
 * or answers something unusable (HTML, empty, truncated, an error status, unexpected columns),
 * is logged with the service, catalogue and object, recorded as the attempt's error, and the
 * previous good answer stays in the cache (stale); the batch goes on. Rows of an answer that
 * cannot be read are logged by row and the others kept. With {@code resume}, pairs whose last
 * attempt for the same radius and version succeeded are skipped, so an interrupted run picks up
 * where it stopped. After {@value #GIVE_UP_AFTER} pairs in a row with no answer at all (after the
 * service's own retries), the service is taken as down for the rest of the run: the remaining
 * pairs are recorded as failed without asking (previous answers kept, stale), so a run without
 * network ends quickly. Not thread-safe (one run at a time per instance).
 */
public final class CrossmatchRefresher {

    private static final Logger LOG = LoggerFactory.getLogger(CrossmatchRefresher.class);

    /** Pairs in a row without an answer after which the service counts as down for the run. */
    public static final int GIVE_UP_AFTER = 5;

    /** Receives progress: pairs (object × catalogue) done so far out of the total. */
    public interface Progress {
        void done(long done, long total);
    }

    /**
     * What a run did.
     *
     * @param answered     good answers stored
     * @param sources      sources in them
     * @param notCovered   pairs outside the catalogue's sky
     * @param skipped      pairs already answered (resume)
     * @param failed       pairs whose attempt failed (previous answer kept)
     * @param rejectedRows answer rows that could not be read
     * @param problems     one line per failure or rejected row, naming service, catalogue, object (and row)
     */
    public record Outcome(int answered, int sources, int notCovered, int skipped, int failed, int rejectedRows, List<String> problems) {
    }

    private final ConeService service;
    private final CrossmatchCache cache;

    public CrossmatchRefresher(ConeService service, CrossmatchCache cache) {
        this.service = service;
        this.cache = cache;
    }

    /**
     * @param targets      objects to cross-match
     * @param catalogues   catalogues to ask
     * @param radiusArcsec cone radius
     * @param resume       skip pairs already answered for this radius and version
     * @param progress     told after each pair
     */
    public Outcome refresh(List<CrossmatchCache.Target> targets, List<CatalogueDefinition> catalogues, double radiusArcsec,
                           boolean resume, Progress progress) throws SQLException {
        int answered = 0;
        int nSources = 0;
        int notCovered = 0;
        int skipped = 0;
        int failed = 0;
        int rejected = 0;
        List<String> problems = new ArrayList<>();
        long total = (long) targets.size() * catalogues.size();
        long done = 0;
        int silentInARow = 0;
        String down = null;
        for (CatalogueDefinition cat : catalogues) {
            Set<String> already = resume ? cache.answered(cat.key(), radiusArcsec, cat.version()) : Set.of();
            for (CrossmatchCache.Target t : targets) {
                CrossmatchCache.Key key = new CrossmatchCache.Key(t.objectId(), cat.key(), radiusArcsec, cat.version());
                if (already.contains(t.objectId())) {
                    skipped++;
                } else if (!cat.covers(t.dec())) {
                    cache.storeNotCovered(key, service.name(), Instant.now());
                    notCovered++;
                } else if (down != null) {
                    cache.storeFailure(key, service.name(), Instant.now(), down);
                    failed++;
                } else {
                    String what = service.name() + " " + cat.vizierTable() + " for " + t.objectId();
                    try {
                        ConeAnswer a = service.cone(cat, t.ra(), t.dec(), radiusArcsec);
                        ReadResult<CrossmatchSource> r = CatalogueAnswerReader.read(a.body(), what, cat, t.ra(), t.dec());
                        for (InputProblem p : r.problems()) {
                            LOG.warn("{}", p);
                            problems.add(p.toString());
                        }
                        cache.storeAnswer(key, service.name(), a.query(), a.received(), r.records(), r.problems().size());
                        answered++;
                        silentInARow = 0;
                        nSources += r.records().size();
                        rejected += r.problems().size();
                    } catch (ServiceException | BadInputException e) {
                        String message = e instanceof BadInputException ? e.getMessage() : what + ": " + e.getMessage();
                        LOG.warn("cross-match failed, keeping the previous answer (now stale): {}", message);
                        problems.add(message);
                        cache.storeFailure(key, service.name(), Instant.now(), message);
                        failed++;
                        silentInARow = e instanceof ServiceException se && se.unreachable() ? silentInARow + 1 : 0;
                        if (silentInARow >= GIVE_UP_AFTER) {
                            down = "not asked: " + service.name() + " gave no answer to " + GIVE_UP_AFTER + " requests in a row in this run "
                                    + "(last: " + e.getMessage() + ")";
                            LOG.warn("{}: {}; the remaining pairs are marked failed without asking", service.name(), down);
                            problems.add(down);
                        }
                    }
                }
                done++;
                if (progress != null) {
                    progress.done(done, total);
                }
            }
        }
        return new Outcome(answered, nSources, notCovered, skipped, failed, rejected, problems);
    }
}
