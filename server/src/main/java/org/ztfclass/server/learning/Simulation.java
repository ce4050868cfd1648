package org.ztfclass.server.learning;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import org.ztfclass.models.bundle.ModelBundle;
import org.ztfclass.models.data.LabelledObject;
import org.ztfclass.models.data.ObjectData;
import org.ztfclass.votables.domain.TransientClass;

/**
 * Replays a real labelled set as if people labelled it in rounds: the audit set
 * ({@link AuditSet}) is set aside and never trained on; the rest is the pool. Each round adds
 * {@code roundSize} labels from the pool in queue order, retrains through {@link ModelTrainer},
 * and measures on the audit set macro AUC, accuracy, per-class precision (of the predicted class)
 * and the numbers at the decision threshold that {@link TakeoverPolicy} judges. Two queues: the
 * random queue (a seeded shuffle) and the active-learning queue (the same first round, then the
 * most uncertain remaining objects by entropy under the latest model). Deterministic for a seed.
 */
public final class Simulation {

    /** The queues compared. */
    public static final List<String> STRATEGIES = List.of("random", "active");

    /**
     * One round of one queue.
     *
     * @param strategy  {@code random} or {@code active}
     * @param labels    labels given so far (training objects)
     * @param macroAuc  on the audit set
     * @param accuracy  on the audit set
     * @param precision per class, precision of the predicted class on the audit set (NaN if never predicted)
     * @param atThreshold per class, the numbers at the decision threshold
     * @param takeover  per class, the takeover decision
     */
    public record Row(String strategy, int round, int labels, double macroAuc, double accuracy, Map<TransientClass, Double> precision,
                      Map<TransientClass, ThresholdMetrics> atThreshold, Map<TransientClass, TakeoverPolicy.Decision> takeover) {
    }

    /**
     * @param auditN      audit objects
     * @param poolN       objects that could be labelled
     * @param rows        every round of both queues, in order
     * @param takeoverAt  per queue and class, the labels at which takeover first switched on (absent: never)
     */
    public record Result(int auditN, int poolN, List<Row> rows, Map<String, Map<TransientClass, Integer>> takeoverAt) {
    }

    private final ModelTrainer trainer;
    private final LearningConfig config;
    private final int roundSize;
    private final int maxLabels;

    /**
     * @param roundSize labels per round
     * @param maxLabels stop after this many labels (the pool size if smaller)
     */
    public Simulation(ModelTrainer trainer, LearningConfig config, int roundSize, int maxLabels) {
        if (roundSize < 1 || maxLabels < roundSize) {
            throw new IllegalArgumentException("round size " + roundSize + " must be >= 1 and <= the label limit " + maxLabels);
        }
        this.trainer = trainer;
        this.config = config;
        this.roundSize = roundSize;
        this.maxLabels = maxLabels;
    }

