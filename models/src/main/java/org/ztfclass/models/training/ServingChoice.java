package org.ztfclass.models.training;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which of the model's answers is served: the fused, calibrated probabilities, or one branch
 * alone, whichever had the highest macro AUC in cross-validation on the training set (branch
 * outputs out of fold; the fusion itself cross-validated on them). Recorded in the bundle
 * manifest ({@code parameters.serving}) with every candidate's figure and the reason, and read
 * back by the bundle to answer.
 *
 * @param model      {@link #FUSED}, {@link #XGBOOST} or {@link #LSTM}
 * @param cvMacroAuc each candidate's cross-validated macro AUC
 * @param reason     one sentence an astronomer can read
 */
public record ServingChoice(String model, Map<String, Double> cvMacroAuc, String reason) {

    /** The fused, calibrated probabilities. */
    public static final String FUSED = "fused";
    /** XGBoost alone. */
    public static final String XGBOOST = "xgboost";
    /** The LSTM alone (XGBoost where the LSTM cannot read an object). */
    public static final String LSTM = "lstm";
    /** What bundles that predate the choice serve. */
    public static final ServingChoice DEFAULT = new ServingChoice(FUSED, Map.of(), "bundle made before serving was chosen by cross-validation");

    public ServingChoice {
        if (!FUSED.equals(model) && !XGBOOST.equals(model) && !LSTM.equals(model)) {
            throw new IllegalArgumentException("serving model must be fused, xgboost or lstm, not " + model);
        }
        cvMacroAuc = Map.copyOf(cvMacroAuc);
    }

    /**
     * Picks the candidate with the highest figure; a tie goes to the earlier of fused, xgboost, lstm.
     *
     * @param cvMacroAuc candidate to macro AUC (NaN or missing = not a candidate)
     */
    public static ServingChoice best(Map<String, Double> cvMacroAuc) {
        String best = null;
        for (String m : new String[] {FUSED, XGBOOST, LSTM}) {
            Double v = cvMacroAuc.get(m);
            if (v != null && Double.isFinite(v) && (best == null || v > cvMacroAuc.get(best))) {
                best = m;
            }
        }
        if (best == null) {
            return new ServingChoice(XGBOOST, cvMacroAuc, "no cross-validated figure; XGBoost answers for every object");
        }
        StringBuilder why = new StringBuilder(best + " has the highest cross-validated macro AUC (");
        cvMacroAuc.forEach((k, v) -> why.append(k).append(' ').append(String.format(java.util.Locale.ROOT, "%.3f", v)).append(", "));
        why.setLength(why.length() - 2);
        why.append(')');
        return new ServingChoice(best, cvMacroAuc, why.toString());
    }

    /** @return the served probabilities of each object */
    public double[][] pick(BranchOutputs b) {
        return switch (model) {
            case XGBOOST -> b.xgboost();
            case LSTM -> {
                double[][] out = new double[b.xgboost().length][];
                for (int i = 0; i < out.length; i++) {
                    out[i] = b.lstm()[i] != null ? b.lstm()[i] : b.xgboost()[i];
                }
                yield out;
            }
            default -> b.fused();
        };
    }

    /** @return the manifest form: {@code model}, {@code reason}, {@code cv_macro_auc} */
    public Map<String, Object> asParameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("model", model);
        p.put("reason", reason);
        p.put("cv_macro_auc", new LinkedHashMap<>(cvMacroAuc));
        return p;
    }

    /** @return the choice a manifest records, {@link #DEFAULT} if none */
    @SuppressWarnings("unchecked")
    public static ServingChoice fromParameters(Map<String, Map<String, Object>> parameters) {
        Map<String, Object> p = parameters == null ? null : parameters.get("serving");
        if (p == null || !(p.get("model") instanceof String m)) {
            return DEFAULT;
        }
        Map<String, Double> auc = new LinkedHashMap<>();
        if (p.get("cv_macro_auc") instanceof Map<?, ?> values) {
            values.forEach((k, v) -> auc.put(String.valueOf(k), v instanceof Number n ? n.doubleValue() : Double.NaN));
        }
        return new ServingChoice(m, auc, String.valueOf(p.getOrDefault("reason", "")));
    }
}
