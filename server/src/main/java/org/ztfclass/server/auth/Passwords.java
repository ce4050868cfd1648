package org.ztfclass.server.auth;

import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * Password hashing with bcrypt (Spring Security's implementation), cost 12. Thread-safe.
 */
public final class Passwords {

    /** Shortest password accepted. */
    public static final int MIN_LENGTH = 10;
    /** bcrypt reads at most 72 bytes; longer passwords are refused rather than silently cut. */
    public static final int MAX_BYTES = 72;

    private static final int COST = 12;

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

    /** @return true if {@code password} matches {@code hash}; false for a null or malformed hash */
    public static boolean matches(String password, String hash) {
        if (password == null || hash == null || !hash.startsWith("$2")) {
            return false;
        }
        try {
            return BCrypt.checkpw(password, hash);
        } catch (IllegalArgumentException e) {
            return false;
        }
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
