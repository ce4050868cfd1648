package org.ztfclass.server.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ztfclass.server.store.IngestCounts;
import org.ztfclass.server.store.ObjectQueries;
import org.ztfclass.server.store.SourcedAlert;
import org.ztfclass.server.store.StampAlertWriter;
import org.ztfclass.server.store.StoreWriter;
import org.ztfclass.votables.alert.AvroAlertReader;
import org.ztfclass.votables.catalogue.BtsCatalogueReader;
import org.ztfclass.votables.catalogue.LabelCatalogueReader;
import org.ztfclass.votables.catalogue.LabelListReader;
import org.ztfclass.votables.domain.Alert;
import org.ztfclass.votables.domain.CatalogueEntry;
import org.ztfclass.votables.domain.Detection;
import org.ztfclass.votables.fits.CutoutFileReader;
import org.ztfclass.votables.format.InputFormat;
import org.ztfclass.votables.input.InputProblem;
import org.ztfclass.votables.input.ReadResult;
import org.ztfclass.votables.lightcurve.LightCurveReader;

/**
 * Loads files into the store: ZTF Avro alert packets, light-curve CSVs, ANTARES light-curve
 * exports, ALeRCE detection tables (every format with an {@link InputFormat#lightCurveReader()}), the BTS catalogue, label lists, and one object's photometry from other surveys and
 * instruments (ZTF forced photometry, PS1, ATLAS, radio). Directories are walked recursively
 * (files ending in {@code .avro}, {@code .csv}, {@code .txt}, {@code .dat}, {@code .fits} or {@code .fits.gz}, hidden files
 * skipped, in name order; cutout stamp files are stored last, see {@link StampAlertWriter}); each file's format is
 * recognised from its content. Small files are written together, whole files to a transaction
 * (see {@link PendingWrites}), so a kill loses at most the batch in progress and re-running
 * completes the store (all writes are idempotent). Bad records are reported in the
 * {@link IngestReport} and skipped; the rest of the file is kept.
 *
 * <p>Thread-safe (stateless apart from the store).
 */
public final class IngestService {

    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

    /** How far from a ZTF forced-photometry file's requested position a stored object may be, arcsec. */
    public static final double FORCED_PHOTOMETRY_MATCH_ARCSEC = 2.0;

    private final StoreWriter writer;
    private final ObjectQueries queries;
    private String surveyPhotometryObject;

    /** An ingest without position lookups: survey photometry needs {@link #forObject}. */
    public IngestService(StoreWriter writer) {
        this(writer, null);
    }

    /**
     * @param queries used to find the object a ZTF forced-photometry file is about, by the
     *                position in its header, when no object is given
     */
    public IngestService(StoreWriter writer, ObjectQueries queries) {
        this.writer = writer;
        this.queries = queries;
    }

    /**
     * Names the object that survey photometry files (ZTF forced photometry, PS1, ATLAS, radio) in
     * the next ingests belong to: those files do not say.
     *
     * @return this
     */
    public IngestService forObject(String objectId) {
        this.surveyPhotometryObject = objectId;
        return this;
    }

    /** Ingests every file named or found under the folders named. */
    public IngestReport ingest(List<Path> paths, IngestProgress progress) {
        List<InputProblem> problems = new ArrayList<>();
        List<Path> files = expand(paths, problems);
        Map<InputFormat, Integer> formats = new EnumMap<>(InputFormat.class);
        PendingWrites pending = new PendingWrites(writer);
        IngestCounts added = IngestCounts.NONE;
        long records = 0;
        int done = 0;
        List<Path> stampFiles = new ArrayList<>();
        for (Path file : files) {
            if (CutoutFileReader.isFitsName(file.getFileName().toString())) {
                stampFiles.add(file); // stored last, so that the detections they belong to are stored (whatever the file order)
                continue;
            }
            FileOutcome outcome = ingestFile(file, pending);
            formats.merge(outcome.format, 1, Integer::sum);
            records += outcome.records;
            added = added.plus(outcome.added);
            problems.addAll(outcome.problems);
            outcome.problems.forEach(p -> LOG.warn("rejected {}", p));
            progress.fileDone(++done, files.size(), file);
        }
        pending.flush();
        pending.problems().forEach(p -> LOG.warn("rejected {}", p));
        problems.addAll(pending.problems());
        added = added.plus(pending.added());
        for (int from = 0; from < stampFiles.size(); from += STAMPS_PER_BATCH) {
            List<StampAlertWriter.SourcedStamp> batch = new ArrayList<>();
            for (Path file : stampFiles.subList(from, Math.min(stampFiles.size(), from + STAMPS_PER_BATCH))) {
                FileOutcome outcome = stampFile(file, batch);
                formats.merge(outcome.format, 1, Integer::sum);
                records += outcome.records;
                problems.addAll(outcome.problems);
                outcome.problems.forEach(p -> LOG.warn("rejected {}", p));
                progress.fileDone(++done, files.size(), file);
            }
            try {
                StampAlertWriter.Outcome stored = writer.writeStamps(batch);
                added = added.plus(stored.added());
                problems.addAll(stored.problems());
                stored.problems().forEach(p -> LOG.warn("rejected {}", p));
            } catch (SQLException e) {
                problems.add(new InputProblem(stampFiles.get(from).toString(), "file", String.format(
                        "%d cutout files from here on not stored, the store refused the batch: %s", batch.size(), e.getMessage())));
            }
        }
        return new IngestReport(formats, records, added, problems);
    }

