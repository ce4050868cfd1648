package org.ztfclass.votables.format;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.ztfclass.votables.catalogue.LabelListReader;
import org.ztfclass.votables.input.BadInputException;
import org.ztfclass.votables.input.CsvTable;
import org.ztfclass.votables.lightcurve.AlerceDetectionsReader;
import org.ztfclass.votables.lightcurve.AntaresLightCurveReader;
import org.ztfclass.votables.lightcurve.BrokerLightCurveReader;
import org.ztfclass.votables.lightcurve.GrowthMarshalReader;
import org.ztfclass.votables.lightcurve.JdMagErrorReader;
import org.ztfclass.votables.lightcurve.LightCurveCsvReader;
import org.ztfclass.votables.lightcurve.LightCurveReader;

/**
 * The kinds of file {@code ztfclass ingest} understands, recognised by content rather than by
 * name alone: Avro by its magic bytes, CSV kinds by their header line.
 */
public enum InputFormat {
    /** ZTF alert packets in an Avro object-container file. */
    AVRO_ALERTS("ZTF Avro alert packets"),
    /** One object's light curve: {@code time,mag,magerr,band}, file named by its ZTF id. */
    LIGHTCURVE_CSV("light-curve CSV (time,mag,magerr,band)"),
    /**
     * One object's ANTARES light-curve export: an unnamed row index, {@code ant_mjd, ant_passband,
     * ant_mag, ant_magerr}; file named by its ZTF id; detections only.
     */
    ANTARES_LIGHTCURVE("ANTARES light curve (ant_mjd,ant_passband,ant_mag,ant_magerr)"),
    /**
     * Light curves of many objects converted from broker alert streams (Fink, Pitt-Google):
     * {@code objectId, mjd, band, mag, magerr, upper_limit, diffmaglim, isdiffpos, candid, ...};
     * detections and upper limits.
     */
    BROKER_LIGHTCURVES("broker light-curve table (objectId,mjd,band,mag,magerr,upper_limit,diffmaglim)"),
    /** One object's GROWTH marshal export ({@code jdobs, filter, magpsf, sigmamagpsf, limmag, instrument, ...}), named by its ZTF id. */
    GROWTH_MARSHAL("GROWTH marshal light curve (jdobs,filter,magpsf,sigmamagpsf,limmag,instrument)"),
    /** One object's light curve in one band as three columns (JD mag error), object and band from the file name. */
    JD_MAG_ERROR("three-column light curve (JD mag error), file named ZTF<id>_..._<band>.txt"),
    /** A table of alert candidates, one row a detection: {@code objectId, fid, mjd|jd, magpsf, sigmapsf, ...} (ALeRCE, BTSbot). */
    ALERCE_DETECTIONS("ZTF detection table (ALeRCE style)"),
    /** Bright Transient Survey catalogue CSV. */
    BTS_CATALOGUE("Bright Transient Survey catalogue"),
    /** A list of object ids and classes (ALeRCE, TNS, Superphot+, ...). */
    LABEL_LIST("label list"),
    /** Output of the ZTF forced-photometry service at IPAC (one object, named by the caller or by position). */
    ZTF_FORCED_PHOTOMETRY("ZTF forced photometry (IPAC)"),
    /** Pan-STARRS1 forced photometry CSV (one object). */
    PS1_FORCED_PHOTOMETRY("Pan-STARRS1 forced photometry"),
    /** ATLAS forced photometry (one object). */
    ATLAS_FORCED_PHOTOMETRY("ATLAS forced photometry"),
    /** Radio flux densities: Date, Tel, Freq_Obs, Flux, eFlux (one object). */
    RADIO_FLUXES("radio flux densities"),
    /**
     * One alert stamp as a file of its own, {@code <objectId>_<candid>_<science|template|difference>.fits.gz}
     * ({@link org.ztfclass.votables.fits.CutoutFileReader}); recognised by its name and its gzip or FITS magic.
     */
    CUTOUT_FILE("cutout stamp file (<objectId>_<candid>_<science|template|difference>.fits.gz)"),
    /** Anything else. */
    UNKNOWN("unrecognised");

    private static final byte[] AVRO_MAGIC = {'O', 'b', 'j', 1};
    private final String description;

    InputFormat(String description) {
        this.description = description;
    }

    /** @return a human-readable name of the format */
    public String description() {
        return description;
    }

