package org.ztfclass.models.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ztfclass.votables.domain.TransientClass;

/**
 * Splits labelled objects into training and test sets by object, stratified by class, with a
 * fixed seed: within each class the objects (sorted by id, so the input order does not matter)
 * are shuffled and the first {@code testFraction} go to the test set. Deterministic.
 *
 * @param train the training objects
 * @param test  the held-out objects
 */
public record StratifiedSplit(List<LabelledObject> train, List<LabelledObject> test) {

    public static StratifiedSplit of(List<LabelledObject> objects, double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("test fraction must be in (0, 1), got " + testFraction);
        }
        Map<TransientClass, List<LabelledObject>> byClass = new EnumMap<>(TransientClass.class);
        for (LabelledObject o : objects) {
            byClass.computeIfAbsent(o.label(), k -> new ArrayList<>()).add(o);
        }
        List<LabelledObject> train = new ArrayList<>();
        List<LabelledObject> test = new ArrayList<>();
        Random random = new Random(seed);
        for (List<LabelledObject> members : byClass.values()) {
            members.sort(Comparator.comparing(o -> o.data().objectId()));
            java.util.Collections.shuffle(members, random);
            int nTest = (int) Math.round(members.size() * testFraction);
            test.addAll(members.subList(0, nTest));
            train.addAll(members.subList(nTest, members.size()));
        }
        return new StratifiedSplit(List.copyOf(train), List.copyOf(test));
    }
}
