package org.ztfclass.votables.domain;

/**
 * One row of a label catalogue: an object, where it is, what class the catalogue gives it and,
 * for catalogues like the Bright Transient Survey, a summary of its light curve.
 *
 * <p>{@code peakAbsMag} and {@code redshift} exist only after spectroscopy: they are kept for
 * display but must never be classifier inputs (they would leak the label).
 *
 * @param catalogue  short catalogue name, e.g. {@code BTS}
 * @param objectId   ZTF object id
 * @param altName    another name (IAU designation), null if none
 * @param ra         ICRS right ascension, degrees, null if the catalogue has no position
 * @param dec        ICRS declination, degrees
 * @param fineClass  the catalogue's class as written, null if unclassified
 * @param peakJd     JD of peak light
 * @param peakBand   band of the peak
 * @param peakMag    peak apparent magnitude
 * @param peakAbsMag peak absolute magnitude (label leak: display only)
 * @param durationDays time above half flux, days
 * @param riseDays   rise time, days
 * @param fadeDays   fade time, days
 * @param lowerLimits which of duration/rise/fade are lower limits (e.g. {@code "fade"}), null if none
 * @param redshift   redshift (label leak: display only)
 * @param galacticLatitude b, degrees
 * @param extinctionAv Milky Way A_V, mag
 */
public record CatalogueEntry(String catalogue, String objectId, String altName, Double ra, Double dec, String fineClass,
                             Double peakJd, String peakBand, Double peakMag, Double peakAbsMag,
                             Double durationDays, Double riseDays, Double fadeDays, String lowerLimits,
                             Double redshift, Double galacticLatitude, Double extinctionAv) {

    /** Creates an entry that carries only an id and a class, as in plain label lists. */
    public static CatalogueEntry labelOnly(String catalogue, String objectId, String fineClass) {
        return new CatalogueEntry(catalogue, objectId, null, null, null, fineClass, null, null, null, null,
                null, null, null, null, null, null, null);
    }
}
