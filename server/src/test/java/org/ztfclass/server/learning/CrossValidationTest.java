package org.ztfclass.server.learning;

import org.ztfclass.server.TestStores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.models.data.LabelledObject;
import org.ztfclass.models.evaluation.Evaluation;
import org.ztfclass.models.evaluation.EvaluationJson;
import org.ztfclass.models.neural.TrainingProgress;
import org.ztfclass.models.training.MultimodalTrainer;
import org.ztfclass.server.Samples;
import org.ztfclass.server.ingest.IngestProgress;
import org.ztfclass.server.ingest.IngestService;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.ObjectDataLoader;
import org.ztfclass.server.store.StoreWriter;
import org.ztfclass.votables.domain.TransientClass;

/**
 * Cross-validation on a tiny real labelled set (the first shipped BTS catalogue rows and the ALeRCE
 * supernovae with alert-stream detections, so the LSTM trains in the folds), with few epochs:
 * every object is tested once, the counts per branch add up, the report carries the CV rows and
 * the same seed gives the same figures.
 */
class CrossValidationTest {

    private static final int K = 3;
    private static final int LSTM_EPOCHS = 2;
    private static final int CNN_EPOCHS = 1;

    @TempDir
    static Path tmp;
    private static List<LabelledObject> objects;
    private static CrossValidation first;

    @BeforeAll
    static void runOnce() throws Exception {
        Path db = tmp.resolve("cv.db");
        // the first 150 rows of the shipped BTS catalogue (all three classes) keep the ingest quick
        Path bts = Files.createDirectories(tmp.resolve("catalogue")).resolve("bts.csv");
        Files.write(bts, Files.readAllLines(Samples.path("catalogues").resolve("bts.csv")).subList(0, 151));
        new IngestService(new StoreWriter(TestStores.open(db))).ingest(List.of(bts, Samples.path("alerce-30sne")), IngestProgress.SILENT);
        List<LabelledObject> labelled = new ArrayList<>(new ObjectDataLoader(TestStores.open(db)).labelled());
        labelled.sort(Comparator.comparing(o -> o.data().objectId()));
        // every object with an alert-stream light curve, plus the first 8 of each class by id
        objects = new ArrayList<>(labelled.stream().filter(MultimodalTrainer::lstmCanLearnFrom).toList());
        Map<TransientClass, Integer> taken = new EnumMap<>(TransientClass.class);
        for (LabelledObject o : labelled) {
            if (!objects.contains(o) && taken.merge(o.label(), 1, Integer::sum) <= 8) {
                objects.add(o);
            }
        }
        first = CrossValidation.run(objects, K, 3, LSTM_EPOCHS, CNN_EPOCHS, TrainingProgress.SILENT);
    }

    @Test
    void everyObjectIsTestedOnceAndEachBranchsCountsAreReported() {
        List<Evaluation> rows = first.evaluation().evaluations();
        assertEquals("cv 3-fold: " + ModelEvaluation.BASELINE, rows.get(0).modelName());
        assertTrue(rows.stream().anyMatch(e -> e.modelName().equals("cv 3-fold: " + ModelEvaluation.FUSED)));
        for (Evaluation e : rows.subList(0, 3)) {
            assertEquals(objects.size(), e.n(), e.modelName());
        }
        Map<String, Integer> all = TrainingRun.countByClass(objects);
        assertEquals(all, first.testedOn().get("xgboost"));
        assertEquals(all, first.testedOn().get("fused"));
        int lstm = first.testedOn().get("lstm").values().stream().mapToInt(Integer::intValue).sum();
        long canRead = objects.stream().filter(MultimodalTrainer::lstmCanLearnFrom).count();
        assertTrue(lstm > 0 && lstm <= canRead, "lstm tested on " + lstm + " of " + canRead + " readable objects");
        assertTrue(rows.stream().anyMatch(e -> e.modelName().startsWith("cv 3-fold: lstm alone")), "an LSTM row");
        assertTrue(first.testedOnNote().contains("lstm {SN_IA="), first.testedOnNote());
    }

