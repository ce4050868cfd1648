package org.ztfclass.models.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ztfclass.votables.domain.TransientClass;

/** Objects per class, every class named (0 if none), in {@link TransientClass} order: for honest reports. */
public final class ClassCounts {

    private ClassCounts() {
    }

    /** @return class name to count */
    public static Map<String, Integer> of(List<LabelledObject> objects) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (TransientClass c : TransientClass.values()) {
            out.put(c.name(), 0);
        }
        objects.forEach(o -> out.merge(o.label().name(), 1, Integer::sum));
        return out;
    }

    /** @return how many classes have at least {@code min} objects */
    public static int classesWithAtLeast(List<LabelledObject> objects, int min) {
        return (int) of(objects).values().stream().filter(n -> n >= min).count();
    }
}
