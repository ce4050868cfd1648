package org.ztfclass.server.auth;

import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * Password hashing with bcrypt (Spring Security's implementation), cost 12. Thread-safe.
 *
 * <p>{@link #matches} always runs one bcrypt comparison, also when there is no hash to compare
 * with (an unknown user name, an account without a password): it then compares with a fixed
 * dummy hash of the same cost and answers false, so the time taken does not tell which user
 * names exist. {@link #comparisons()} counts the comparisons made.
 */
public final class Passwords {

    /** Shortest password accepted. */
    public static final int MIN_LENGTH = 10;
    /** bcrypt reads at most 72 bytes; longer passwords are refused rather than silently cut. */
    public static final int MAX_BYTES = 72;

    private static final int COST = 12;

    /** A bcrypt hash of cost {@link #COST} of a random password nobody knows; compared with when there is no real hash. */
    private static final String DUMMY_HASH = "$2a$12$/07RnQRcxWB.QaRrivzu3uxAWi./1PcPYdWDKc0vSCM2xyMZ8xKKC";

    private static final java.util.concurrent.atomic.LongAdder COMPARISONS = new java.util.concurrent.atomic.LongAdder();

    private Passwords() {
    }

    /**
     * @return the bcrypt hash ({@code $2a$12$...}) of {@code password}
     * @throws IllegalArgumentException if the password is shorter than {@link #MIN_LENGTH} characters or over {@link #MAX_BYTES} bytes
     */
    public static String hash(String password) {
        check(password);
        return BCrypt.hashpw(password, BCrypt.gensalt(COST));
    }

    /**
     * @return true if {@code password} matches {@code hash}; false for a null password or a null or
     *         malformed hash, after the same bcrypt work (against {@link #DUMMY_HASH}) as a real check
     */
    public static boolean matches(String password, String hash) {
        boolean real = password != null && hash != null && hash.startsWith("$2");
        COMPARISONS.increment();
        try {
            boolean same = BCrypt.checkpw(password == null ? "" : password, real ? hash : DUMMY_HASH);
            return real && same;
        } catch (IllegalArgumentException e) {
            if (real) {
                BCrypt.checkpw("", DUMMY_HASH); // a malformed stored hash: still spend the time
            }
            return false;
        }
    }

    /** @return how many bcrypt comparisons {@link #matches} has made in this JVM (real and dummy), for monitoring and tests */
    public static long comparisons() {
        return COMPARISONS.sum();
    }

    /** @throws IllegalArgumentException saying why {@code password} is not acceptable */
    public static void check(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("a password needs at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException("a password may have at most " + MAX_BYTES + " bytes (bcrypt's limit)");
        }
    }
}
