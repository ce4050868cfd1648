package org.ztfclass.server.learning;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ztfclass.votables.domain.TransientClass;

/**
 * The class of each object by majority of its labellers, each labeller counted once with their
 * latest label. A tie between the leading classes gives no class and is flagged for an admin.
 * Pure and thread-safe.
 */
public final class Consensus {

    /**
     * One object's consensus.
     *
     * @param objectId the object
     * @param label    the majority class, null when tied
     * @param votes    latest label per labeller, counted per class
     * @param byLabeller each labeller's latest class
     */
    public record Outcome(String objectId, TransientClass label, Map<TransientClass, Integer> votes,
                          Map<String, TransientClass> byLabeller) {

        /** @return whether the leading classes tie (no consensus; an admin should decide) */
        public boolean tied() {
            return label == null;
        }

        /** @return how many labellers */
        public int labellers() {
            return byLabeller.size();
        }
    }

    private Consensus() {
    }

    /** @return one outcome per object that has a vote, ordered by object id */
    public static List<Outcome> of(List<Vote> votes) {
        List<Vote> ordered = new ArrayList<>(votes);
        ordered.sort((a, b) -> Long.compare(a.labelId(), b.labelId()));
        Map<String, Map<String, TransientClass>> latest = new TreeMap<>();
        for (Vote v : ordered) {
            latest.computeIfAbsent(v.objectId(), k -> new LinkedHashMap<>()).put(v.labeller(), v.label());
        }
        List<Outcome> out = new ArrayList<>(latest.size());
        latest.forEach((objectId, byLabeller) -> out.add(outcome(objectId, byLabeller)));
        return out;
    }

    private static Outcome outcome(String objectId, Map<String, TransientClass> byLabeller) {
        Map<TransientClass, Integer> counts = new EnumMap<>(TransientClass.class);
        byLabeller.values().forEach(c -> counts.merge(c, 1, Integer::sum));
        int best = Collections.max(counts.values());
        List<TransientClass> leaders = counts.entrySet().stream().filter(e -> e.getValue() == best).map(Map.Entry::getKey).toList();
        return new Outcome(objectId, leaders.size() == 1 ? leaders.get(0) : null, counts, byLabeller);
    }
}
