package org.ztfclass.models.xgboost;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.models.ModelSamples;
import org.ztfclass.models.data.LabelledObject;
import org.ztfclass.models.data.ObjectData;
import org.ztfclass.votables.domain.CatalogueEntry;
import org.ztfclass.votables.domain.TransientClass;

/**
 * The answer-time prior shift of the XGBoost branch: factors from the training frequencies, kept
 * in the saved model, applied to the trees' probabilities; models saved without it (older
 * bundles) answer unchanged, and a damaged one is refused by name.
 */
class XgbPriorShiftTest {

    @TempDir
    Path tmp;

    private static List<LabelledObject> btsRows(int limit) throws IOException {
        List<LabelledObject> out = new ArrayList<>();
        for (CatalogueEntry e : ModelSamples.bts().values()) {
            if (e.fineClass() != null && out.size() < limit) {
                out.add(new LabelledObject(new ObjectData(e.objectId(), e.ra(), e.dec(), List.of(), e, null, List.of()),
                        TransientClass.ofFineClass(e.fineClass()), e.fineClass()));
            }
        }
        return out;
    }

    @Test
    void factorsAreTheTrainingFrequenciesToMinusTheExponent() {
        Map<TransientClass, Integer> counts = new EnumMap<>(TransientClass.class);
        counts.put(TransientClass.SN_IA, 750);
        counts.put(TransientClass.SN_II, 150);
        counts.put(TransientClass.OTHER, 100);
        double[] shift = XgbTrainer.priorShift(counts, 1000);
        assertEquals(Math.pow(0.75, -XgbTrainer.PRIOR_SHIFT_EXPONENT), shift[TransientClass.SN_IA.ordinal()], 1e-12);
        assertEquals(Math.pow(0.10, -XgbTrainer.PRIOR_SHIFT_EXPONENT), shift[TransientClass.OTHER.ordinal()], 1e-12);
        counts.remove(TransientClass.OTHER);
        assertEquals(1.0, XgbTrainer.priorShift(counts, 900)[TransientClass.OTHER.ordinal()], "a class never seen keeps its probability");
    }

    @Test
    void theShiftIsSavedAppliedAndOlderModelsAnswerTheirTrees() throws Exception {
        List<LabelledObject> train = btsRows(600);
        List<ObjectData> objects = train.subList(0, 50).stream().map(LabelledObject::data).toList();
        XgbClassifier trained = new XgbTrainer(3).train(train);
        double[] shift = trained.priorShift();
        assertTrue(shift[TransientClass.OTHER.ordinal()] > shift[TransientClass.SN_IA.ordinal()], "rare classes are favoured");
        Path file = tmp.resolve(XgbClassifier.FILE);
        trained.save(file);
        XgbClassifier loaded = XgbClassifier.load(file);
        assertArrayEquals(shift, loaded.priorShift(), 0.0);
        double[][] shifted = loaded.predict(objects);

        // the same trees without the attribute: a model saved before the shift existed
        String json = Files.readString(file);
        String attribute = "\"" + XgbClassifier.PRIOR_SHIFT_ATTRIBUTE + "\"";
        assertTrue(json.contains(attribute), "the factors are in the model file");
        Path older = tmp.resolve("older.json");
        Files.writeString(older, json.replace(attribute, "\"some_other_attribute\""));
        XgbClassifier unshifted = XgbClassifier.load(older);
        assertArrayEquals(new double[] {1, 1, 1}, unshifted.priorShift(), 0.0);
        double[][] trees = unshifted.predict(objects);
        for (int i = 0; i < objects.size(); i++) {
            double sum = 0;
            double[] expected = new double[3];
            for (int k = 0; k < 3; k++) {
                expected[k] = trees[i][k] * shift[k];
                sum += expected[k];
            }
            for (int k = 0; k < 3; k++) {
                assertEquals(expected[k] / sum, shifted[i][k], 1e-6, "object " + i + " class " + k);
            }
        }

        Path damaged = tmp.resolve("damaged.json");
        String factors = String.join(",", java.util.Arrays.stream(shift).mapToObj(Double::toString).toList());
        Files.writeString(damaged, json.replace(factors, "1.0,-2,1.0"));
        IOException e = assertThrows(IOException.class, () -> XgbClassifier.load(damaged));
        assertTrue(e.getMessage().contains(XgbClassifier.PRIOR_SHIFT_ATTRIBUTE) && e.getMessage().contains("'-2'"), e.getMessage());
    }
}
