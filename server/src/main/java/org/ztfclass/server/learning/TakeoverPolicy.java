package org.ztfclass.server.learning;

import java.util.Locale;

/**
 * Whether a model may label a class by itself. On when its precision at the decision threshold on
 * held-out human labels is at least the required precision with at least K audited objects above
 * the threshold, and the humans who audited its automatic labels of the class (once there are
 * enough of them) found them at least that precise. Every decision says why. Pure.
 */
public final class TakeoverPolicy {

    /**
     * @param enabled whether the model labels the class
     * @param reason  why, in a sentence with the numbers
     */
    public record Decision(boolean enabled, String reason) {
    }

    private final LearningConfig config;

    public TakeoverPolicy(LearningConfig config) {
        this.config = config;
    }

    /**
     * @param heldOut        the model's numbers on the audit set (never trained on)
     * @param auditedAuto    automatic labels of this class that humans have audited (0 if none)
     * @param auditedCorrect of those, how many the humans confirmed
     */
    public Decision decide(ThresholdMetrics heldOut, int auditedAuto, int auditedCorrect) {
        String c = heldOut.label().name();
        double required = config.takeoverPrecision();
        if (heldOut.above() < config.minAudited()) {
            return new Decision(false, String.format(Locale.ROOT, "%s: only %d audited objects at p >= %.2f, takeover needs %d",
                    c, heldOut.above(), heldOut.threshold(), config.minAudited()));
        }
        double p = heldOut.precision();
        if (!(p >= required)) {
            return new Decision(false, String.format(Locale.ROOT, "%s: held-out precision %.3f (%d/%d) at p >= %.2f is below %.2f",
                    c, p, heldOut.correct(), heldOut.above(), heldOut.threshold(), required));
        }
        java.util.Optional<Decision> stop = audits(heldOut.label(), auditedAuto, auditedCorrect);
        if (stop.isPresent()) {
            return stop.get();
        }
        return new Decision(true, String.format(Locale.ROOT, "%s: held-out precision %.3f (%d/%d) at p >= %.2f, >= %.2f with >= %d audited",
                c, p, heldOut.correct(), heldOut.above(), heldOut.threshold(), required, config.minAudited()));
    }

    /**
     * The audit half of the rule alone: whether humans' audits of a class's automatic labels stop
     * its takeover (once there are at least {@link LearningConfig#minAuditedAuto()} of them).
     *
     * @return the stop decision, or empty if the audits do not stop it
     */
    public java.util.Optional<Decision> audits(org.ztfclass.votables.domain.TransientClass label, int auditedAuto, int auditedCorrect) {
        double required = config.takeoverPrecision();
        if (auditedAuto >= config.minAuditedAuto()) {
            double audited = (double) auditedCorrect / auditedAuto;
            if (audited < required) {
                return java.util.Optional.of(new Decision(false, String.format(Locale.ROOT,
                        "%s: stopped, humans confirmed only %d of %d audited automatic labels (precision %.3f < %.2f)",
                        label.name(), auditedCorrect, auditedAuto, audited, required)));
            }
        }
        return java.util.Optional.empty();
    }
}