    @Test
    void earlyClassificationIsReportedForTheServedAnswerAndEachBranchOnTheSameObjects() {
        List<Evaluation> rows = first.evaluation().evaluations();
        long withCurve = objects.stream().filter(o -> org.ztfclass.models.evaluation.EarlyClassification.applies(o.data())).count();
        assertTrue(withCurve > 0);
        for (String model : List.of(ModelEvaluation.SERVED, ModelEvaluation.XGBOOST, ModelEvaluation.LSTM, ModelEvaluation.FUSED)) {
            for (String phase : org.ztfclass.models.evaluation.EarlyClassification.phaseLabels()) {
                String name = "cv 3-fold: " + org.ztfclass.models.evaluation.EarlyClassification.rowName(model, phase, (int) withCurve);
                Evaluation row = rows.stream().filter(e -> e.modelName().equals(name)).findFirst()
                        .orElseThrow(() -> new AssertionError("no row " + name + " among " + rows.stream().map(Evaluation::modelName).toList()));
                assertEquals(withCurve, row.n(), name);
                assertTrue(Double.isFinite(row.macroAuc().value()), name);
            }
        }
        assertTrue(rows.stream().noneMatch(e -> e.modelName().contains("early: " + ModelEvaluation.CNN)), "no early rows for the CNN");
    }

    @Test
    void sameSeedSameFigures() throws Exception {
        List<LabelledObject> reversed = new ArrayList<>(objects);
        java.util.Collections.reverse(reversed);
        CrossValidation again = CrossValidation.run(reversed, K, 3, LSTM_EPOCHS, CNN_EPOCHS,
                TrainingProgress.SILENT);
        assertEquals(EvaluationJson.write(first.evaluation().evaluations()), EvaluationJson.write(again.evaluation().evaluations()));
        assertEquals(first.evaluation().headline(), again.evaluation().headline());
    }

    @Test
    void theReportHoldsTheSingleSplitAndTheCrossValidationWithTheVerdictFromTheLatter() throws Exception {
        Path dir = tmp.resolve("report");
        TrainingRun run = TrainingRun.train(org.ztfclass.models.data.StratifiedSplit.of(objects, TrainingRun.TEST_FRACTION, 3), 3,
                new MultimodalTrainer(3, TrainingProgress.SILENT, LSTM_EPOCHS, CNN_EPOCHS));
        ModelEvaluation single = ModelEvaluation.of(run.bundle(), run.split().train(), run.split().test(), 3);
        ModelEvaluation both = single.withCrossValidation(first);
        both.writeReport(dir);
        first.writeJson(dir.resolve("cross-validation.json"));
        List<Evaluation> written = EvaluationJson.read(dir.resolve("evaluation.json"));
        assertEquals(single.evaluations().size() + first.evaluation().evaluations().size(), written.size());
        assertEquals(first.evaluation().headline().get("verdict"), both.headline().get("verdict"));
        String html = Files.readString(dir.resolve("index.html"));
        assertTrue(html.contains("cv 3-fold: fused (calibrated)") && html.contains("Verdict (from the 3-fold cross-validation"), html);
        JsonNode cv = new ObjectMapper().readTree(dir.resolve("cross-validation.json").toFile());
        assertEquals(3, cv.get("folds_k").asInt());
        assertEquals(3, cv.get("folds").size());
        JsonNode fused = null;
        for (JsonNode m : cv.get("models")) {
            if (m.get("model").asText().equals("cv 3-fold: " + ModelEvaluation.FUSED)) {
                fused = m;
            }
        }
        assertTrue(fused != null && fused.get("per_class").get("SN_II").has("recall") && fused.get("macro_auc_ci95").size() == 2,
                cv.toString());
        assertEquals(all(), cv.get("tested_on").get("xgboost").get("SN_IA").asInt() + cv.get("tested_on").get("xgboost").get("SN_II").asInt()
                + cv.get("tested_on").get("xgboost").get("OTHER").asInt());
    }

    @Test
    void aClassSmallerThanKIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CrossValidation.run(objects, 40, 3, 1, 1, TrainingProgress.SILENT));
        assertTrue(e.getMessage().contains("needs at least 40 labelled objects of"), e.getMessage());
    }

    private static int all() {
        return objects.size();
    }
}
