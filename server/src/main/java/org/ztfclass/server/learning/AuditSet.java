package org.ztfclass.server.learning;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Which objects form the audit set: a fixed share of objects chosen by a hash of the object id, so
 * membership never changes as labels arrive and no model version ever trains on an audit object.
 * Thread-safe.
 */
public final class AuditSet {

    private final double fraction;

    /** @param fraction share of objects in the audit set, in (0, 1) */
    public AuditSet(double fraction) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("audit fraction must be in (0, 1), got " + fraction);
        }
        this.fraction = fraction;
    }

    /** @return whether the object is an audit object */
    public boolean contains(String objectId) {
        return unit("audit:" + objectId) < fraction;
    }

    /** @return a number in [0, 1) fixed by {@code key}: the first 8 bytes of its SHA-256 */
    static double unit(String key) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 7; i++) {
                v = (v << 8) | (h[i] & 0xff);
            }
            return v / (double) (1L << 56);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