    /** Cutout files read and stored in one transaction (~5 KB each, so a batch holds a few MB). */
    static final int STAMPS_PER_BATCH = 600;

    /**
     * Reads a cutout file (a {@code .fits} or {@code .fits.gz} name; the reader checks its content) into
     * {@code stamps}.
     */
    private static FileOutcome stampFile(Path file, List<StampAlertWriter.SourcedStamp> stamps) {
        try {
            ReadResult<CutoutFileReader.CutoutFile> read = new CutoutFileReader().read(file);
            read.records().forEach(r -> stamps.add(new StampAlertWriter.SourcedStamp(r, file.toString())));
            return new FileOutcome(InputFormat.CUTOUT_FILE, read.records().size(), IngestCounts.NONE, read.problems());
        } catch (IOException e) {
            return new FileOutcome(InputFormat.CUTOUT_FILE, 0, IngestCounts.NONE,
                    List.of(new InputProblem(file.toString(), "file", "cannot read: " + e.getMessage())));
        }
    }

    private record FileOutcome(InputFormat format, long records, IngestCounts added, List<InputProblem> problems) {
    }

    private FileOutcome ingestFile(Path file, PendingWrites pending) {
        String source = file.toString();
        InputFormat format;
        try {
            format = InputFormat.detect(file);
        } catch (IOException e) {
            return new FileOutcome(InputFormat.UNKNOWN, 0, IngestCounts.NONE,
                    List.of(new InputProblem(source, "file", "cannot read: " + e.getMessage())));
        }
        try {
            switch (format) {
                case AVRO_ALERTS:
                    return alerts(file, source, pending);
                case BTS_CATALOGUE:
                    pending.flush();
                    return catalogue(file, source, new BtsCatalogueReader(), format);
                case LABEL_LIST:
                    pending.flush();
                    return catalogue(file, source, new LabelListReader(), format);
                case ZTF_FORCED_PHOTOMETRY:
                case PS1_FORCED_PHOTOMETRY:
                case ATLAS_FORCED_PHOTOMETRY:
                case RADIO_FLUXES:
                    pending.flush();
                    return surveyPhotometry(file, source, format);
                default:
                    LightCurveReader lightCurve = format.lightCurveReader();
                    if (lightCurve != null) {
                        return points(file, source, lightCurve, pointSource(format), format, pending);
                    }
                    return new FileOutcome(format, 0, IngestCounts.NONE, List.of(new InputProblem(source, "file",
                            "unrecognised format: expected ZTF Avro alert packets, a light-curve CSV (time,mag,magerr,band), "
                            + "an ANTARES, broker (Fink/Pitt-Google), GROWTH marshal or three-column (JD mag error) light curve, "
                            + "an ALeRCE detection table, the BTS catalogue or a label list (objectId + class columns)")));
            }
        } catch (IOException e) {
            return new FileOutcome(format, 0, IngestCounts.NONE,
                    List.of(new InputProblem(source, "file", "cannot read: " + e.getMessage())));
        } catch (SQLException e) {
            return new FileOutcome(format, 0, IngestCounts.NONE,
                    List.of(new InputProblem(source, "file", "not stored, the store refused the batch: " + e.getMessage())));
        }
    }

    private FileOutcome alerts(Path file, String source, PendingWrites pending) throws IOException {
        ReadResult<Alert> read;
        try (InputStream in = Files.newInputStream(file)) {
            read = new AvroAlertReader().read(in, source);
        }
        List<Alert> alerts = read.records();
        for (int from = 0; from < alerts.size(); from += PendingWrites.ALERTS_PER_BATCH) {
            pending.addAlerts(alerts.subList(from, Math.min(alerts.size(), from + PendingWrites.ALERTS_PER_BATCH)).stream()
                    .map(a -> new SourcedAlert(a, source)).toList(), source);
        }
        return new FileOutcome(InputFormat.AVRO_ALERTS, alerts.size(), IngestCounts.NONE, read.problems());
    }

