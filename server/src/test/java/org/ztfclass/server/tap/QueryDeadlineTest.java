package org.ztfclass.server.tap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A query that fails after its time limit is answered as stopped at the limit even when the
 * deadline's own watch has not looked yet (on PostgreSQL the driver's query timeout can cancel the
 * statement first; CI saw such a job end as "internal error").
 */
class QueryDeadlineTest {

    @Test
    void aFailureBeforeTheLimitIsNotTheDeadlines() {
        QueryDeadline deadline = new QueryDeadline(60);
        assertFalse(deadline.stoppedIt());
    }

    @Test
    void aFailureAfterTheLimitIsTheDeadlinesThoughNoWatchLooked() throws Exception {
        QueryDeadline deadline = new QueryDeadline(1);
        Thread.sleep(1_100);
        assertTrue(deadline.stoppedIt());
        assertTrue(deadline.refusal().getMessage().contains("ran longer than the time limit of 1 s"),
                deadline.refusal().getMessage());
    }
}
