package org.ztfclass.votables.domain;

/**
 * One photometric point of a ZTF object: a detection (with {@code magpsf}) or an upper limit
 * (a non-detection: {@code magpsf} is null, {@code diffmaglim} gives the limit).
 *
 * <p>Fields that a source does not provide are null. Times are Julian Dates (UTC-based JD as
 * in ZTF packets); coordinates ICRS degrees; magnitudes AB.
 *
 * @param objectId   ZTF object id, e.g. {@code ZTF18abcdefg}
 * @param candid     ZTF candidate id, null for upper limits and for sources without one
 * @param jd         Julian Date of the exposure
 * @param band       photometric band
 * @param magpsf     PSF-fit magnitude of the difference image, null for an upper limit
 * @param sigmapsf   1-sigma error of {@code magpsf}
 * @param diffmaglim 5-sigma limiting magnitude of the difference image
 * @param ra         right ascension of the candidate, degrees
 * @param dec        declination of the candidate, degrees
 * @param rb         real/bogus score (random forest), 0..1
 * @param drb        deep-learning real/bogus score, 0..1
 * @param isdiffpos  {@code "t"} if the candidate is from positive (science minus reference)
 *                   subtraction, {@code "f"} if negative
 * @param programid  ZTF programme: 1 public, 2 partnership, 3 Caltech
 */
public record Detection(
        String objectId,
        Long candid,
        double jd,
        Band band,
        Double magpsf,
        Double sigmapsf,
        Double diffmaglim,
        Double ra,
        Double dec,
        Double rb,
        Double drb,
        String isdiffpos,
        Integer programid) {

    /** Offset between Julian Date and Modified Julian Date. */
    public static final double MJD_OFFSET = 2400000.5;

    /** @return true if this point is a non-detection (no magnitude, only a limit) */
    public boolean isUpperLimit() {
        return magpsf == null;
    }

    /**
     * Normalises the many spellings of {@code isdiffpos} ({@code t}, {@code 1}, {@code 1.0},
     * {@code true}; {@code f}, {@code 0}, {@code -1}, {@code false}) to {@code "t"}/{@code "f"}.
     *
     * @return {@code "t"}, {@code "f"} or null if the text is null or blank
     */
    public static String normaliseIsdiffpos(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        switch (t) {
            case "t": case "1": case "1.0": case "true": return "t";
            case "f": case "0": case "0.0": case "-1": case "-1.0": case "false": return "f";
            default: throw new IllegalArgumentException("isdiffpos '" + text + "' is neither t nor f");
        }
    }
}
