package org.ztfclass.votables.domain;

/**
 * One photometric measurement of an object by any survey or instrument (ZTF forced photometry,
 * Pan-STARRS, ATLAS, radio telescopes), in common units: time MJD (UTC), magnitudes AB, flux
 * densities µJy. A non-detection has no magnitude and gives {@code limitMag} (optical).
 *
 * @param objectId     ZTF object id it belongs to
 * @param mjd          Modified Julian Date of the observation
 * @param instrument   who measured it: {@code ZTF-forced}, {@code PS1}, {@code ATLAS}, {@code VLA}, {@code ALMA}, …
 * @param band         optical band (g, r, i, z, y, o, c) or null when the source does not say; radio: null
 * @param frequencyGHz observed frequency for radio points, null for optical
 * @param mag          AB magnitude, null for a non-detection or a radio point
 * @param magErr       its 1-sigma error
 * @param fluxUJy      flux density, µJy (may be negative for forced photometry)
 * @param fluxErrUJy   its 1-sigma error
 * @param limitMag     5-sigma limiting magnitude of a non-detection, null otherwise
 */
public record PhotometryPoint(String objectId, double mjd, String instrument, String band, Double frequencyGHz, Double mag,
                              Double magErr, Double fluxUJy, Double fluxErrUJy, Double limitMag) {

    /** Signal-to-noise above which a forced measurement counts as a detection. */
    public static final double DETECTION_SNR = 3.0;
    /** Sigma of the limit given for a non-detection. */
    public static final double LIMIT_SIGMA = 5.0;

    /** @return true for an optical non-detection */
    public boolean isUpperLimit() {
        return mag == null && limitMag != null;
    }

    /**
     * Builds an optical point from a flux density: a detection (magnitude from the flux) when
     * S/N ≥ {@value #DETECTION_SNR}, else a non-detection with a {@value #LIMIT_SIGMA}-sigma limit.
     */
    public static PhotometryPoint fromFlux(String objectId, double mjd, String instrument, String band, double fluxUJy,
                                           double fluxErrUJy) {
        double snr = fluxErrUJy > 0 ? fluxUJy / fluxErrUJy : Double.NaN;
        if (snr >= DETECTION_SNR) {
            return new PhotometryPoint(objectId, mjd, instrument, band, null, 23.9 - 2.5 * Math.log10(fluxUJy), 1.0857 / snr,
                    fluxUJy, fluxErrUJy, null);
        }
        Double limit = fluxErrUJy > 0 ? 23.9 - 2.5 * Math.log10(LIMIT_SIGMA * fluxErrUJy) : null;
        return new PhotometryPoint(objectId, mjd, instrument, band, null, null, null, fluxUJy, fluxErrUJy, limit);
    }
}
