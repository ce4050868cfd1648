package org.ztfclass.server.learning;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ztfclass.models.data.LabelledObject;
import org.ztfclass.models.data.ObjectData;
import org.ztfclass.votables.alert.AvroAlertReader;
import org.ztfclass.votables.domain.Alert;
import org.ztfclass.votables.domain.Cutout;
import org.ztfclass.votables.domain.Detection;
import org.ztfclass.votables.domain.TransientClass;
import org.ztfclass.votables.input.InputProblem;
import org.ztfclass.votables.input.ReadResult;

/**
 * Labelled alert packets that train the light-curve and image branches without going into a
 * store: a folder with {@code labels.csv} ({@code file,objectId,label[,label_source]}) and the
 * {@code .avro} files it names (the shipped {@code install/sample-data/training-only/fink-alerts-labelled}:
 * 44 spectroscopically classified ZTF objects of all three classes, from Fink's test fixtures).
 * Only each packet's {@code prv_candidates} history and its cutouts are used: Fink's generator
 * overwrote the {@code candidate} record (position, time, context) of most of these packets, so
 * no position and no context are taken either. Packets of one object are merged (history points
 * de-duplicated by time and band, cutouts of the packet with the latest history).
 * A file that cannot be read, or a label that is no class, is reported and skipped.
 */
public final class AlertTrainingSet {

    /** Where the shipped set lies under the sample-data folder. */
    public static final String SAMPLE_PART = "training-only/fink-alerts-labelled";

    private final List<LabelledObject> objects;
    private final List<InputProblem> problems;

    private AlertTrainingSet(List<LabelledObject> objects, List<InputProblem> problems) {
        this.objects = objects;
        this.problems = problems;
    }

    /** @return the labelled objects, in first-listed order */
    public List<LabelledObject> objects() {
        return objects;
    }

    /** @return files and rows that were skipped, and why */
    public List<InputProblem> problems() {
        return problems;
    }

    /** @throws IOException if the folder has no readable {@code labels.csv} */
    public static AlertTrainingSet read(Path dir) throws IOException {
        Path labelsFile = dir.resolve("labels.csv");
        if (!Files.isRegularFile(labelsFile)) {
            throw new IOException(dir + ": no labels.csv (expected columns file,objectId,label)");
        }
        List<String> lines = Files.readAllLines(labelsFile, StandardCharsets.UTF_8);
        List<InputProblem> problems = new ArrayList<>();
        Map<String, String> labelOf = new LinkedHashMap<>();
        Map<String, List<Path>> filesOf = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length < 3 || !TransientClass.isClassified(f[2])) {
                problems.add(new InputProblem(labelsFile.toString(), "line " + (i + 1), "expected file,objectId,label with a class"));
                continue;
            }
            labelOf.putIfAbsent(f[1].trim(), f[2].trim());
            filesOf.computeIfAbsent(f[1].trim(), k -> new ArrayList<>()).add(dir.resolve(f[0].trim()));
        }
        List<LabelledObject> out = new ArrayList<>();
        for (Map.Entry<String, List<Path>> e : filesOf.entrySet()) {
            ObjectData data = merge(e.getKey(), e.getValue(), problems);
            if (data != null) {
                String fine = labelOf.get(e.getKey());
                out.add(new LabelledObject(data, TransientClass.ofFineClass(fine), fine));
            }
        }
        return new AlertTrainingSet(List.copyOf(out), List.copyOf(problems));
    }

    private static ObjectData merge(String objectId, List<Path> files, List<InputProblem> problems) {
        List<Detection> points = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<Cutout> cutouts = List.of();
        double latest = Double.NEGATIVE_INFINITY;
        boolean any = false;
        for (Path file : files) {
            ReadResult<Alert> r;
            try (InputStream in = Files.newInputStream(file)) {
                r = new AvroAlertReader().read(in, file.toString());
            } catch (IOException e) {
                problems.add(new InputProblem(file.toString(), "file", "unreadable: " + e.getMessage()));
                continue;
            }
            problems.addAll(r.problems());
            for (Alert a : r.records()) {
                if (!objectId.equals(a.objectId())) {
                    problems.add(new InputProblem(file.toString(), "objectId", "packet of " + a.objectId() + ", labels.csv says " + objectId));
                    continue;
                }
                any = true;
                double last = Double.NEGATIVE_INFINITY;
                for (Detection d : a.history()) {
                    last = Math.max(last, d.jd());
                    if (seen.add(d.jd() + "/" + d.band())) {
                        points.add(d);
                    }
                }
                if (last >= latest && !a.cutouts().isEmpty()) {
                    latest = last;
                    cutouts = a.cutouts();
                }
            }
        }
        return any ? new ObjectData(objectId, null, null, points, null, null, cutouts) : null;
    }

    /**
     * Adds these objects to a labelled set (e.g. the store's): an object already there keeps its
     * label and data and gains the history points and cutouts it lacks; the others are appended.
     *
     * @return the combined set
     */
    public List<LabelledObject> addTo(List<LabelledObject> labelled) {
        Map<String, LabelledObject> byId = new LinkedHashMap<>();
        labelled.forEach(o -> byId.put(o.data().objectId(), o));
        for (LabelledObject extra : objects) {
            LabelledObject have = byId.get(extra.data().objectId());
            if (have == null) {
                byId.put(extra.data().objectId(), extra);
                continue;
            }
            ObjectData h = have.data();
            List<Detection> points = new ArrayList<>(h.lightCurve());
            Set<String> seen = new HashSet<>();
            points.forEach(d -> seen.add(d.jd() + "/" + d.band()));
            extra.data().lightCurve().stream().filter(d -> seen.add(d.jd() + "/" + d.band())).forEach(points::add);
            List<Cutout> cutouts = h.cutouts().isEmpty() ? extra.data().cutouts() : h.cutouts();
            byId.put(h.objectId(), new LabelledObject(new ObjectData(h.objectId(), h.ra(), h.dec(), points, h.summary(), h.context(), cutouts),
                    have.label(), have.fineClass()));
        }
        return new ArrayList<>(byId.values());
    }
}
