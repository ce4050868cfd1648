package org.ztfclass.server.learning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.ztfclass.votables.domain.TransientClass;

/**
 * Inter-labeller agreement from consensus outcomes (each labeller's latest class per object):
 * Cohen's kappa for every pair of labellers on the objects both labelled, and Fleiss' kappa over
 * the objects with at least two labellers, overall and per class (Fleiss 1971, with the number of
 * raters allowed to vary per object). NaN where undefined (too few objects, or a single class in
 * use so chance agreement is 1). Pure.
 */
public final class Agreement {

    /**
     * Agreement of two labellers.
     *
     * @param a        first labeller
     * @param b        second labeller
     * @param objects  objects both labelled
     * @param observed share of those objects where they agree
     * @param kappa    Cohen's kappa
     */
    public record Pair(String a, String b, int objects, double observed, double kappa) {
    }

    /**
     * @param objects      objects with at least two labellers
     * @param fleissKappa  overall Fleiss' kappa
     * @param perClass     Fleiss' kappa of each class against the rest
     * @param pairs        Cohen's kappa per pair of labellers with at least one object in common
     */
    public record Report(int objects, double fleissKappa, Map<TransientClass, Double> perClass, List<Pair> pairs) {
    }

    private Agreement() {
    }

    public static Report of(List<Consensus.Outcome> outcomes) {
        List<Consensus.Outcome> multi = outcomes.stream().filter(o -> o.labellers() >= 2).toList();
        int k = TransientClass.values().length;
        double[] classTotals = new double[k];
        double raterPairs = 0;
        double agreeingPairs = 0;
        double totalRatings = 0;
        for (Consensus.Outcome o : multi) {
            int n = o.labellers();
            for (TransientClass c : TransientClass.values()) {
                int nij = o.votes().getOrDefault(c, 0);
                classTotals[c.ordinal()] += nij;
                agreeingPairs += (double) nij * (nij - 1);
            }
            raterPairs += (double) n * (n - 1);
            totalRatings += n;
        }
        double fleiss = Double.NaN;
        Map<TransientClass, Double> perClass = new LinkedHashMap<>();
        if (!multi.isEmpty()) {
            double pBar = agreeingPairs / raterPairs;
            double pe = 0;
            for (double t : classTotals) {
                pe += (t / totalRatings) * (t / totalRatings);
            }
            fleiss = pe >= 1 ? Double.NaN : (pBar - pe) / (1 - pe);
            for (TransientClass c : TransientClass.values()) {
                double pj = classTotals[c.ordinal()] / totalRatings;
                double disagreement = 0;
                for (Consensus.Outcome o : multi) {
                    int n = o.labellers();
                    int nij = o.votes().getOrDefault(c, 0);
                    disagreement += (double) nij * (n - nij);
                }
                double denominator = raterPairs * pj * (1 - pj);
                perClass.put(c, denominator == 0 ? Double.NaN : 1 - disagreement / denominator);
            }
        } else {
            for (TransientClass c : TransientClass.values()) {
                perClass.put(c, Double.NaN);
            }
        }
        return new Report(multi.size(), fleiss, perClass, pairs(multi));
    }

    private static List<Pair> pairs(List<Consensus.Outcome> multi) {
        TreeSet<String> labellers = new TreeSet<>();
        multi.forEach(o -> labellers.addAll(o.byLabeller().keySet()));
        List<String> names = new ArrayList<>(labellers);
        List<Pair> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                List<TransientClass> x = new ArrayList<>();
                List<TransientClass> y = new ArrayList<>();
                for (Consensus.Outcome o : multi) {
                    TransientClass a = o.byLabeller().get(names.get(i));
                    TransientClass b = o.byLabeller().get(names.get(j));
                    if (a != null && b != null) {
                        x.add(a);
                        y.add(b);
                    }
                }
                if (!x.isEmpty()) {
                    out.add(cohen(names.get(i), names.get(j), x, y));
                }
            }
        }
        return out;
    }

    /** @return Cohen's kappa of two equally long lists of classes */
    public static Pair cohen(String a, String b, List<TransientClass> x, List<TransientClass> y) {
        int k = TransientClass.values().length;
        double[] pa = new double[k];
        double[] pb = new double[k];
        int agree = 0;
        int n = x.size();
        for (int i = 0; i < n; i++) {
            pa[x.get(i).ordinal()]++;
            pb[y.get(i).ordinal()]++;
            if (x.get(i) == y.get(i)) {
                agree++;
            }
        }
        double po = (double) agree / n;
        double pe = 0;
        for (int c = 0; c < k; c++) {
            pe += (pa[c] / n) * (pb[c] / n);
        }
        return new Pair(a, b, n, po, pe >= 1 ? Double.NaN : (po - pe) / (1 - pe));
    }
}
