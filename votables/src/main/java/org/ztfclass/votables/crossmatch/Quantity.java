package org.ztfclass.votables.crossmatch;

import java.util.List;

/**
 * One photometric quantity a catalogue gives for each source: a magnitude in a band, or a flux
 * density at a frequency, with the column names that may hold it and its 1-sigma error (the
 * first name the answer has wins, so one definition reads both VizieR's and a mission archive's
 * spelling).
 *
 * @param name          ztfclass's name of the quantity, e.g. {@code gmag}, {@code S1.4GHz}
 * @param band          optical band or radio band name, e.g. {@code g}, {@code W1}, {@code L}
 * @param frequencyGHz  frequency of a radio flux density; null for magnitudes
 * @param valueColumns  column names that may hold the value, in order of preference
 * @param errorColumns  column names that may hold its error (may be empty: no error given)
 * @param defaultUnit   unit assumed for a flux column that states none ({@code mJy}, {@code Jy}, {@code uJy});
 *                      null for magnitudes
 */
public record Quantity(String name, String band, Double frequencyGHz, List<String> valueColumns, List<String> errorColumns,
                       String defaultUnit) {

    public Quantity {
        valueColumns = List.copyOf(valueColumns);
        errorColumns = List.copyOf(errorColumns);
    }

    /** @return a magnitude in {@code band}, read from the first of {@code valueColumns} present */
    public static Quantity magnitude(String band, List<String> valueColumns, List<String> errorColumns) {
        return new Quantity(band + "mag", band, null, valueColumns, errorColumns, null);
    }

    /** @return a flux density at {@code frequencyGHz}, in {@code defaultUnit} unless the column says otherwise */
    public static Quantity fluxDensity(String name, String band, double frequencyGHz, List<String> valueColumns,
                                       List<String> errorColumns, String defaultUnit) {
        return new Quantity(name, band, frequencyGHz, valueColumns, errorColumns, defaultUnit);
    }

    /** @return true for a flux density, false for a magnitude */
    public boolean isFlux() {
        return defaultUnit != null;
    }
}
