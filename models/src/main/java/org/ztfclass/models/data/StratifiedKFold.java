package org.ztfclass.models.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ztfclass.votables.domain.TransientClass;

/**
 * Stratified K-fold cross-validation folds, by object, with a fixed seed: within each class the
 * objects (sorted by id, so the input order does not matter) are shuffled with the seed and dealt
 * round-robin to the K folds, so every fold holds about 1/K of each class and every object is in
 * exactly one test fold. Deterministic: the same objects, K and seed give the same folds.
 * Immutable.
 */
public final class StratifiedKFold {

    private final List<LabelledObject> objects;
    private final int[] fold;
    private final int k;

    private StratifiedKFold(List<LabelledObject> objects, int[] fold, int k) {
        this.objects = objects;
        this.fold = fold;
        this.k = k;
    }

    /**
     * @param objects labelled objects, object ids unique
     * @param k       number of folds, at least 2
     * @param seed    shuffling seed
     * @throws IllegalArgumentException if k &lt; 2, an object id repeats, or a class has fewer than
     *                                  k objects (some fold would test none of it and the pooled
     *                                  per-class figures would be skewed); the message names the class
     */
    public static StratifiedKFold of(List<LabelledObject> objects, int k, long seed) {
        if (k < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + k);
        }
        List<LabelledObject> sorted = new ArrayList<>(objects);
        sorted.sort(Comparator.comparing(o -> o.data().objectId()));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).data().objectId().equals(sorted.get(i - 1).data().objectId())) {
                throw new IllegalArgumentException("object " + sorted.get(i).data().objectId() + " is listed twice");
            }
        }
        Map<TransientClass, List<Integer>> byClass = new EnumMap<>(TransientClass.class);
        for (int i = 0; i < sorted.size(); i++) {
            byClass.computeIfAbsent(sorted.get(i).label(), c -> new ArrayList<>()).add(i);
        }
        for (TransientClass c : TransientClass.values()) {
            int n = byClass.getOrDefault(c, List.of()).size();
            if (n < k) {
                throw new IllegalArgumentException(k + "-fold cross-validation needs at least " + k + " labelled objects of "
                        + c + ", have " + n);
            }
        }
        int[] fold = new int[sorted.size()];
        Random random = new Random(seed);
        for (List<Integer> members : byClass.values()) {
            java.util.Collections.shuffle(members, random);
            for (int j = 0; j < members.size(); j++) {
                fold[members.get(j)] = j % k;
            }
        }
        return new StratifiedKFold(List.copyOf(sorted), fold, k);
    }

    /** @return K */
    public int k() {
        return k;
    }

    /** @return every object, sorted by object id (the order of {@link #foldOf}) */
    public List<LabelledObject> objects() {
        return objects;
    }

    /** @return the fold in which object {@code i} of {@link #objects()} is tested */
    public int foldOf(int i) {
        return fold[i];
    }

    /** @return fold {@code f}'s training and test objects (test: the fold; train: all others), id order */
    public StratifiedSplit split(int f) {
        if (f < 0 || f >= k) {
            throw new IllegalArgumentException("fold " + f + " is not in [0, " + k + ")");
        }
        List<LabelledObject> train = new ArrayList<>();
        List<LabelledObject> test = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            (fold[i] == f ? test : train).add(objects.get(i));
        }
        return new StratifiedSplit(List.copyOf(train), List.copyOf(test));
    }
}
