package org.ztfclass.server.web;

import org.ztfclass.votables.domain.Band;

/**
 * Colours and marker shapes of the ZTF bands in every plot: the Okabe–Ito palette, safe for the
 * common colour-vision deficiencies, and a different shape per band so colour is never the only cue.
 */
public final class BandStyle {

    private BandStyle() {
    }

    /** @return the band's colour, e.g. {@code #0072B2} for g */
    public static String colour(Band band) {
        return switch (band.letter()) {
            case "g" -> "#0072B2";
            case "r" -> "#D55E00";
            default -> "#CC79A7";
        };
    }

    /** @return {@code circle}, {@code square} or {@code triangle} */
    public static String shape(Band band) {
        return switch (band.letter()) {
            case "g" -> "circle";
            case "r" -> "square";
            default -> "triangle";
        };
    }
}
