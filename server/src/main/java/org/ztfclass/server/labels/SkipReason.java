package org.ztfclass.server.labels;

import java.util.Locale;

/** Why a labeller passed over an object without labelling it (see {@link LabelSkips}). */
public enum SkipReason {
    /** not now, not interested, or a bad object to judge */
    SKIP("skipped"),
    /** looked, could not decide */
    UNSURE("not sure");

    private final String shown;

    SkipReason(String shown) {
        this.shown = shown;
    }

    /** @return the name in the store and the API: {@code skip} or {@code unsure} */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the words shown to people: {@code skipped} or {@code not sure} */
    public String shown() {
        return shown;
    }

    /**
     * @param s {@code skip} or {@code unsure}, any case; null or blank means {@code skip}
     * @throws IllegalArgumentException naming the accepted values
     */
    public static SkipReason parse(String s) {
        if (s == null || s.isBlank()) {
            return SKIP;
        }
        for (SkipReason r : values()) {
            if (r.key().equals(s.strip().toLowerCase(Locale.ROOT))) {
                return r;
            }
        }
        throw new IllegalArgumentException("reason '" + s + "' is not skip or unsure");
    }
}