    /** @return the kind of source stored with each point of a light-curve format, e.g. {@code lightcurve-csv}, {@code antares} */
    static String pointSource(InputFormat format) {
        return switch (format) {
            case LIGHTCURVE_CSV -> "lightcurve-csv";
            case ALERCE_DETECTIONS -> "alerce";
            case ANTARES_LIGHTCURVE -> "antares";
            case BROKER_LIGHTCURVES -> "broker-csv";
            case GROWTH_MARSHAL -> "growth-marshal";
            case JD_MAG_ERROR -> "jd-mag-error";
            default -> format.name().toLowerCase(Locale.ROOT).replace('_', '-');
        };
    }

    private FileOutcome points(Path file, String source, LightCurveReader reader, String kind, InputFormat format,
                               PendingWrites pending) throws IOException {
        ReadResult<Detection> read;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            read = reader.read(in, source);
        }
        if (!read.records().isEmpty()) {
            pending.addPoints(read.records(), kind, source);
        }
        return new FileOutcome(format, read.records().size(), IngestCounts.NONE, read.problems());
    }

    private FileOutcome catalogue(Path file, String source, LabelCatalogueReader reader, InputFormat format)
            throws IOException, SQLException {
        ReadResult<CatalogueEntry> read;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            read = reader.read(in, source);
        }
        return new FileOutcome(format, read.records().size(), writer.writeCatalogue(read.records(), source), read.problems());
    }

    /**
     * @return the files an ingest of {@code paths} reads: named files as given, folders walked for
     *         .avro and .csv files (sorted); a missing path becomes a problem
     */
    public static List<Path> files(List<Path> paths, List<InputProblem> problems) {
        return expand(paths, problems);
    }

    private FileOutcome surveyPhotometry(Path file, String source, InputFormat format) throws IOException, SQLException {
        String objectId = surveyPhotometryObject;
        if (objectId == null && format == InputFormat.ZTF_FORCED_PHOTOMETRY && queries != null) {
            double[] position = org.ztfclass.votables.photometry.ZtfForcedPhotometryReader.requestedPosition(file);
            if (position != null) {
                var near = queries.nearest(List.of(position), FORCED_PHOTOMETRY_MATCH_ARCSEC / 3600.0).get(0);
                objectId = near == null ? null : near.object().objectId();
            }
        }
        if (objectId == null) {
            return new FileOutcome(format, 0, IngestCounts.NONE, List.of(new InputProblem(source, "file",
                    format.description() + " does not name its object" + (format == InputFormat.ZTF_FORCED_PHOTOMETRY
                            ? " and no stored object lies within " + FORCED_PHOTOMETRY_MATCH_ARCSEC + " arcsec of its position" : "")
                            + ": ingest it with --object ZTF...")));
        }
        org.ztfclass.votables.photometry.PhotometryReader reader = switch (format) {
            case ZTF_FORCED_PHOTOMETRY -> new org.ztfclass.votables.photometry.ZtfForcedPhotometryReader();
            case PS1_FORCED_PHOTOMETRY -> new org.ztfclass.votables.photometry.Ps1ForcedPhotometryReader();
            case ATLAS_FORCED_PHOTOMETRY -> new org.ztfclass.votables.photometry.AtlasForcedPhotometryReader();
            default -> new org.ztfclass.votables.photometry.RadioFluxReader();
        };
        ReadResult<org.ztfclass.votables.domain.PhotometryPoint> read;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            read = reader.read(in, source, objectId);
        }
        IngestCounts added = writer.writePhotometry(read.records(), source);
        if (format == InputFormat.ZTF_FORCED_PHOTOMETRY && !read.records().isEmpty()) {
            // an object known only from photometry gets the position the forced photometry was measured at (cross-matches need it)
            double[] position = org.ztfclass.votables.photometry.ZtfForcedPhotometryReader.requestedPosition(file);
            if (position != null) {
                writer.fillPosition(objectId, position[0], position[1]);
            }
        }
        return new FileOutcome(format, read.records().size(), added, read.problems());
    }

    /** @return the files to read: named files as given, folders walked for .avro and .csv files */
    static List<Path> expand(List<Path> paths, List<InputProblem> problems) {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).filter(IngestService::isDataFile).sorted().forEach(files::add);
                } catch (IOException e) {
                    problems.add(new InputProblem(p.toString(), "folder", "cannot list: " + e.getMessage()));
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                problems.add(new InputProblem(p.toString(), "path", "no such file or folder"));
            }
        }
        return files;
    }

    private static boolean isDataFile(Path f) {
        String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && (name.endsWith(".avro") || name.endsWith(".csv") || name.endsWith(".txt")
                || name.endsWith(".dat") || CutoutFileReader.isFitsName(name));
    }
}
