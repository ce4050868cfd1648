package org.ztfclass.server.funnel;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ztfclass.server.store.FunnelRunRecorder;
import org.ztfclass.server.store.FunnelStore;
import org.ztfclass.server.store.ObjectFacts;

/**
 * Runs the funnel over every object in the store: each object goes through the stages in order
 * until one drops it; the drop (stage, rule, values) is recorded. An object a person rescued is
 * still judged and its drop recorded, marked rescued, and it counts among the objects out. The
 * store is streamed, so memory does not grow with it. The whole run is one transaction: a failed
 * run leaves the previous report in place.
 */
public final class FunnelRunner {

    private final FunnelStore store;

    public FunnelRunner(FunnelStore store) {
        this.store = store;
    }

    /**
     * @throws FunnelConfigException before anything runs, if the configuration is unusable
     */
    public FunnelReport run(FunnelConfig config) throws FunnelConfigException, SQLException {
        List<FunnelStage> stages = config.stages();
        Set<String> rescuedObjects = store.rescuedObjects();
        long start = System.nanoTime();
        int n = stages.size();
        long[] in = new long[n];
        long[] dropped = new long[n];
        List<Map<String, Integer>> categories = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            categories.add(new HashMap<>());
        }
        long total = 0;
        long out = 0;
        long rescued = 0;
        try (FunnelRunRecorder recorder = store.startRun(config.effectiveText());
             FactsPipeline facts = FactsPipeline.start(store)) {
            for (List<ObjectFacts> batch = facts.next(); batch != null; batch = facts.next()) {
                for (ObjectFacts f : batch) {
                    total++;
                    Judged j = judge(stages, f);
                    int reached = j.stage() < 0 ? n : j.stage() + 1;
                    for (int i = 0; i < reached; i++) {
                        in[i]++;
                    }
                    if (j.stage() >= 0) {
                        Drop d = j.drop();
                        dropped[j.stage()]++;
                        categories.get(j.stage()).merge(d.category(), 1, Integer::sum);
                        boolean wasRescued = rescuedObjects.contains(f.objectId());
                        if (wasRescued) {
                            rescued++;
                            out++;
                            recorder.pass(f.objectId());
                        }
                        recorder.drop(f.objectId(), stages.get(j.stage()).name(), d.category(), d.detail(), wasRescued);
                    } else {
                        out++;
                        recorder.pass(f.objectId());
                    }
                }
            }
            List<FunnelStore.StageCount> counts = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                counts.add(new FunnelStore.StageCount(i + 1, stages.get(i).name(), stages.get(i).settings(), in[i], dropped[i],
                        in[i] - dropped[i], mainReason(categories.get(i))));
            }
            recorder.finish(counts, total, out, rescued, (System.nanoTime() - start) / 1e9);
        }
        return latestReport().orElseThrow();
    }

    /** @return the report of the latest recorded run, compared with the run before it; empty if the funnel never ran */
    public Optional<FunnelReport> latestReport() throws SQLException {
        Optional<FunnelStore.Run> latest = store.latestRun();
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        long runId = latest.get().id();
        Optional<FunnelStore.Run> previous = store.runBefore(runId);
        return Optional.of(new FunnelReport(latest.get(), store.stageCounts(runId),
                previous.isPresent() ? store.stageCounts(previous.get().id()) : List.of(),
                previous.isPresent() ? store.difference(runId, previous.get().id()) : null));
    }

    /**
     * An object's verdict.
     *
     * @param stage index of the first stage that dropped it, -1 if none did
     * @param drop  that stage's reason, null if none dropped it
     */
    record Judged(int stage, Drop drop) {
    }

    /** @return the verdict of {@code stages}, in order, on one object: the first stage that drops it, if any */
    static Judged judge(List<FunnelStage> stages, ObjectFacts f) {
        for (int i = 0; i < stages.size(); i++) {
            Drop d = stages.get(i).judge(f);
            if (d != null) {
                return new Judged(i, d);
            }
        }
        return new Judged(-1, null);
    }

    private static String mainReason(Map<String, Integer> categories) {
        return categories.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(e -> e.getKey() + " (" + e.getValue() + ")").orElse(null);
    }
}
