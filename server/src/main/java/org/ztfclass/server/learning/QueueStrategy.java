package org.ztfclass.server.learning;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the "next object" queue orders the objects still to label. */
public enum QueueStrategy {
    /** the initial set in its order, then the rest by object id */
    DEFAULT,
    /** uniformly at random */
    RANDOM,
    /** the serving model's most uncertain first: highest entropy of its class probabilities */
    UNCERTAINTY,
    /** the serving model's most uncertain first: smallest margin between its two likeliest classes */
    MARGIN;

    /** @return the name used in the API ({@code default}, {@code random}, {@code uncertainty}, {@code margin}) */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static QueueStrategy parse(String s) {
        for (QueueStrategy q : values()) {
            if (q.key().equals(s == null ? "" : s.trim().toLowerCase(Locale.ROOT))) {
                return q;
            }
        }
        throw new IllegalArgumentException("unknown queue strategy '" + s + "'; use one of "
                + Arrays.stream(values()).map(QueueStrategy::key).collect(Collectors.joining(", ")));
    }

    /** @return the uncertainty of class probabilities under this strategy (higher = more uncertain); 0 for non-model strategies */
    public double uncertainty(double[] p) {
        if (this == UNCERTAINTY) {
            double h = 0;
            for (double x : p) {
                if (x > 0) {
                    h -= x * Math.log(x);
                }
            }
            return h;
        }
        if (this == MARGIN) {
            double[] s = p.clone();
            Arrays.sort(s);
            return 1 - (s[s.length - 1] - s[s.length - 2]);
        }
        return 0;
    }
}
