package org.ztfclass.server.tap;

/**
 * A translated ADQL expression: its SQL text (schema names, operators and {@code ?} markers
 * only), its value class, and the published column when it is a plain column reference.
 *
 * @param text   SQL text
 * @param type   {@code String}, {@code Double}, {@code Integer} or {@code Long}
 * @param column the column it reads, or null
 */
record SqlFragment(String text, Class<?> type, TapColumn column) {

    /** @return true unless the value is a string */
    boolean numeric() {
        return type != String.class;
    }
}