    /** @param progress receives a line per round */
    public Result run(List<LabelledObject> labelled, Consumer<String> progress) throws Exception {
        AuditSet auditSet = new AuditSet(config.auditFraction());
        List<LabelledObject> audit = new ArrayList<>();
        List<LabelledObject> pool = new ArrayList<>();
        List<LabelledObject> sorted = new ArrayList<>(labelled);
        sorted.sort(Comparator.comparing(o -> o.data().objectId()));
        for (LabelledObject o : sorted) {
            (auditSet.contains(o.data().objectId()) ? audit : pool).add(o);
        }
        Collections.shuffle(pool, new Random(config.seed()));
        int[] y = audit.stream().mapToInt(o -> o.label().ordinal()).toArray();
        List<ObjectData> auditData = audit.stream().map(LabelledObject::data).toList();
        TakeoverPolicy policy = new TakeoverPolicy(config);
        List<Row> rows = new ArrayList<>();
        Map<String, Map<TransientClass, Integer>> takeoverAt = new LinkedHashMap<>();
        int limit = Math.min(maxLabels, pool.size());
        for (String strategy : STRATEGIES) {
            Map<TransientClass, Integer> on = new EnumMap<>(TransientClass.class);
            takeoverAt.put(strategy, on);
            List<LabelledObject> given = new ArrayList<>(pool.subList(0, Math.min(roundSize, limit)));
            List<LabelledObject> remaining = new ArrayList<>(pool.subList(given.size(), pool.size()));
            int round = 0;
            while (true) {
                round++;
                ModelBundle model;
                try {
                    model = trainer.train(given, config.seed());
                } catch (IllegalArgumentException e) {
                    progress.accept(strategy + " round " + round + " (" + given.size() + " labels): cannot train yet: " + e.getMessage());
                    model = null;
                }
                if (model != null) {
                    Row row = measure(strategy, round, given.size(), y, model.probabilities(auditData), policy);
                    rows.add(row);
                    row.takeover().forEach((c, d) -> {
                        if (d.enabled()) {
                            on.putIfAbsent(c, row.labels());
                        }
                    });
                    progress.accept(String.format(java.util.Locale.ROOT, "%-6s round %2d: %5d labels, macro AUC %.4f, accuracy %.4f, takeover %s",
                            strategy, round, given.size(), row.macroAuc(), row.accuracy(),
                            row.takeover().entrySet().stream().filter(e -> e.getValue().enabled()).map(e -> e.getKey().name()).toList()));
                }
                int next = Math.min(roundSize, limit - given.size());
                if (next <= 0) {
                    break;
                }
                if (strategy.equals("active") && model != null) {
                    double[][] p = model.probabilities(remaining.stream().map(LabelledObject::data).toList());
                    List<Integer> order = new ArrayList<>();
                    for (int i = 0; i < remaining.size(); i++) {
                        order.add(i);
                    }
                    order.sort(Comparator.comparingDouble((Integer i) -> -QueueStrategy.UNCERTAINTY.uncertainty(p[i])).thenComparing(i -> i));
                    Set<Integer> picked = new HashSet<>(order.subList(0, next));
                    List<LabelledObject> rest = new ArrayList<>();
                    for (int i = 0; i < remaining.size(); i++) {
                        (picked.contains(i) ? given : rest).add(remaining.get(i));
                    }
                    remaining = rest;
                } else {
                    given.addAll(remaining.subList(0, next));
                    remaining = new ArrayList<>(remaining.subList(next, remaining.size()));
                }
            }
        }
        return new Result(audit.size(), pool.size(), rows, takeoverAt);
    }

    private Row measure(String strategy, int round, int labels, int[] y, double[][] p, TakeoverPolicy policy) {
        int correct = 0;
        int[] predicted = new int[3];
        int[] predictedRight = new int[3];
        for (int i = 0; i < y.length; i++) {
            int best = 0;
            for (int c = 1; c < p[i].length; c++) {
                if (p[i][c] > p[i][best]) {
                    best = c;
                }
            }
            predicted[best]++;
            if (best == y[i]) {
                correct++;
                predictedRight[best]++;
            }
        }
        Map<TransientClass, Double> precision = new EnumMap<>(TransientClass.class);
        Map<TransientClass, ThresholdMetrics> at = new EnumMap<>(TransientClass.class);
        Map<TransientClass, TakeoverPolicy.Decision> takeover = new EnumMap<>(TransientClass.class);
        for (TransientClass c : TransientClass.values()) {
            int k = c.ordinal();
            precision.put(c, predicted[k] == 0 ? Double.NaN : (double) predictedRight[k] / predicted[k]);
            ThresholdMetrics m = ThresholdMetrics.of(c, config.threshold(), y, p);
            at.put(c, m);
            takeover.put(c, policy.decide(m, 0, 0));
        }
        return new Row(strategy, round, labels, org.ztfclass.models.evaluation.MacroAuc.oneVsRest(y, p).value(), y.length == 0 ? Double.NaN : (double) correct / y.length,
                precision, at, takeover);
    }
}
