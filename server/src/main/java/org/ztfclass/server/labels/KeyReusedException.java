package org.ztfclass.server.labels;

/** An {@link IdempotencyKey} sent again with a different batch than the first time: nothing was written. */
public final class KeyReusedException extends RuntimeException {

    KeyReusedException(IdempotencyKey key, String firstUsedAt) {
        super("Idempotency-Key '" + key.value() + "' was used at " + firstUsedAt + " for a different batch; "
                + "send a new key for a new batch (the same key only to retry the same batch)");
    }
}
