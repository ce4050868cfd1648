package org.ztfclass.votables.crossmatch;

/**
 * One magnitude or flux density of a catalogue source, in ztfclass's units: magnitudes in the
 * catalogue's own system (named), flux densities in µJy.
 *
 * @param quantity     quantity name, e.g. {@code gmag}, {@code S1.4GHz}
 * @param band         band name
 * @param frequencyGHz frequency of a flux density, null for a magnitude
 * @param mag          magnitude, null for a flux density
 * @param magErr       its 1-sigma error, null when the catalogue gives none
 * @param magSystem    {@code AB} or {@code Vega}; null for a flux density
 * @param fluxUJy      flux density in µJy, null for a magnitude
 * @param fluxErrUJy   its 1-sigma error in µJy, null when the catalogue gives none
 */
public record CrossmatchMeasurement(String quantity, String band, Double frequencyGHz, Double mag, Double magErr,
                                    String magSystem, Double fluxUJy, Double fluxErrUJy) {
}
