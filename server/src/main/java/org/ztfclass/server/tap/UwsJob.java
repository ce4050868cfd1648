package org.ztfclass.server.tap;

import java.time.Instant;
import java.util.Map;

/**
 * One asynchronous TAP query (a UWS 1.1 job): its owner, parameters, phase, times and, once
 * finished, the VOTable answer or the error message. A job made by a signed-in user belongs to
 * that user ({@link #owner}): only that user may see or change it. A job made anonymously has no
 * owner; its unguessable id is the only key to it. Its parameters never hold more than
 * {@link TapLimits#MAX_BODY_BYTES} characters of names and values together. Fields change only
 * under the job's own lock.
 */
final class UwsJob {

    /** UWS phases used here. */
    enum Phase { PENDING, QUEUED, EXECUTING, COMPLETED, ERROR, ABORTED }

    final String id;
    /** User name of the signed-in creator, or null for an anonymous job. */
    final String owner;
    /** Who counts for the per-client cap on unfinished jobs: {@code user:NAME} or {@code address:IP}. */
    final String client;
    private final Map<String, String> params;
    final Instant created;
    final Instant destruction;
    private Phase phase = Phase.PENDING;
    private Instant started;
    private Instant ended;
    private byte[] result;
    private String error;
    private Thread worker;

    UwsJob(String id, String owner, String client, Map<String, String> params, Instant created, Instant destruction) {
        checkSize(params);
        this.id = id;
        this.owner = owner;
        this.client = client;
        this.params = new java.util.HashMap<>(params);
        this.created = created;
        this.destruction = destruction;
    }

    /** @return true if {@code user} (a user name, or null for an anonymous caller) may see and change this job */
    boolean usableBy(String user) {
        return owner == null || owner.equals(user);
    }

    /** @return a copy of the parameters */
    synchronized Map<String, String> params() {
        return Map.copyOf(params);
    }

    /**
     * Adds or replaces parameters (lower-cased names) while the job is PENDING; false otherwise.
     *
     * @throws TapRefusal 413 if the parameters would then hold more than {@link TapLimits#MAX_BODY_BYTES} characters
     */
    synchronized boolean setParams(Map<String, String> more) {
        if (phase != Phase.PENDING) {
            return false;
        }
        Map<String, String> merged = new java.util.HashMap<>(params);
        merged.putAll(more);
        checkSize(merged);
        params.putAll(more);
        return true;
    }

    private static void checkSize(Map<String, String> params) {
        long chars = 0;
        for (Map.Entry<String, String> e : params.entrySet()) {
            chars += e.getKey().length() + (e.getValue() == null ? 0 : e.getValue().length());
        }
        if (chars > TapLimits.MAX_BODY_BYTES) {
            throw new TapRefusal(413, "the job's parameters would hold " + chars + " characters; a job may hold at most "
                    + TapLimits.MAX_BODY_BYTES + " (64 KiB)");
        }
    }

    synchronized Phase phase() {
        return phase;
    }

    /** @return true once the job is COMPLETED, ERROR or ABORTED */
    synchronized boolean finished() {
        return phase == Phase.COMPLETED || phase == Phase.ERROR || phase == Phase.ABORTED;
    }

    synchronized Instant started() {
        return started;
    }

    synchronized Instant ended() {
        return ended;
    }

    synchronized byte[] result() {
        return result;
    }

    /** @return the size of the answer held, 0 if none */
    synchronized long resultBytes() {
        return result == null ? 0 : result.length;
    }

    synchronized String error() {
        return error;
    }

    /** PENDING → QUEUED; false if the job was not pending. */
    synchronized boolean queue() {
        if (phase != Phase.PENDING) {
            return false;
        }
        phase = Phase.QUEUED;
        return true;
    }

    /** QUEUED → EXECUTING on the calling thread; false if it was aborted meanwhile. */
    synchronized boolean start() {
        if (phase != Phase.QUEUED) {
            return false;
        }
        phase = Phase.EXECUTING;
        started = Instant.now();
        worker = Thread.currentThread();
        return true;
    }

    synchronized void complete(byte[] votable) {
        if (phase == Phase.EXECUTING) {
            phase = Phase.COMPLETED;
            result = votable;
            ended = Instant.now();
            worker = null;
        }
    }

    synchronized void fail(String message) {
        if (phase == Phase.EXECUTING || phase == Phase.QUEUED || phase == Phase.PENDING) {
            phase = Phase.ERROR;
            error = message;
            ended = Instant.now();
            worker = null;
        }
    }

    /** Any unfinished phase → ABORTED; an executing query is interrupted, which stops its SQL ({@link QueryDeadline}). */
    synchronized void abort() {
        if (phase == Phase.PENDING || phase == Phase.QUEUED || phase == Phase.EXECUTING) {
            phase = Phase.ABORTED;
            ended = Instant.now();
            if (worker != null) {
                worker.interrupt();
                worker = null;
            }
        }
    }
}
