package org.ztfclass.server.tap;

import java.util.Locale;

/**
 * Cheap limits checked on the ADQL text before it is parsed (issue 13, finding 3): the parser's
 * time and stack grow with nesting and chain length (1,000 nested parentheses took seconds of CPU;
 * an OR chain of a few thousand terms overflowed the stack), so such queries are refused with a
 * 400 saying which limit, in one pass over the characters, before any parsing. String literals
 * ({@code '…'}) and quoted identifiers ({@code "…"}) are skipped, so their content counts for
 * nothing but length.
 */
public final class AdqlLimits {

    /** Longest query text served, in characters. */
    public static final int MAX_LENGTH = 20_000;
    /** Deepest nesting of parentheses served. */
    public static final int MAX_DEPTH = 50;
    /** Most AND/OR operators in one query. */
    public static final int MAX_BOOLEAN_TERMS = 500;
    /** Most arithmetic operators ({@code + - * /}) in one query. */
    public static final int MAX_ARITHMETIC = 500;

    private AdqlLimits() {
    }

    /**
     * @param adql the query text, not null
     * @throws AdqlException naming the first limit the text passes
     */
    public static void check(String adql) throws AdqlException {
        if (adql.length() > MAX_LENGTH) {
            throw new AdqlException("the query is " + adql.length() + " characters long; at most " + MAX_LENGTH + " are served");
        }
        int depth = 0;
        int booleans = 0;
        int arithmetic = 0;
        int n = adql.length();
        for (int i = 0; i < n; i++) {
            char c = adql.charAt(i);
            if (c == '\'' || c == '"') {
                int close = adql.indexOf(c, i + 1); // a doubled quote inside is two literals back to back: same count
                i = close < 0 ? n : close;
            } else if (c == '(') {
                if (++depth > MAX_DEPTH) {
                    throw new AdqlException("parentheses are nested more than " + MAX_DEPTH + " deep; at most " + MAX_DEPTH + " levels are served");
                }
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (c == '+' || c == '-' || c == '*' || c == '/') {
                if (++arithmetic > MAX_ARITHMETIC) {
                    throw new AdqlException("the query has more than " + MAX_ARITHMETIC + " arithmetic operators (+ - * /); at most "
                            + MAX_ARITHMETIC + " are served");
                }
            } else if ((c == 'a' || c == 'A' || c == 'o' || c == 'O') && (i == 0 || !word(adql.charAt(i - 1)))) {
                int end = i;
                while (end < n && word(adql.charAt(end))) {
                    end++;
                }
                String w = adql.substring(i, end).toUpperCase(Locale.ROOT);
                if ((w.equals("AND") || w.equals("OR")) && ++booleans > MAX_BOOLEAN_TERMS) {
                    throw new AdqlException("the query has more than " + MAX_BOOLEAN_TERMS + " AND/OR operators; at most "
                            + MAX_BOOLEAN_TERMS + " are served (use IN (…) for a list of values)");
                }
                i = end - 1;
            }
        }
    }

    private static boolean word(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
