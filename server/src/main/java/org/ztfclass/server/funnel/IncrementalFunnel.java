package org.ztfclass.server.funnel;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.FunnelStore;
import org.ztfclass.server.store.ObjectFacts;

/**
 * Gives objects that changed since the newest funnel run (the live stream's batches) that run's verdict,
 * without running the funnel over the store: their facts (kept current by the store's writer, in the
 * transaction that wrote their alerts) are judged by the run's own recorded configuration, stage by stage
 * exactly as {@link FunnelRunner} judges them, and their drops, the run's list of passed objects and its
 * counts are replaced ({@link FunnelStore#replaceVerdicts}). Readers (the object list, an object's page,
 * the API) take the verdict from the newest run, so an object streamed in shows the verdict a funnel run
 * would give it now.
 *
 * <p>Nothing is done while the store has no funnel run. A run whose recorded configuration cannot be
 * built here (a source list file it names, resolved against the current folder, is missing) is skipped
 * with one warning; its objects get their verdict at the next {@code funnel} run. Objects touched while a
 * {@code funnel} run is in progress get the verdict of the run before it; the new run judges them as they
 * stood when it started. Not thread-safe: one writer thread.
 */
public final class IncrementalFunnel {

    private static final Logger LOG = LoggerFactory.getLogger(IncrementalFunnel.class);

    private final FunnelStore store;
    private long configuredRun = -1;
    private List<FunnelStage> stages;
    private List<String> stageNames;

    public IncrementalFunnel(Database db) {
        this.store = new FunnelStore(db);
    }

    /**
     * Judges the named objects with the newest run's configuration and records their verdicts in that run
     * (one transaction).
     *
     * @return how many objects were judged (0 when the store has no usable funnel run)
     */
    public int judge(Collection<String> objectIds) throws SQLException {
        if (objectIds.isEmpty()) {
            return 0;
        }
        Optional<FunnelStore.Run> latest = store.latestRun();
        if (latest.isEmpty() || !configure(latest.get())) {
            return 0;
        }
        List<ObjectFacts> facts = store.facts(objectIds);
        Set<String> rescued = store.rescuedAmong(objectIds);
        List<FunnelStore.Verdict> verdicts = new ArrayList<>(facts.size());
        for (ObjectFacts f : facts) {
            FunnelRunner.Judged j = FunnelRunner.judge(stages, f);
            verdicts.add(j.stage() < 0 ? new FunnelStore.Verdict(f.objectId(), -1, null, null, false)
                    : new FunnelStore.Verdict(f.objectId(), j.stage(), j.drop().category(), j.drop().detail(),
                            rescued.contains(f.objectId())));
        }
        store.replaceVerdicts(latest.get().id(), stageNames, verdicts);
        return verdicts.size();
    }

    /** @return whether the run's stages could be built (kept until a newer run) */
    private boolean configure(FunnelStore.Run run) {
        if (run.id() == configuredRun) {
            return stages != null;
        }
        configuredRun = run.id();
        stages = null;
        try {
            List<FunnelStage> built = FunnelConfig.parse(run.config(), Path.of("."), "funnel run " + run.id()).stages();
            stageNames = built.stream().map(FunnelStage::name).toList();
            stages = built;
            return true;
        } catch (FunnelConfigException e) {
            LOG.warn("stream: not judging new objects with funnel run {}: its configuration cannot be built here ({}); "
                    + "they get their verdict at the next funnel run", run.id(), e.getMessage());
            return false;
        }
    }
}
