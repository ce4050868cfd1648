package org.ztfclass.server.learning;

/**
 * The knobs of continuous learning. Read from Java system properties {@code ztfclass.learning.*}
 * (e.g. {@code ZTFCLASS_JAVA_OPTS="-Dztfclass.learning.minAudited=100" install/ztfclass serve}),
 * each falling back to its documented default.
 *
 * @param auditFraction        share of labelled objects kept as the audit set, never trained on (0.2)
 * @param takeoverPrecision    precision a class needs on the audit set for takeover (0.95)
 * @param minAudited           K: audited objects above the threshold a class needs for takeover (50)
 * @param threshold            decision threshold on the class probability for takeover and its precision (0.8)
 * @param auditSampleFraction  share of automatic labels sent to humans for audit (0.1)
 * @param minAuditedAuto       audited automatic labels of a class before their precision can stop takeover (10)
 * @param retrainEvery         N: start a retraining after N new human labels; 0 = only by an admin (0)
 * @param seed                 training seed (20261125)
 */
public record LearningConfig(double auditFraction, double takeoverPrecision, int minAudited, double threshold,
                             double auditSampleFraction, int minAuditedAuto, int retrainEvery, long seed) {

    /** @throws IllegalArgumentException naming the setting that is out of range */
    public LearningConfig {
        check("auditFraction", auditFraction > 0 && auditFraction < 1, auditFraction);
        check("takeoverPrecision", takeoverPrecision > 0 && takeoverPrecision <= 1, takeoverPrecision);
        check("minAudited", minAudited >= 1, minAudited);
        check("threshold", threshold >= 0 && threshold < 1, threshold);
        check("auditSampleFraction", auditSampleFraction >= 0 && auditSampleFraction <= 1, auditSampleFraction);
        check("minAuditedAuto", minAuditedAuto >= 1, minAuditedAuto);
        check("retrainEvery", retrainEvery >= 0, retrainEvery);
    }

    private static void check(String name, boolean ok, Object value) {
        if (!ok) {
            throw new IllegalArgumentException("ztfclass.learning." + name + " = " + value + " is out of range");
        }
    }

    /** @return the defaults */
    public static LearningConfig defaults() {
        return new LearningConfig(0.2, 0.95, 50, 0.8, 0.1, 10, 0, 20261125L);
    }

    /** @return the defaults overridden by system properties {@code ztfclass.learning.NAME} */
    public static LearningConfig fromSystemProperties() {
        LearningConfig d = defaults();
        return new LearningConfig(dbl("auditFraction", d.auditFraction), dbl("takeoverPrecision", d.takeoverPrecision),
                (int) dbl("minAudited", d.minAudited), dbl("threshold", d.threshold), dbl("auditSampleFraction", d.auditSampleFraction),
                (int) dbl("minAuditedAuto", d.minAuditedAuto), (int) dbl("retrainEvery", d.retrainEvery), (long) dbl("seed", d.seed));
    }

    private static double dbl(String name, double fallback) {
        String v = System.getProperty("ztfclass.learning." + name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("ztfclass.learning." + name + " = '" + v + "' is not a number");
        }
    }

    /** @return a copy with another K */
    public LearningConfig withMinAudited(int k) {
        return new LearningConfig(auditFraction, takeoverPrecision, k, threshold, auditSampleFraction, minAuditedAuto, retrainEvery, seed);
    }

    /** @return a copy retraining automatically every {@code n} new human labels */
    public LearningConfig withRetrainEvery(int n) {
        return new LearningConfig(auditFraction, takeoverPrecision, minAudited, threshold, auditSampleFraction, minAuditedAuto, n, seed);
    }
}
