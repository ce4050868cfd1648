package org.ztfclass.server.tap;

import java.time.Instant;
import java.util.Map;

/**
 * One asynchronous TAP query (a UWS 1.1 job): its parameters, phase, times and, once finished,
 * the VOTable answer or the error message. Fields change only under the job's own lock.
 */
final class UwsJob {

    /** UWS phases used here. */
    enum Phase { PENDING, QUEUED, EXECUTING, COMPLETED, ERROR, ABORTED }

    final String id;
    private final Map<String, String> params;
    final Instant created;
    final Instant destruction;
    private Phase phase = Phase.PENDING;
    private Instant started;
    private Instant ended;
    private byte[] result;
    private String error;
    private Thread worker;

    UwsJob(String id, Map<String, String> params, Instant created, Instant destruction) {
        this.id = id;
        this.params = new java.util.HashMap<>(params);
        this.created = created;
        this.destruction = destruction;
    }

    /** @return a copy of the parameters */
    synchronized Map<String, String> params() {
        return Map.copyOf(params);
    }

    /** Adds or replaces parameters (lower-cased names) while the job is PENDING; false otherwise. */
    synchronized boolean setParams(Map<String, String> more) {
        if (phase != Phase.PENDING) {
            return false;
        }
        params.putAll(more);
        return true;
    }

    synchronized Phase phase() {
        return phase;
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
