package org.ztfclass.models.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.models.MultimodalSamples;
import org.ztfclass.models.bundle.BundleException;
import org.ztfclass.models.bundle.BundleManifest;
import org.ztfclass.models.bundle.ModelBundle;
import org.ztfclass.models.data.LabelledObject;
import org.ztfclass.models.data.ObjectData;
import org.ztfclass.models.fusion.FusionClassifier;
import org.ztfclass.models.image.CnnClassifier;
import org.ztfclass.models.sequence.LstmClassifier;
import org.ztfclass.votables.domain.Cutout;
import org.ztfclass.votables.domain.Detection;

/**
 * The whole multimodal training on real labelled objects of the three classes (ALeRCE supernovae,
 * labelled Fink alerts), with few epochs so it stays quick: determinism, the bundle round trip,
 * masking of missing modalities, bad bundles.
 */
class MultimodalTrainerTest {

    private static final int LSTM_EPOCHS = 3;
    private static final int CNN_EPOCHS = 2;

    @TempDir
    static Path tmp;
    private static List<LabelledObject> objects;
    private static MultimodalTrainer.Result first;
    private static ModelBundle bundle;

    @BeforeAll
    static void trainOnce() throws Exception {
        objects = new ArrayList<>(MultimodalSamples.alerce());
        objects.addAll(MultimodalSamples.finkAlerts());
        first = new MultimodalTrainer(5, (b, d, t) -> { }, LSTM_EPOCHS, CNN_EPOCHS).train(objects);
        BundleManifest m = new BundleManifest(BundleManifest.FORMAT, "test-fused", "2026-11-25T00:00:00Z",
                List.of("SN_IA", "SN_II", "OTHER"), org.ztfclass.models.features.TabularFeatures.MODEL_INPUTS, "hash", 5,
                first.trainedOn(), Map.of(), List.of(), Map.of(), Map.of(), ModelBundle.files(true, true, true));
        bundle = new ModelBundle(m, first.xgboost(), first.lstm(), first.cnn(), first.fusion());
        bundle.save(tmp.resolve("bundle"));
    }

    private static List<ObjectData> data() {
        return objects.stream().map(LabelledObject::data).toList();
    }

    @Test
    void everyBranchIsTrainedOnObjectsOfSeveralClassesAndCounted() {
        assertNotNull(first.lstm());
        assertNotNull(first.cnn());
        assertTrue(first.notTrained().isEmpty(), first.notTrained().toString());
        Map<String, Integer> lstm = first.trainedOn().get("lstm");
        Map<String, Integer> cnn = first.trainedOn().get("cnn");
        assertTrue(lstm.get("SN_IA") > 10 && lstm.get("SN_II") > 5 && lstm.get("OTHER") > 5, lstm.toString());
        assertTrue(cnn.get("SN_IA") > 10 && cnn.get("SN_II") > 3, cnn.toString());
        assertTrue(first.fusion().temperature() > 0);
    }

    @Test
    void sameSeedSameModel() throws Exception {
        MultimodalTrainer.Result again = new MultimodalTrainer(5, (b, d, t) -> { }, LSTM_EPOCHS, CNN_EPOCHS).train(objects);
        ModelBundle other = new ModelBundle(bundle.manifest(), again.xgboost(), again.lstm(), again.cnn(), again.fusion());
        BranchOutputs a = bundle.outputs(data());
        BranchOutputs b = other.outputs(data());
        assertEquals(first.fusion().temperature(), again.fusion().temperature(), 1e-12);
        for (int i = 0; i < objects.size(); i++) {
            assertArrayEquals(a.fused()[i], b.fused()[i], 1e-9, objects.get(i).data().objectId());
            if (a.lstm()[i] != null) {
                assertArrayEquals(a.lstm()[i], b.lstm()[i], 1e-9);
            }
            if (a.cnn()[i] != null) {
                assertArrayEquals(a.cnn()[i], b.cnn()[i], 1e-9);
            }
        }
    }

