package org.ztfclass.server.tap;

import java.time.Instant;
import java.util.Map;

/**
 * One asynchronous TAP query (a UWS 1.1 job) as read from the store at one moment
 * ({@link UwsJobStore}): its owner, parameters, phase, times and, once finished, the size of the
 * VOTable answer or the error message. Immutable: a later read may show another phase. A job made
 * by a signed-in user belongs to that user ({@link #owner}): only that user may see or change it.
 * A job made anonymously has no owner; its unguessable id is the only key to it. Its parameters
 * never hold more than {@link TapLimits#MAX_BODY_BYTES} characters of names and values together
 * ({@link #checkSize}).
 */
final class UwsJob {

    /** UWS phases used here. */
    enum Phase {
        PENDING, QUEUED, EXECUTING, COMPLETED, ERROR, ABORTED;

        /** @return true for COMPLETED, ERROR and ABORTED */
        boolean finished() {
            return this == COMPLETED || this == ERROR || this == ABORTED;
        }
    }

    final String id;
    /** User name of the signed-in creator, or null for an anonymous job. */
    final String owner;
    /** Who counts for the per-client cap on unfinished jobs: {@code user:NAME} or {@code address:IP}. */
    final String client;
    private final Map<String, String> params;
    private final Phase phase;
    final Instant created;
    private final Instant started;
    private final Instant ended;
    final Instant destruction;
    private final String error;
    private final long resultBytes;

    UwsJob(String id, String owner, String client, Map<String, String> params, Phase phase, Instant created, Instant started,
           Instant ended, Instant destruction, String error, long resultBytes) {
        this.id = id;
        this.owner = owner;
        this.client = client;
        this.params = Map.copyOf(params);
        this.phase = phase;
        this.created = created;
        this.started = started;
        this.ended = ended;
        this.destruction = destruction;
        this.error = error;
        this.resultBytes = resultBytes;
    }

    /** @return true if {@code user} (a user name, or null for an anonymous caller) may see and change this job */
    boolean usableBy(String user) {
        return owner == null || owner.equals(user);
    }

    /** @return the parameters (lower-cased names), unmodifiable */
    Map<String, String> params() {
        return params;
    }

    /**
     * @throws TapRefusal 413 if {@code params} hold more than {@link TapLimits#MAX_BODY_BYTES}
     *     characters of names and values together
     */
    static void checkSize(Map<String, String> params) {
        long chars = 0;
        for (Map.Entry<String, String> e : params.entrySet()) {
            chars += e.getKey().length() + (e.getValue() == null ? 0 : e.getValue().length());
        }
        if (chars > TapLimits.MAX_BODY_BYTES) {
            throw new TapRefusal(413, "the job's parameters would hold " + chars + " characters; a job may hold at most "
                    + TapLimits.MAX_BODY_BYTES + " (64 KiB)");
        }
    }

    Phase phase() {
        return phase;
    }

    /** @return true once the job is COMPLETED, ERROR or ABORTED */
    boolean finished() {
        return phase.finished();
    }

    /** @return when it started executing, or null */
    Instant started() {
        return started;
    }

    /** @return when it finished, or null */
    Instant ended() {
        return ended;
    }

    /** @return the error message of an ERROR job, else null */
    String error() {
        return error;
    }

    /** @return the size of the answer held, 0 if none */
    long resultBytes() {
        return resultBytes;
    }
}