    /**
     * Looks at the start of a file to tell its format.
     *
     * @return the format, {@link #UNKNOWN} if none fits
     * @throws IOException if the file cannot be read
     */
    public static InputFormat detect(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4);
        }
        if (Arrays.equals(head, AVRO_MAGIC) || file.getFileName().toString().endsWith(".avro")) {
            return AVRO_ALERTS;
        }
        if (org.ztfclass.votables.fits.CutoutFileReader.isFitsName(file.getFileName().toString())) {
            boolean gzip = head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
            boolean fits = head.length == 4 && new String(head, StandardCharsets.US_ASCII).equals("SIMP");
            return gzip || fits ? CUTOUT_FILE : UNKNOWN;
        }
        InputFormat text = ofTextHeader(file);
        if (text != null) {
            return text;
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CsvTable table = new CsvTable(reader, file.toString());
            return ofCsvHeader(table);
        } catch (BadInputException | java.nio.charset.MalformedInputException e) {
            return UNKNOWN;
        }
    }

    /** @return the whitespace-table formats recognised from their first 200 lines, or null */
    private static InputFormat ofTextHeader(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            boolean firstData = true;
            for (int n = 0; n < 200 && (line = reader.readLine()) != null; n++) {
                if (firstData && !line.isBlank() && !line.startsWith("#")) {
                    firstData = false;
                    if (JdMagErrorReader.accepts(file.getFileName().toString(), line)) {
                        return JD_MAG_ERROR;
                    }
                }
                if (!line.startsWith("#") && line.contains("forcediffimflux") && line.contains("zpdiff")) {
                    return ZTF_FORCED_PHOTOMETRY;
                }
                if (line.startsWith("#") && line.contains("MJD") && line.contains("ujy") && line.contains("5sig")) {
                    return ATLAS_FORCED_PHOTOMETRY;
                }
            }
        } catch (java.nio.charset.MalformedInputException e) {
            return null;
        }
        return null;
    }

    /**
     * The reader for the formats that hold ZTF light curves (points of one or more ZTF objects that
     * {@code ingest} stores as detections and upper limits and {@code score} classifies).
     *
     * @return a new reader, or null if this format holds no ZTF light curve
     */
    public LightCurveReader lightCurveReader() {
        return switch (this) {
            case LIGHTCURVE_CSV -> new LightCurveCsvReader();
            case ANTARES_LIGHTCURVE -> new AntaresLightCurveReader();
            case BROKER_LIGHTCURVES -> new BrokerLightCurveReader();
            case GROWTH_MARSHAL -> new GrowthMarshalReader();
            case JD_MAG_ERROR -> new JdMagErrorReader();
            case ALERCE_DETECTIONS -> new AlerceDetectionsReader();
            default -> null;
        };
    }

    /** @return true for the formats that hold one object's photometry from another survey or instrument */
    public boolean isSurveyPhotometry() {
        return this == ZTF_FORCED_PHOTOMETRY || this == PS1_FORCED_PHOTOMETRY || this == ATLAS_FORCED_PHOTOMETRY || this == RADIO_FLUXES;
    }

    /** @return the CSV format a header belongs to, or {@link #UNKNOWN} */
    public static InputFormat ofCsvHeader(CsvTable table) {
        if (table.column("ZTFID") >= 0 && table.column("peakt") >= 0 && table.column("RA") >= 0) {
            return BTS_CATALOGUE;
        }
        if (table.column("time") >= 0 && table.column("mag") >= 0 && table.column("magerr") >= 0
                && table.column("band") >= 0) {
            return LIGHTCURVE_CSV;
        }
        if (AntaresLightCurveReader.accepts(table)) {
            return ANTARES_LIGHTCURVE;
        }
        if (BrokerLightCurveReader.accepts(table)) {
            return BROKER_LIGHTCURVES;
        }
        if (GrowthMarshalReader.accepts(table)) {
            return GROWTH_MARSHAL;
        }
        if (table.column("objectId", "oid") >= 0 && table.column("fid") >= 0 && table.column("mjd", "jd") >= 0
                && table.column("magpsf") >= 0) {
            return ALERCE_DETECTIONS;
        }
        if (table.column("#mjd", "mjd") >= 0 && table.column("ujy") >= 0 && table.column("filter") >= 0
                && table.column("psf_inst_flux") >= 0) {
            return PS1_FORCED_PHOTOMETRY;
        }
        if (table.column("Date") >= 0 && table.column("Freq_Obs") >= 0 && table.column("Flux") >= 0) {
            return RADIO_FLUXES;
        }
        if (LabelListReader.accepts(table)) {
            return LABEL_LIST;
        }
        return UNKNOWN;
    }
}
