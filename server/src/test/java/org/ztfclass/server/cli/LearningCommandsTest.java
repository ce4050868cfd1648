package org.ztfclass.server.cli;

import org.ztfclass.server.TestStores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.server.Samples;
import org.ztfclass.server.api.ApiTools;
import org.ztfclass.server.ingest.IngestProgress;
import org.ztfclass.server.ingest.IngestService;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.StoreWriter;
import org.ztfclass.votables.table.VotableReader;
import picocli.CommandLine;
import uk.ac.starlink.table.StarTable;

/** train, evaluate and score as a user runs them, on real shipped data. */
class LearningCommandsTest {

    @TempDir
    static Path tmp;

    private static Path db;
    private static Path model;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Runs the command line; returns {exit code, stdout, stderr}. */
    private static Object[] run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = new CommandLine(new Main()).execute(args);
            return new Object[] {code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @BeforeAll
    static void trainOnce() throws Exception {
        db = tmp.resolve("learn.db");
        new IngestService(new StoreWriter(TestStores.open(db))).ingest(
                List.of(Samples.path("catalogues"), Samples.path("alerce-30sne"), Samples.path("alerts")), IngestProgress.SILENT);
        model = tmp.resolve("model");
        // the store's labels only (ALeRCE detections train the LSTM), so the two trainings here stay quick;
        // the shipped labelled alerts (CNN) are covered by MultimodalTrainerTest and the shipped bundle
        Object[] r = run("train", "--db", TestStores.location(db), "--out", model.toString(), "--seed", "11", "--training-alerts", "none");
        assertEquals(0, r[0], r[2].toString());
    }

    @Test
    void trainWritesABundleWithProvenanceAndAReport() throws Exception {
        JsonNode m = JSON.readTree(model.resolve("manifest.json").toFile());
        assertEquals("ztfclass-model-bundle/2", m.get("format").asText());
        assertEquals(64, m.get("trainingSetHash").asText().length());
        assertTrue(m.get("trainedOn").get("xgboost").get("SN_II").asInt() > 300, m.get("trainedOn").toString());
        assertTrue(m.get("testObjectIds").size() > 400);
        double macro = m.get("metrics").get("xgboost (tabular features)").get("macro_auc").asDouble();
        assertTrue(macro > 0.65 && macro < 0.95, "held-out macro AUC " + macro);
        for (String f : List.of("evaluation.json", "index.html", "roc-1.svg", "reliability-1.svg", "confusion-1.svg")) {
            assertTrue(Files.size(model.resolve("report").resolve(f)) > 200, f);
        }
        String html = Files.readString(model.resolve("report/index.html"));
        for (String row : List.of("majority baseline", "xgboost (tabular features)", "lstm alone", "fused (calibrated)")) {
            assertTrue(html.contains(row), row);
            assertTrue(m.get("metrics").has(row.startsWith("lstm") ? "lstm alone (light curve; uniform where masked)" : row), row);
        }
        assertTrue(html.contains("The fused model"), "the report says whether the fused model beats the best branch");
        assertTrue(m.get("metrics").has("fused_beats_best_single_branch"));
        JsonNode lstm = m.get("trainedOn").get("lstm");
        assertTrue(lstm.get("SN_IA").asInt() >= 2 && lstm.get("SN_II").asInt() >= 2 && lstm.get("OTHER").asInt() >= 2,
                "the LSTM learns from alert-stream light curves of every class (ALeRCE), not from SN Ia-only catalogue curves: " + lstm);
        List<String> files = new java.util.ArrayList<>();
        m.get("files").forEach(f -> files.add(f.asText()));
        assertTrue(files.containsAll(List.of("xgboost.json", "lstm.zip", "fusion.zip", "calibration.json")), files.toString());
        for (String f : files) {
            assertTrue(Files.isRegularFile(model.resolve(f)), f);
        }
        assertTrue(m.get("parameters").get("fusion").get("temperature").asDouble() > 0);
        JsonNode serving = m.get("parameters").get("serving");
        assertTrue(List.of("fused", "xgboost", "lstm").contains(serving.get("model").asText()), serving.toString());
        assertTrue(serving.get("reason").asText().contains("cross-validated macro AUC"), serving.toString());
        assertTrue(html.contains("Served answer: " + serving.get("model").asText()), "the report says which answer is served and why");
        long early = java.util.stream.StreamSupport.stream(java.util.Spliterators.spliteratorUnknownSize(m.get("metrics").fieldNames(), 0), false)
                .filter(k -> k.startsWith("early: ")).count();
        assertEquals(5, early, "early classification at 5, 10, 20, 40 days and the whole light curve: " + m.get("metrics"));
        assertTrue(html.contains("Early classification") && html.contains("SN Ia recall"), "the report has the early-classification table");
        assertTrue(Files.readString(model.resolve("report/early-classification.svg")).contains("macro AUC"));
    }

    @Test
    void sameSeedSameMetrics() throws Exception {
        Path again = tmp.resolve("model-again");
        assertEquals(0, run("train", "--db", TestStores.location(db), "--out", again.toString(), "--seed", "11", "--training-alerts", "none")[0]);
        assertEquals(JSON.readTree(model.resolve("manifest.json").toFile()).get("metrics"),
                JSON.readTree(again.resolve("manifest.json").toFile()).get("metrics"));
        assertEquals(JSON.readTree(model.resolve("report/evaluation.json").toFile()),
                JSON.readTree(again.resolve("report/evaluation.json").toFile()));
    }

    @Test
    void evaluateRedoesTheHeldOutReport() throws Exception {
        Path report = tmp.resolve("re-report");
        Object[] r = run("evaluate", model.toString(), "--db", TestStores.location(db), "--out", report.toString(), "--training-alerts", "none");
        assertEquals(0, r[0], r[2].toString());
        assertEquals(JSON.readTree(model.resolve("report/evaluation.json").toFile()), JSON.readTree(report.resolve("evaluation.json").toFile()),
                "the same model on the same held-out objects gives the same numbers");
    }

    @Test
    void scoreReadsBtsRowsWithoutClassAlertsAndLightCurvesAndRejectsBadRows() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("to-score"));
        Files.writeString(in.resolve("bts-blank.csv"), String.join("\n",
                "ZTFID,IAUID,RA,Dec,peakt,peakfilt,peakmag,peakabs,duration,rise,fade,type,redshift,b,A_V",
                "ZTF18abcdefg,SN 2018xx,08:13:16.95,+22:38:53.9,561.73,g,17.2,,30.1,12.0,18.1,,,27.5,0.12",
                "ZTF18abcdefh,SN 2018xy,07:39:53.05,-02:58:50.6,765.01,r,18.1,,>60.2,20.3,>40.0,,,9.4,0.31", ""));
        Files.writeString(in.resolve("ZTF19aaaaaaa.csv"), "time,mag,magerr,band\n58800.1,18.5,0.1,g\n58805.2,18.2,0.1,g\n58810.3,nan?,0.1,g\n58812.3,18.6,0.1,q\n");
        Files.writeString(in.resolve("ZTF19aaaaaab.csv"), "time,mag,magerr,band\n58800.1,18.5,0.1,g\n");
        Files.copy(Samples.path("alerts/kowalski/20200202/1105522281015015000.avro"), in.resolve("alert.avro"));
        Path out = tmp.resolve("scores.vot");
        Object[] r = run("score", model.toString(), in.toString(), "--out", out.toString());
        assertEquals(0, r[0], r[2].toString());
        assertTrue(r[2].toString().contains("line 4 field mag") && r[2].toString().contains("line 5 field band"), r[2].toString());
        StarTable t = VotableReader.read(Files.newInputStream(out), "scores");
        assertEquals(5, t.getRowCount(), "2 BTS rows, 2 light curves (one of a single point), 1 alert");
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < t.getColumnCount(); i++) {
            names.add(t.getColumnInfo(i).getName());
        }
        assertEquals(List.of("objectId", "ra", "dec", "p_SN_IA", "p_SN_II", "p_OTHER", "predicted_class", "model_version"), names);
        for (long row = 0; row < t.getRowCount(); row++) {
            double sum = 0;
            for (int c = 3; c <= 5; c++) {
                double p = ((Number) t.getCell(row, c)).doubleValue();
                assertTrue(p >= 0 && p <= 1);
                sum += p;
            }
            assertEquals(1.0, sum, 1e-5);
        }
        long bts = -1;
        for (long row = 0; row < t.getRowCount(); row++) {
            if ("ZTF18abcdefg".equals(t.getCell(row, 0))) {
                bts = row;
            }
        }
        assertTrue(bts >= 0, "the BTS row without a class is scored");
        assertEquals(123.3206, (Double) t.getCell(bts, 1), 1e-3);
        String lint = ApiTools.votlint(out);
        assertFalse(lint.contains("ERROR") || lint.contains("WARNING"), lint);
    }

    @Test
    void trainOnAStoreWithoutLabelsRefusesAndSaysHowToIngestLabels() throws Exception {
        Path empty = tmp.resolve("no-labels.db");
        new IngestService(new StoreWriter(TestStores.open(empty))).ingest(List.of(Samples.path("alerts/kowalski")), IngestProgress.SILENT);
        Path out = tmp.resolve("useless-model");
        Object[] r = run("train", "--db", TestStores.location(empty), "--out", out.toString());
        assertEquals(2, r[0], "a store without labels must not give a model trained on the training alerts alone");
        assertTrue(r[2].toString().contains("has no labelled objects") && r[2].toString().contains("install/ztfclass ingest"), r[2].toString());
        assertFalse(Files.exists(out.resolve("manifest.json")), "no bundle is written");
    }

    @Test
    void brokenModelDirectoriesAreClearErrors() throws Exception {
        Object[] missing = run("score", tmp.resolve("no-model").toString(), Samples.path("alerts").toString(), "--out",
                tmp.resolve("x.vot").toString());
        assertEquals(2, missing[0]);
        assertTrue(missing[2].toString().contains("not a model directory"), missing[2].toString());
        Path partial = Files.createDirectories(tmp.resolve("partial"));
        Files.copy(model.resolve("manifest.json"), partial.resolve("manifest.json"));
        Object[] noWeights = run("evaluate", partial.toString(), "--db", TestStores.location(db));
        assertEquals(2, noWeights[0]);
        assertTrue(noWeights[2].toString().contains("xgboost.json, which is missing"), noWeights[2].toString());
    }

    @Test
    void theShippedBundleLoadsMatchesTheFeaturesAndScores() throws Exception {
        Path shipped = Samples.root().getParent().resolve("models/ztfclass-default");
        JsonNode m = JSON.readTree(shipped.resolve("manifest.json").toFile());
        List<String> features = new java.util.ArrayList<>();
        m.get("features").forEach(f -> features.add(f.asText()));
        assertEquals(org.ztfclass.models.features.TabularFeatures.MODEL_INPUTS, features,
                "the shipped model was trained on today's features (retrain it with install/ztfclass train when they change)");
        List<String> files = new java.util.ArrayList<>();
        m.get("files").forEach(f -> files.add(f.asText()));
        assertTrue(files.containsAll(List.of("xgboost.json", "lstm.zip", "cnn.zip", "fusion.zip", "calibration.json")),
                "the shipped model has every branch and the fusion: " + files);
        Path out = tmp.resolve("shipped.vot");
        Object[] r = run("score", shipped.toString(), Samples.path("alerts/kowalski").toString(), "--out", out.toString());
        assertEquals(0, r[0], r[2].toString());
        long objects = Samples.readAlerts(Samples.avroFiles("alerts/kowalski")).stream().map(a -> a.objectId()).distinct().count();
        assertEquals(objects, VotableReader.read(Files.newInputStream(out), "shipped").getRowCount(), "one row per object of the packets");
    }
}
