package org.ztfclass.server.labels;

/**
 * A client's name for one label batch ({@code Idempotency-Key} header of {@code POST /api/labels}):
 * sending the same batch again under the same key stores nothing new and answers as the first time.
 * 1 to {@link #MAX_LENGTH} printable ASCII characters (a UUID is a good choice).
 *
 * @param value the key as sent
 */
public record IdempotencyKey(String value) {

    /** Longest key accepted. */
    public static final int MAX_LENGTH = 128;

    /** @throws IllegalArgumentException saying why, if {@code value} is empty, too long or not printable ASCII */
    public IdempotencyKey {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("Idempotency-Key is empty: send 1 to " + MAX_LENGTH + " printable ASCII characters, e.g. a UUID");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("Idempotency-Key has " + value.length() + " characters; at most " + MAX_LENGTH);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw new IllegalArgumentException("Idempotency-Key may hold only printable ASCII characters (no spaces); character "
                        + (i + 1) + " is not");
            }
        }
    }
}
