package org.ztfclass.server.learning;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ztfclass.models.data.ObjectData;
import org.ztfclass.votables.alert.AvroAlertReader;
import org.ztfclass.votables.catalogue.BtsCatalogueReader;
import org.ztfclass.votables.domain.Alert;
import org.ztfclass.votables.domain.CandidateContext;
import org.ztfclass.votables.domain.CatalogueEntry;
import org.ztfclass.votables.domain.Cutout;
import org.ztfclass.votables.domain.Detection;
import org.ztfclass.votables.fits.CutoutFileReader;
import org.ztfclass.votables.format.InputFormat;
import org.ztfclass.votables.input.InputProblem;
import org.ztfclass.votables.input.ReadResult;
import org.ztfclass.votables.lightcurve.LightCurveReader;
import org.ztfclass.votables.sky.MeanPosition;

/**
 * Builds {@link ObjectData} straight from input files, without a store, for scoring: any input
 * {@code ingest} accepts (Avro alerts, every ZTF light-curve format of
 * {@link InputFormat#lightCurveReader()} such as light-curve CSVs, ANTARES exports and ALeRCE
 * detection tables, BTS-format
 * catalogues with blank or absent class, peakabs and redshift). Records of the same object from
 * several files are merged; an object's position is its BTS position, else the mean of its
 * detections. Label lists carry no data and are reported, not scored. Not thread-safe.
 */
public final class InputObjects {

    private final Map<String, Builder> objects = new LinkedHashMap<>();
    private final List<InputProblem> problems = new ArrayList<>();

    /** Reads files and folders (recursively, .avro and .csv). */
    public InputObjects read(List<Path> paths) throws IOException {
        List<Path> files = org.ztfclass.server.ingest.IngestService.files(paths, problems);
        for (Path f : files) {
            readFile(f);
        }
        objects.values().forEach(b -> b.takeStamps(problems));
        return this;
    }

    /** @return the objects read, in first-seen order */
    public List<ObjectData> objects() {
        return objects.values().stream().map(Builder::build).toList();
    }

    /** @return what could not be read */
    public List<InputProblem> problems() {
        return problems;
    }

    private void readFile(Path file) throws IOException {
        String source = file.toString();
        InputFormat format = InputFormat.detect(file);
        switch (format) {
            case AVRO_ALERTS -> {
                ReadResult<Alert> r;
                try (InputStream in = Files.newInputStream(file)) {
                    r = new AvroAlertReader().read(in, source);
                }
                problems.addAll(r.problems());
                for (Alert a : r.records()) {
                    Builder b = builder(a.objectId());
                    b.points.addAll(a.history());
                    b.points.add(a.candidate());
                    if (b.latestJd < a.candidate().jd()) {
                        b.latestJd = a.candidate().jd();
                        b.context = a.context();
                        b.cutouts = a.cutouts();
                    }
                }
            }
            case BTS_CATALOGUE -> {
                ReadResult<CatalogueEntry> r;
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    r = new BtsCatalogueReader().read(in, source);
                }
                problems.addAll(r.problems());
                r.records().forEach(e -> builder(e.objectId()).summary = e);
            }
            case CUTOUT_FILE -> {
                ReadResult<CutoutFileReader.CutoutFile> r = new CutoutFileReader().read(file);
                problems.addAll(r.problems());
                r.records().forEach(c -> builder(c.objectId()).stamps.add(new StampFile(c.cutout(), source)));
            }
            case LABEL_LIST -> problems.add(new InputProblem(source, "file", "a label list has no photometry to classify"));
            default -> {
                LightCurveReader reader = format.lightCurveReader();
                if (reader == null) {
                    problems.add(new InputProblem(source, "file", format == InputFormat.UNKNOWN ? "unrecognised format"
                            : format.description() + " is not a ZTF light curve this command can classify"));
                    return;
                }
                ReadResult<Detection> r;
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    r = reader.read(in, source);
                }
                problems.addAll(r.problems());
                r.records().forEach(d -> builder(d.objectId()).points.add(d));
            }
        }
    }

    /** A stamp read from its own file, and that file. */
    private record StampFile(Cutout cutout, String source) {
    }

    private Builder builder(String objectId) {
        return objects.computeIfAbsent(objectId, Builder::new);
    }

    private static final class Builder {
        final String objectId;
        final List<Detection> points = new ArrayList<>();
        CatalogueEntry summary;
        CandidateContext context;
        List<Cutout> cutouts = List.of();
        double latestJd = Double.NEGATIVE_INFINITY;
        final List<StampFile> stamps = new ArrayList<>();

        Builder(String objectId) {
            this.objectId = objectId;
        }

        /**
         * Counts each stamp file's candid as an alert at the time of the object's detection with that
         * candid (as {@code ingest} stores them): the latest alert, packet or stamps, gives the cutouts (the
         * context stays the latest packet's); a stamp without such a detection is reported.
         */
        void takeStamps(List<InputProblem> problems) {
            Map<Long, Detection> byCandid = new LinkedHashMap<>();
            points.stream().filter(d -> !d.isUpperLimit() && d.candid() != null).forEach(d -> byCandid.putIfAbsent(d.candid(), d));
            for (StampFile s : stamps) {
                long candid = s.cutout().candid();
                Long ownCandid = CutoutFileReader.candidateOf(candid, byCandid.keySet());
                Detection own = ownCandid == null ? null : byCandid.get(ownCandid);
                if (own == null) {
                    problems.add(new InputProblem(s.source(), "file", "no detection of " + objectId + " with candid " + candid
                            + " among the inputs: give the object's light curve with its candids too"));
                } else if (own.jd() > latestJd) { // a later alert than any packet or stamp so far: its stamps replace theirs
                    latestJd = own.jd();
                    cutouts = new ArrayList<>(List.of(s.cutout()));
                } else if (own.jd() == latestJd && cutouts.stream().anyMatch(c -> c.candid() == candid)
                        && cutouts.stream().noneMatch(c -> c.candid() == candid && c.kind() == s.cutout().kind())) {
                    List<Cutout> more = new ArrayList<>(cutouts); // another stamp of the latest alert
                    more.add(s.cutout());
                    cutouts = more;
                }
            }
        }

        ObjectData build() {
            Double ra = summary == null ? null : summary.ra();
            Double dec = summary == null ? null : summary.dec();
            if (ra == null) {
                MeanPosition mean = new MeanPosition();
                points.forEach(d -> mean.add(d.ra(), d.dec()));
                ra = mean.ra();
                dec = mean.dec();
            }
            return new ObjectData(objectId, ra, dec, points, summary, context, cutouts);
        }
    }
}
