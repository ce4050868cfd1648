package org.ztfclass.server.learning;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ztfclass.models.evaluation.MacroAuc;
import org.ztfclass.votables.domain.TransientClass;

/**
 * A candidate version against the serving one on audit objects neither trained on: macro AUC of
 * both on the same objects, and the candidate's per-class numbers at the decision threshold on the
 * whole audit set. The candidate is promoted when there is no serving version, or when its macro
 * AUC on the shared objects is not lower. Pure.
 *
 * @param auditN          audit objects the candidate was evaluated on
 * @param candidateAuc    the candidate's macro AUC on the whole audit set
 * @param comparedN       audit objects both were compared on
 * @param candidateOnShared the candidate's macro AUC on those
 * @param servingOnShared the serving version's macro AUC on those (NaN without a serving version)
 * @param perClass        the candidate's numbers at the threshold, on the whole audit set
 * @param promote         whether to promote
 * @param reason          why (with the numbers)
 */
public record AuditComparison(int auditN, double candidateAuc, int comparedN, double candidateOnShared, double servingOnShared,
                              Map<TransientClass, ThresholdMetrics> perClass, boolean promote, String reason) {

    /**
     * @param auditIds       audit objects, in the order of {@code trueClass} and {@code candidate}
     * @param trueClass      their consensus classes ({@link TransientClass} ordinals)
     * @param candidate      the candidate's probabilities
     * @param serving        the serving version's probabilities by object (null without a serving version)
     * @param servingNeverSaw which audit objects the serving version never trained on
     */
    public static AuditComparison of(List<String> auditIds, int[] trueClass, double[][] candidate, Map<String, double[]> serving,
                                     Set<String> servingNeverSaw, double threshold) {
        double candAuc = MacroAuc.oneVsRest(trueClass, candidate).value();
        Map<TransientClass, ThresholdMetrics> perClass = new EnumMap<>(TransientClass.class);
        for (TransientClass c : TransientClass.values()) {
            perClass.put(c, ThresholdMetrics.of(c, threshold, trueClass, candidate));
        }
        if (serving == null) {
            return new AuditComparison(auditIds.size(), candAuc, 0, Double.NaN, Double.NaN, perClass, true,
                    String.format(java.util.Locale.ROOT, "no serving version; audit macro AUC %.4f on %d objects", candAuc, auditIds.size()));
        }
        List<Integer> shared = new ArrayList<>();
        for (int i = 0; i < auditIds.size(); i++) {
            if (serving.containsKey(auditIds.get(i)) && servingNeverSaw.contains(auditIds.get(i))) {
                shared.add(i);
            }
        }
        int[] y = shared.stream().mapToInt(i -> trueClass[i]).toArray();
        double[][] pc = shared.stream().map(i -> candidate[i]).toArray(double[][]::new);
        double[][] ps = shared.stream().map(i -> serving.get(auditIds.get(i))).toArray(double[][]::new);
        double a = shared.isEmpty() ? Double.NaN : MacroAuc.oneVsRest(y, pc).value();
        double b = shared.isEmpty() ? Double.NaN : MacroAuc.oneVsRest(y, ps).value();
        boolean promote = !Double.isNaN(a) && !Double.isNaN(b) && a >= b;
        String reason = Double.isNaN(b) || Double.isNaN(a)
                ? "not promoted: only " + shared.size() + " audit objects that the serving version never trained on, too few for a macro AUC"
                : String.format(java.util.Locale.ROOT, "%s: macro AUC %.4f vs serving %.4f on %d audit objects neither trained on",
                        promote ? "promoted" : "not promoted (worse)", a, b, shared.size());
        return new AuditComparison(auditIds.size(), candAuc, shared.size(), a, b, perClass, promote, reason);
    }
}
