package org.ztfclass.models.xgboost;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.models.ModelSamples;
import org.ztfclass.models.bundle.BundleException;
import org.ztfclass.models.bundle.BundleManifest;
import org.ztfclass.models.bundle.ModelBundle;
import org.ztfclass.models.data.LabelledObject;
import org.ztfclass.models.data.ObjectData;
import org.ztfclass.models.data.StratifiedSplit;
import org.ztfclass.votables.domain.CatalogueEntry;
import org.ztfclass.votables.domain.TransientClass;

/** XGBoost on the real BTS summaries: deterministic, saved and loaded as a bundle, bad bundles refused. */
class XgbBundleTest {

    @TempDir
    static Path tmp;

    private static List<LabelledObject> labelled;
    private static StratifiedSplit split;

    @BeforeAll
    static void btsRows() throws Exception {
        labelled = new ArrayList<>();
        for (CatalogueEntry e : ModelSamples.bts().values()) {
            if (e.fineClass() != null) {
                labelled.add(new LabelledObject(new ObjectData(e.objectId(), e.ra(), e.dec(), List.of(), e, null, List.of()),
                        TransientClass.ofFineClass(e.fineClass()), e.fineClass()));
            }
        }
        split = StratifiedSplit.of(labelled, 0.2, 42);
    }

    @Test
    void splitIsStratifiedDisjointAndDeterministic() {
        assertEquals(2323, labelled.size());
        assertEquals(465, split.test().size());
        assertEquals(343, split.test().stream().filter(o -> o.label() == TransientClass.SN_IA).count());
        assertEquals(82, split.test().stream().filter(o -> o.label() == TransientClass.SN_II).count());
        assertEquals(40, split.test().stream().filter(o -> o.label() == TransientClass.OTHER).count());
        var trainIds = split.train().stream().map(o -> o.data().objectId()).collect(java.util.stream.Collectors.toSet());
        assertTrue(split.test().stream().noneMatch(o -> trainIds.contains(o.data().objectId())));
        List<LabelledObject> shuffled = new ArrayList<>(labelled);
        java.util.Collections.reverse(shuffled);
        assertEquals(split.test(), StratifiedSplit.of(shuffled, 0.2, 42).test(), "input order does not matter");
    }

    @Test
    void sameSeedSameModelAndBetterThanChance() throws Exception {
        List<ObjectData> test = split.test().stream().map(LabelledObject::data).toList();
        double[][] a = new XgbTrainer(7).train(split.train()).predict(test);
        double[][] b = new XgbTrainer(7).train(split.train()).predict(test);
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], b[i], 0.0, "object " + i);
            assertEquals(1.0, a[i][0] + a[i][1] + a[i][2], 1e-5);
        }
        // SN Ia vs rest on held-out BTS rows: the summary features carry real signal
        int hits = 0;
        int pairs = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                boolean iIa = split.test().get(i).label() == TransientClass.SN_IA;
                boolean jIa = split.test().get(j).label() == TransientClass.SN_IA;
                if (iIa && !jIa) {
                    pairs++;
                    hits += a[i][0] > a[j][0] ? 1 : 0;
                }
            }
        }
        assertTrue(hits / (double) pairs > 0.7, "SN Ia AUC " + hits / (double) pairs);
    }

    @Test
    void bundleRoundTripsAndBadBundlesAreRefusedByName() throws Exception {
        XgbClassifier xgb = new XgbTrainer(1).train(split.train());
        BundleManifest m = new BundleManifest(BundleManifest.FORMAT, "test-1", "2026-11-25T00:00:00Z",
                List.of("SN_IA", "SN_II", "OTHER"), org.ztfclass.models.features.TabularFeatures.MODEL_INPUTS, "hash", 1,
                Map.of(), Map.of(), List.of(), Map.of(), Map.of(), List.of(XgbClassifier.FILE));
        Path dir = tmp.resolve("bundle");
        new ModelBundle(m, xgb).save(dir);
        List<ObjectData> test = split.test().stream().map(LabelledObject::data).toList();
        ModelBundle loaded = ModelBundle.load(dir);
        assertEquals("test-1", loaded.manifest().version());
        double[][] before = xgb.predict(test);
        double[][] after = loaded.probabilities(test);
        for (int i = 0; i < before.length; i++) {
            assertArrayEquals(before[i], after[i], 1e-6);
        }
        assertEquals(test.get(0).objectId(), loaded.predict(test).get(0).objectId());

        assertTrue(assertThrows(BundleException.class, () -> ModelBundle.load(tmp.resolve("nowhere"))).getMessage().contains("not a model directory"));
        Path noModel = Files.createDirectories(tmp.resolve("no-model"));
        Files.copy(dir.resolve(ModelBundle.MANIFEST), noModel.resolve(ModelBundle.MANIFEST));
        assertTrue(assertThrows(BundleException.class, () -> ModelBundle.load(noModel)).getMessage().contains("xgboost.json, which is missing"));
        Path otherVersion = Files.createDirectories(tmp.resolve("other-version"));
        Files.copy(dir.resolve(XgbClassifier.FILE), otherVersion.resolve(XgbClassifier.FILE));
        Files.writeString(otherVersion.resolve(ModelBundle.MANIFEST),
                Files.readString(dir.resolve(ModelBundle.MANIFEST)).replace(BundleManifest.FORMAT, "ztfclass-model-bundle/0"));
        assertTrue(assertThrows(BundleException.class, () -> ModelBundle.load(otherVersion)).getMessage().contains("bundle format 'ztfclass-model-bundle/0'"));
        Path corrupt = Files.createDirectories(tmp.resolve("corrupt"));
        Files.copy(dir.resolve(ModelBundle.MANIFEST), corrupt.resolve(ModelBundle.MANIFEST));
        Files.writeString(corrupt.resolve(XgbClassifier.FILE), "{not a model");
        assertTrue(assertThrows(BundleException.class, () -> ModelBundle.load(corrupt)).getMessage().contains("not an XGBoost model"));
    }
}
