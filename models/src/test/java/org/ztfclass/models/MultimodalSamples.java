package org.ztfclass.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ztfclass.models.data.LabelledObject;
import org.ztfclass.models.data.ObjectData;
import org.ztfclass.votables.alert.AvroAlertReader;
import org.ztfclass.votables.domain.Alert;
import org.ztfclass.votables.domain.Cutout;
import org.ztfclass.votables.domain.Detection;
import org.ztfclass.votables.domain.TransientClass;
import org.ztfclass.votables.lightcurve.AlerceDetectionsReader;

/**
 * Real labelled objects of all three classes for the neural branches' tests: the 29 ALeRCE
 * supernovae (alert detections with candidate ids) and the shipped labelled Fink alerts
 * (30-day histories and cutouts; their overwritten {@code candidate} records are not used).
 */
public final class MultimodalSamples {

    private MultimodalSamples() {
    }

    /** @return the ALeRCE supernovae with their detections */
    public static List<LabelledObject> alerce() throws IOException {
        Path dir = ModelSamples.root().resolve("alerce-30sne");
        Map<String, List<Detection>> points = new LinkedHashMap<>();
        try (Reader r = Files.newBufferedReader(dir.resolve("detections.csv"))) {
            new AlerceDetectionsReader().read(r, "detections.csv").records()
                    .forEach(d -> points.computeIfAbsent(d.objectId(), k -> new ArrayList<>()).add(d));
        }
        List<LabelledObject> out = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("labels.csv")).subList(1, Files.readAllLines(dir.resolve("labels.csv")).size())) {
            String[] f = line.split(",");
            if (f.length == 2 && points.containsKey(f[0])) {
                out.add(new LabelledObject(new ObjectData(f[0], null, null, points.get(f[0]), null, null, List.of()),
                        TransientClass.ofFineClass(f[1]), f[1]));
            }
        }
        return out;
    }

    /** @return the labelled Fink alerts, one object per packet's object (history + latest cutouts) */
    public static List<LabelledObject> finkAlerts() throws IOException {
        Path dir = ModelSamples.root().resolve("training-only/fink-alerts-labelled");
        Map<String, LabelledObject> byId = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(dir.resolve("labels.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            List<Alert> alerts;
            try (InputStream in = Files.newInputStream(dir.resolve(f[0]))) {
                alerts = new AvroAlertReader().read(in, f[0]).records();
            }
            for (Alert a : alerts) {
                List<Detection> history = new ArrayList<>(a.history());
                List<Cutout> cutouts = a.cutouts();
                LabelledObject have = byId.get(a.objectId());
                if (have != null) {
                    history.addAll(have.data().lightCurve());
                }
                byId.put(a.objectId(), new LabelledObject(new ObjectData(a.objectId(), null, null, history, null, null, cutouts),
                        TransientClass.ofFineClass(f[2]), f[2]));
            }
        }
        return new ArrayList<>(byId.values());
    }
}
