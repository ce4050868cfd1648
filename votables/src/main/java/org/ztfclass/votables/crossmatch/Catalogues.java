package org.ztfclass.votables.crossmatch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The catalogues ztfclass cross-matches objects with, as served by CDS VizieR. Optical: Pan-STARRS1
 * DR2, Gaia DR3, SDSS DR16, AllWISE. Radio: NVSS and FIRST (1.4 GHz), VLASS epoch 1 (3 GHz),
 * RACS-low (888 MHz, south of +30°) and LoTSS DR2 (144 MHz, northern fields). Column names are
 * VizieR's; Gaia also accepts the ESA archive's names ({@code source_id}, {@code phot_g_mean_mag}).
 */
public final class Catalogues {

    private static final Map<String, CatalogueDefinition> ALL = new LinkedHashMap<>();

    static {
        add(new CatalogueDefinition("ps1", "Pan-STARRS1 DR2", Waveband.OPTICAL, "II/349/ps1", 1, List.of("objID"),
                List.of(mag("g", "gmag", "e_gmag"), mag("r", "rmag", "e_rmag"), mag("i", "imag", "e_imag"),
                        mag("z", "zmag", "e_zmag"), mag("y", "ymag", "e_ymag")), -30.5, 90, "AB"));
        add(new CatalogueDefinition("gaia_dr3", "Gaia DR3", Waveband.OPTICAL, "I/355/gaiadr3", 1, List.of("Source", "source_id"),
                List.of(Quantity.magnitude("G", List.of("Gmag", "phot_g_mean_mag"), List.of("e_Gmag")),
                        Quantity.magnitude("BP", List.of("BPmag", "phot_bp_mean_mag"), List.of("e_BPmag")),
                        Quantity.magnitude("RP", List.of("RPmag", "phot_rp_mean_mag"), List.of("e_RPmag"))), -90, 90, "Vega"));
        add(new CatalogueDefinition("sdss_dr16", "SDSS DR16", Waveband.OPTICAL, "V/154/sdss16", 1, List.of("objID"),
                List.of(mag("u", "umag", "e_umag"), mag("g", "gmag", "e_gmag"), mag("r", "rmag", "e_rmag"),
                        mag("i", "imag", "e_imag"), mag("z", "zmag", "e_zmag")), -20, 90, "AB"));
        add(new CatalogueDefinition("allwise", "AllWISE", Waveband.OPTICAL, "II/328/allwise", 1, List.of("AllWISE"),
                List.of(mag("W1", "W1mag", "e_W1mag"), mag("W2", "W2mag", "e_W2mag"), mag("W3", "W3mag", "e_W3mag"),
                        mag("W4", "W4mag", "e_W4mag")), -90, 90, "Vega"));
        add(new CatalogueDefinition("nvss", "NVSS", Waveband.RADIO, "VIII/65/nvss", 1, List.of("NVSS"),
                List.of(Quantity.fluxDensity("S1.4GHz", "L", 1.4, List.of("S1.4"), List.of("e_S1.4"), "mJy")), -40.5, 90, null));
        add(new CatalogueDefinition("first", "FIRST (2014)", Waveband.RADIO, "VIII/92/first14", 1, List.of("FIRST"),
                List.of(Quantity.fluxDensity("S1.4GHz", "L", 1.4, List.of("Fint"), List.of("Rms"), "mJy")), -11, 68, null));
        add(new CatalogueDefinition("vlass", "VLASS epoch 1 QL components", Waveband.RADIO, "J/ApJS/255/30/comp", 1,
                List.of("CompName", "Component_name"),
                List.of(Quantity.fluxDensity("S3GHz", "S", 3.0, List.of("Ftot", "Total_flux"), List.of("e_Ftot", "E_Total_flux"),
                        "mJy")), -40.5, 90, null));
        // VizieR's gausscut names the Gaussian id GID and its flux Ftot (flint-crew/flint's catalogue
        // definitions); the older guesses stay as alternatives
        add(new CatalogueDefinition("racs", "RACS-low DR1", Waveband.RADIO, "J/other/PASA/38.58/gausscut", 2,
                List.of("GID", "Gaussian_ID", "Gaussian", "Name"),
                List.of(Quantity.fluxDensity("S0.888GHz", "UHF", 0.8875, List.of("Ftot", "Total_flux_Gaussian", "Stot"),
                        List.of("e_Ftot", "E_Total_flux_Gaussian", "e_Stot"), "mJy")), -90, 30.5, null));
        // VizieR: Source, SpeakTot / e_SpeakTot (mJy), per the catalogue's ReadMe, which gives the
        // LoTSS release's own names Source_Name and Total_flux (E_Total_flux is not confirmed)
        add(new CatalogueDefinition("lotss", "LoTSS DR2", Waveband.RADIO, "J/A+A/659/A1/catalog", 2, List.of("Source", "Source_Name"),
                List.of(Quantity.fluxDensity("S0.144GHz", "HBA", 0.144, List.of("SpeakTot", "Total_flux"),
                        List.of("e_SpeakTot", "E_Total_flux"), "mJy")), 0, 90, null));
    }

    private Catalogues() {
    }

    private static void add(CatalogueDefinition d) {
        ALL.put(d.key(), d);
    }

    private static Quantity mag(String band, String column, String error) {
        return Quantity.magnitude(band, List.of(column), List.of(error));
    }

    /** @return every catalogue, optical first, in a fixed order */
    public static List<CatalogueDefinition> all() {
        return List.copyOf(ALL.values());
    }

    /**
     * @param keys catalogue keys (case-insensitive), e.g. {@code ps1,nvss}
     * @return their definitions, in the order given
     * @throws IllegalArgumentException naming an unknown key and the known ones
     */
    public static List<CatalogueDefinition> byKeys(List<String> keys) {
        List<CatalogueDefinition> out = new ArrayList<>();
        for (String k : keys) {
            CatalogueDefinition d = ALL.get(k.trim().toLowerCase(Locale.ROOT));
            if (d == null) {
                throw new IllegalArgumentException("unknown catalogue '" + k + "'; known: " + String.join(", ", ALL.keySet()));
            }
            if (!out.contains(d)) {
                out.add(d);
            }
        }
        return out;
    }

    /** @return the definition with this key, or null */
    public static CatalogueDefinition byKey(String key) {
        return ALL.get(key);
    }
}
