package org.ztfclass.models.evaluation;

/** Escaping for XML/XHTML text and attribute values; package-private. Thread-safe. */
final class Xml {

    private Xml() {
    }

    /**
     * {@code s} with {@code & < > " '} escaped, and characters that XML 1.0 forbids (control
     * characters other than tab, newline, carriage return; lone surrogates) replaced by U+FFFD.
     */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(ch) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(ch).append(s.charAt(++i));
                    } else if ((ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') || Character.isSurrogate(ch)
                            || ch == 0xFFFE || ch == 0xFFFF) {
                        out.append('\uFFFD');
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        return out.toString();
    }
}
