package org.ztfclass.server.funnel;

import org.ztfclass.server.store.ObjectFacts;

/**
 * Requires at least {@code minGood} positive detections whose real/bogus score (drb, else rb)
 * is at least {@code minScore}. Points from light-curve files carry no score and count as good
 * (the brokers that made them applied their own real/bogus cut).
 */
public record BogusStage(double minScore, int minGood) implements FunnelStage {

    @Override
    public String name() {
        return "bogus";
    }

    @Override
    public String settings() {
        return ">= " + minGood + " detections with drb (else rb) >= " + minScore;
    }

    @Override
    public Drop judge(ObjectFacts f) {
        double[] s = f.bestScores();
        int good = 0;
        for (double v : s) {
            if (v >= minScore) {
                good++;
            }
        }
        if (good >= minGood) {
            return null;
        }
        return new Drop("< " + minGood + " good detections",
                good + " detection(s) with score >= " + minScore + " (need " + minGood + "), best scores " + java.util.Arrays.toString(s));
    }
}
