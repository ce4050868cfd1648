package org.ztfclass.votables.domain;

import java.util.Locale;

/**
 * The classifier's three top-level classes. Finer labels (SN Ibc, SLSN, TDE, CV, ...) are kept
 * as given and mapped here with {@link #ofFineClass(String)}.
 */
public enum TransientClass {
    SN_IA,
    SN_II,
    OTHER;

    /**
     * Maps a fine class as written by a catalogue or a person to the top level. SN Ia and its
     * sub-types ({@code SN Ia-91T-like}, {@code Ia-CSM}, {@code SNIa}, {@code SN Iax}, {@code SN_IA}) map to
     * {@link #SN_IA}; SN II and sub-types ({@code IIP}, {@code IIn}, {@code IIb}, {@code SNII})
     * to {@link #SN_II}; everything else classified (SN Ib/c, SLSN, TDE, CV, AGN, stars, bogus)
     * to {@link #OTHER}.
     *
     * @param fineClass a class name, not blank
     * @return the top-level class
     * @throws IllegalArgumentException if {@code fineClass} is null, blank or a marker of
     *         "unclassified" ({@code -}, {@code nan}, {@code unknown})
     */
    public static TransientClass ofFineClass(String fineClass) {
        if (!isClassified(fineClass)) {
            throw new IllegalArgumentException("'" + fineClass + "' is not a class");
        }
        String t = fineClass.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_]", "");
        if (t.startsWith("sn")) {
            t = t.substring(2);
        }
        if (t.startsWith("ia")) {
            return SN_IA;
        }
        if (t.startsWith("ii") && !t.startsWith("iii")) {
            return SN_II;
        }
        return OTHER;
    }

    /** @return false for null, blank and the usual "unclassified" markers ({@code -}, {@code nan}, {@code unknown}, {@code ?}) */
    public static boolean isClassified(String fineClass) {
        if (fineClass == null) {
            return false;
        }
        String t = fineClass.trim().toLowerCase(Locale.ROOT);
        return !(t.isEmpty() || t.equals("-") || t.equals("nan") || t.equals("none") || t.equals("null")
                || t.equals("unknown") || t.equals("?"));
    }
}