    @Test
    void theSavedBundleAnswersTheSameAndConcurrently() throws Exception {
        ModelBundle loaded = ModelBundle.load(tmp.resolve("bundle"));
        assertTrue(loaded.hasLstm() && loaded.hasCnn() && loaded.hasFusion());
        double[][] before = bundle.probabilities(data());
        double[][] after = loaded.probabilities(data());
        for (int i = 0; i < before.length; i++) {
            assertArrayEquals(before[i], after[i], 1e-6);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[][]>> runs = new ArrayList<>();
            for (int k = 0; k < 4; k++) {
                runs.add(pool.submit(() -> loaded.probabilities(data())));
            }
            for (Future<double[][]> f : runs) {
                double[][] p = f.get();
                for (int i = 0; i < before.length; i++) {
                    assertArrayEquals(before[i], p[i], 1e-6);
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void theLstmAnswersEachObjectInABatchAsItWouldAlone() {
        List<ObjectData> mixed = new ArrayList<>();
        for (int copy = 0; copy < 4; copy++) {
            for (ObjectData o : data()) {
                mixed.add(o);
                mixed.add(new ObjectData(o.objectId() + "_nopoints", null, null, List.of(), null, null, List.of()));
            }
        }
        Collections.shuffle(mixed, new java.util.Random(7));
        double[][] together = bundle.lstm().predict(mixed);
        int sequences = 0;
        for (int i = 0; i < mixed.size(); i++) {
            double[] alone = bundle.lstm().predict(List.of(mixed.get(i)))[0];
            if (alone == null) {
                assertNull(together[i], mixed.get(i).objectId());
            } else {
                sequences++;
                assertArrayEquals(alone, together[i], 1e-5, mixed.get(i).objectId());
            }
        }
        assertTrue(sequences > 256, "more sequences than one network batch: " + sequences);
    }

    @Test
    void missingModalitiesAreMaskedAndTheObjectIsStillClassified() throws Exception {
        ObjectData full = objects.stream().map(LabelledObject::data).filter(o -> o.cutouts().size() == 3).findFirst().orElseThrow();
        Detection one = full.lightCurve().stream().filter(d -> !d.isUpperLimit()).findFirst().orElseThrow();
        List<Cutout> nanless = new ArrayList<>();
        for (Cutout c : full.cutouts()) {
            nanless.add(new Cutout(c.candid(), c.kind(), c.fileName(), new byte[] {0x1f, (byte) 0x8b, 0, 0}));
        }
        List<ObjectData> odd = List.of(
                new ObjectData("ZTF00nothing", null, null, List.of(), null, null, List.of()),
                new ObjectData("ZTF00onepoint", null, null, List.of(one), null, null, List.of()),
                new ObjectData("ZTF00brokenstamps", null, null, full.lightCurve(), null, null, nanless),
                full);
        BranchOutputs out = bundle.outputs(odd);
        for (int i = 0; i < odd.size(); i++) {
            double sum = 0;
            for (double p : out.fused()[i]) {
                assertTrue(p >= 0 && p <= 1);
                sum += p;
            }
            assertEquals(1.0, sum, 1e-6, odd.get(i).objectId());
        }
        assertNull(out.lstm()[0]);
        assertNull(out.cnn()[0]);
        assertNull(out.lstm()[1], "one point is no sequence");
        assertNotNull(out.lstm()[2]);
        assertNull(out.cnn()[2], "corrupt stamps mask the CNN");
        assertNotNull(out.cnn()[3]);
    }

    @Test
    void bundlesWithAMissingOrBrokenBranchAreRefusedByName() throws Exception {
        Path dir = tmp.resolve("bundle");
        Path noLstm = copy(dir, "no-lstm");
        Files.delete(noLstm.resolve(LstmClassifier.FILE));
        assertTrue(assertThrows(BundleException.class, () -> ModelBundle.load(noLstm)).getMessage()
                .contains("lstm.zip, which is missing"));
        Path badCnn = copy(dir, "bad-cnn");
        Files.writeString(badCnn.resolve(CnnClassifier.FILE), "not a zip");
        assertTrue(assertThrows(BundleException.class, () -> ModelBundle.load(badCnn)).getMessage()
                .contains("not a Deeplearning4j network"));
        Path badCalibration = copy(dir, "bad-calibration");
        Files.writeString(badCalibration.resolve(FusionClassifier.CALIBRATION_FILE), "{\"temperature\": -1}");
        assertTrue(assertThrows(BundleException.class, () -> ModelBundle.load(badCalibration)).getMessage()
                .contains("temperature must be a positive number"));
    }

    private static Path copy(Path from, String name) throws Exception {
        Path to = Files.createDirectories(tmp.resolve(name));
        try (var s = Files.list(from)) {
            for (Path f : s.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }
}
