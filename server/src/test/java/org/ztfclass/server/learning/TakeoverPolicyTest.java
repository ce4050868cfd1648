package org.ztfclass.server.learning;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ztfclass.votables.domain.TransientClass.SN_IA;

import org.junit.jupiter.api.Test;

/** Takeover needs precision >= 95% with >= K audited objects, and stops when audited automatic labels fall below it. */
class TakeoverPolicyTest {

    private final LearningConfig config = LearningConfig.defaults().withMinAudited(20);
    private final TakeoverPolicy policy = new TakeoverPolicy(config);

    @Test
    void onlyAtOrAboveTheRequiredPrecisionWithEnoughAudited() {
        assertTrue(policy.decide(new ThresholdMetrics(SN_IA, 0.8, 20, 19, 30), 0, 0).enabled(), "19/20 = 0.95");
        TakeoverPolicy.Decision below = policy.decide(new ThresholdMetrics(SN_IA, 0.8, 100, 94, 120), 0, 0);
        assertFalse(below.enabled(), "94/100");
        assertTrue(below.reason().contains("0.940") && below.reason().contains("below 0.95"), below.reason());
        TakeoverPolicy.Decision few = policy.decide(new ThresholdMetrics(SN_IA, 0.8, 19, 19, 19), 0, 0);
        assertFalse(few.enabled(), "19 < K = 20 even at precision 1");
        assertTrue(few.reason().contains("needs 20"), few.reason());
        assertFalse(policy.decide(new ThresholdMetrics(SN_IA, 0.8, 0, 0, 5), 0, 0).enabled(), "nothing above the threshold");
    }

    @Test
    void auditedAutomaticLabelsStopItOnceThereAreEnough() {
        ThresholdMetrics good = new ThresholdMetrics(SN_IA, 0.8, 200, 199, 250);
        assertTrue(policy.decide(good, 9, 0).enabled(), "9 audits < minAuditedAuto = 10 do not judge yet");
        TakeoverPolicy.Decision stopped = policy.decide(good, 10, 9);
        assertFalse(stopped.enabled(), "9/10 confirmed");
        assertTrue(stopped.reason().contains("stopped") && stopped.reason().contains("9 of 10"), stopped.reason());
        assertTrue(policy.decide(good, 20, 19).enabled(), "19/20 confirmed");
    }
}
