package org.ztfclass.votables.domain;

import java.util.Locale;

/**
 * A ZTF photometric band. ZTF alert packets name bands by filter id ({@code fid} 1, 2, 3);
 * light-curve files by letter ({@code g}, {@code r} or {@code R}, {@code i}).
 */
public enum Band {
    G(1, "g"),
    R(2, "r"),
    I(3, "i");

    private final int fid;
    private final String letter;

    Band(int fid, String letter) {
        this.fid = fid;
        this.letter = letter;
    }

    /** @return the ZTF filter id: 1 = g, 2 = r, 3 = i */
    public int fid() {
        return fid;
    }

    /** @return the lower-case band letter used in tables and column names */
    public String letter() {
        return letter;
    }

    /**
     * @param fid ZTF filter id
     * @return the band
     * @throws IllegalArgumentException if {@code fid} is not 1, 2 or 3
     */
    public static Band ofFid(int fid) {
        for (Band b : values()) {
            if (b.fid == fid) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown ZTF filter id " + fid + " (expected 1=g, 2=r, 3=i)");
    }

    /**
     * Parses a band name as found in light-curve files: {@code g}, {@code r}, {@code R},
     * {@code i}, {@code zg}, {@code zr}, {@code zi}, {@code ztfg}, ... or a filter id digit.
     *
     * @throws IllegalArgumentException naming the text if it is no ZTF band
     */
    public static Band parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("ztf")) {
            t = t.substring(3);
        } else if (t.length() == 2 && t.charAt(0) == 'z') {
            t = t.substring(1);
        }
        switch (t) {
            case "g": case "1": return G;
            case "r": case "2": return R;
            case "i": case "3": return I;
            default:
                throw new IllegalArgumentException("unknown ZTF band '" + text + "' (expected g, r or i)");
        }
    }
}
