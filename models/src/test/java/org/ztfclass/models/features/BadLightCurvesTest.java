package org.ztfclass.models.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ztfclass.models.ModelSamples;
import org.ztfclass.models.bundle.BundleManifest;
import org.ztfclass.models.bundle.ModelBundle;
import org.ztfclass.models.data.LabelledObject;
import org.ztfclass.models.data.ObjectData;
import org.ztfclass.models.sequence.LightCurveSequence;
import org.ztfclass.models.training.BranchOutputs;
import org.ztfclass.models.training.MultimodalTrainer;
import org.ztfclass.models.training.ServingChoice;
import org.ztfclass.votables.domain.Band;
import org.ztfclass.votables.domain.Detection;
import org.ztfclass.votables.domain.TransientClass;

/**
 * Bad light curves: one point, one band, only upper limits, every epoch twice, NaN / negative /
 * zero / missing / infinite errors, points out of time order, unreadable points (NaN magnitude or
 * time, magnitudes out of range, negative subtractions) and nothing at all. Each is built from a
 * real object of the shipped ANTARES export. For every case: {@link LightCurveFeatures#of},
 * {@link BazinFit#of}, {@link LightCurveSequence#encode} and {@link TabularFeatures#modelInputsOf}
 * never throw, give no infinity, NaN only where a feature is undefined, finite counts;
 * duplicated epochs count once and unreadable points are ignored (same features as the clean
 * curve), bad errors count as 0.1 mag, out-of-order points give the features of the sorted
 * curve. Then a small bundle trained here (XGBoost + LSTM + fusion, no CNN: these objects have no
 * cutouts) scores each case, whatever answer it serves: rows finite, in [0, 1], summing to 1,
 * and the LSTM row masked exactly where the curve has fewer than 2 usable detections.
 */
class BadLightCurvesTest {

    /** The clean base: SN Ia ZTF18aaiykoz, 119 usable detections in g and r. */
    private static List<Detection> base;
    private static Map<String, List<Detection>> cases;
    private static ModelBundle bundle;
    private static MultimodalTrainer.Result trained;

    @BeforeAll
    static void build() throws Exception {
        base = LightCurveFeaturesTest.antares(LightCurveFeaturesTest.SN_IA);
        cases = new LinkedHashMap<>();
        cases.put("empty", List.of());
        cases.put("one point", LightCurveFeaturesTest.antares(LightCurveFeaturesTest.ONE_POINT));
        cases.put("two points, same epoch", List.of(base.get(0), base.get(0)));
        cases.put("one band", LightCurveFeaturesTest.antares(LightCurveFeaturesTest.ONE_BAND));
        cases.put("upper limits only", base.stream().map(d -> new Detection(d.objectId(), null, d.jd(), d.band(), null, null,
                d.magpsf() + 0.5, null, null, null, null, null, null)).toList());
        List<Detection> twice = new ArrayList<>(base);
        twice.addAll(base);
        cases.put("duplicated epochs", twice);
        cases.put("bad errors", badErrors(base));
        cases.put("out of order", shuffled(base));
        cases.put("unreadable points", withUnreadable(base));
        bundle = trainSmallBundle();
    }

    private static Detection withError(Detection d, Double err) {
        return new Detection(d.objectId(), d.candid(), d.jd(), d.band(), d.magpsf(), err, d.diffmaglim(), d.ra(), d.dec(), d.rb(),
                d.drb(), d.isdiffpos(), d.programid());
    }

    private static List<Detection> badErrors(List<Detection> points) {
        Double[] bad = {Double.NaN, -0.05, 0.0, null, Double.POSITIVE_INFINITY};
        List<Detection> out = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            out.add(withError(points.get(i), bad[i % bad.length]));
        }
        return out;
    }

    private static List<Detection> shuffled(List<Detection> points) {
        List<Detection> out = new ArrayList<>(points);
        Collections.shuffle(out, new Random(42));
        return out;
    }

    private static List<Detection> withUnreadable(List<Detection> points) {
        List<Detection> out = new ArrayList<>(points);
        Detection d = points.get(points.size() / 2);
        String id = d.objectId();
        out.add(new Detection(id, null, d.jd() + 0.3, Band.G, Double.NaN, 0.1, null, null, null, null, null, null, null));
        out.add(new Detection(id, null, Double.NaN, Band.R, 17.0, 0.1, null, null, null, null, null, null, null));
        out.add(new Detection(id, null, d.jd() + 0.4, Band.R, 99.0, 0.1, null, null, null, null, null, null, null));
        out.add(new Detection(id, null, d.jd() + 0.5, Band.G, 5.0, 0.1, null, null, null, null, null, null, null));
        out.add(new Detection(id, null, d.jd() + 0.6, Band.G, 15.0, 0.1, null, null, null, null, null, "f", null));
        out.add(new Detection(id, null, d.jd() + 0.7, null, 15.0, 0.1, null, null, null, null, null, null, null));
        out.add(2, new Detection(id, null, Double.POSITIVE_INFINITY, Band.G, 16.0, 0.1, null, null, null, null, null, null, null));
        return out;
    }

    private static int usable(List<Detection> points) {
        return LightCurveFeatures.usableDetections(points);
    }

    private static double f(double[] v, String name) {
        return v[LightCurveFeatures.NAMES.indexOf(name)];
    }

    @Test
    void featuresNeverThrowAndHaveFiniteCountsAndNoInfinity() {
        cases.forEach((name, lc) -> {
            double[] v = LightCurveFeatures.of(lc);
            assertEquals(LightCurveFeatures.NAMES.size(), v.length, name);
            for (int i = 0; i < v.length; i++) {
                assertFalse(Double.isInfinite(v[i]), name + ": " + LightCurveFeatures.NAMES.get(i) + " is infinite");
            }
            for (String c : List.of("n_det", "n_det_g", "n_det_r", "n_bands")) {
                assertTrue(Double.isFinite(f(v, c)) && f(v, c) >= 0, name + ": " + c);
            }
            assertEquals(usable(lc), f(v, "n_det"), name);
            assertEquals(f(v, "n_det"), f(v, "n_det_g") + f(v, "n_det_r"), name);
            if (f(v, "n_det") > 0) {
                // with a detection, its magnitude and the spans are known
                for (String k : List.of("span_days", "brightest_mag", "days_first_to_peak", "days_peak_to_last")) {
                    assertTrue(Double.isFinite(f(v, k)), name + ": " + k);
                }
            }
        });
    }

    @Test
    void gaussianProcessFeaturesNeverThrowNorGiveInfinityAndNeedThreeUsablePoints() {
        double[] sorted = GaussianProcessFeatures.of(base);
        cases.forEach((name, lc) -> {
            double[] v = GaussianProcessFeatures.of(lc);
            assertEquals(GaussianProcessFeatures.NAMES.size(), v.length, name);
            for (int i = 0; i < v.length; i++) {
                assertFalse(Double.isInfinite(v[i]), name + ": " + GaussianProcessFeatures.NAMES.get(i) + " is infinite");
            }
            boolean fitted = Double.isFinite(v[GaussianProcessFeatures.NAMES.indexOf("gp_log_scale")]);
            assertEquals(usable(lc) >= 3, fitted, name + ": fitted exactly when 3 or more points are usable");
        });
        assertArrayEquals(sorted, GaussianProcessFeatures.of(cases.get("out of order")), 1e-9, "out of order: the sorted curve's");
        assertArrayEquals(sorted, GaussianProcessFeatures.of(cases.get("unreadable points")), 1e-9, "unreadable points are ignored");
        double[] badErrors = GaussianProcessFeatures.of(cases.get("bad errors"));
        assertTrue(Double.isFinite(badErrors[GaussianProcessFeatures.NAMES.indexOf("gp_gr_0")]), "bad errors count as 0.1 mag");
    }

    @Test
    void nothingUsableGivesZeroCountsAndEveryOtherFeatureMissing() {
        for (String name : List.of("empty", "upper limits only")) {
            double[] v = LightCurveFeatures.of(cases.get(name));
            for (int i = 0; i < v.length; i++) {
                if (i < 4) {
                    assertEquals(0, v[i], name + " " + LightCurveFeatures.NAMES.get(i));
                } else {
                    assertTrue(Double.isNaN(v[i]), name + " " + LightCurveFeatures.NAMES.get(i));
                }
            }
        }
    }

    @Test
    void duplicatedEpochsCountOnceAndChangeNothing() {
        assertArrayEquals(LightCurveFeatures.of(base), LightCurveFeatures.of(cases.get("duplicated epochs")), 1e-9);
        double[] two = LightCurveFeatures.of(cases.get("two points, same epoch"));
        assertEquals(1, f(two, "n_det"));
        assertEquals(0, f(two, "span_days"));
        assertTrue(Double.isNaN(f(two, "median_gap_days")), "one epoch has no gap");
        // the real curve itself repeats exposures (137 rows, 119 epochs): the epoch's magnitude is their mean
        assertEquals(119, usable(base));
    }

    @Test
    void anEpochIsTheMeanOfItsPointsWhateverTheirOrder() {
        Detection d = base.get(0);
        List<Detection> three = List.of(d, withMag(d, d.magpsf() + 0.3), withMag(d, d.magpsf() + 0.6));
        double mean = d.magpsf() + 0.3;
        assertEquals(mean, f(LightCurveFeatures.of(three), "brightest_mag"), 1e-9);
        assertEquals(mean, f(LightCurveFeatures.of(List.of(three.get(2), three.get(0), three.get(1))), "brightest_mag"), 1e-9);
    }

    private static Detection withMag(Detection d, double mag) {
        return new Detection(d.objectId(), d.candid(), d.jd(), d.band(), mag, d.sigmapsf(), null, null, null, null, null, null, null);
    }

    @Test
    void badErrorsCountAsOneTenthOfAMagnitude() {
        List<Detection> tenth = base.stream().map(d -> withError(d, 0.1)).toList();
        // the same 0.1 everywhere: the Bazin weights (the only use of errors) agree
        List<Detection> bad = new ArrayList<>();
        for (Detection d : cases.get("bad errors")) {
            Double e = d.sigmapsf();
            bad.add(e != null && Double.isFinite(e) && e > 0 ? withError(d, 0.1) : d);
        }
        assertArrayEquals(LightCurveFeatures.of(tenth), LightCurveFeatures.of(bad), 1e-9);
        double[] v = LightCurveFeatures.of(cases.get("bad errors"));
        assertTrue(Double.isFinite(f(v, "bazin_chi2_g")) && Double.isFinite(f(v, "bazin_chi2_r")));
    }

    @Test
    void outOfOrderGivesTheFeaturesOfTheSortedCurve() {
        assertArrayEquals(LightCurveFeatures.of(base), LightCurveFeatures.of(cases.get("out of order")), 1e-9);
        assertTrue(deepEquals(LightCurveSequence.encode(base), LightCurveSequence.encode(cases.get("out of order"))));
    }

    @Test
    void unreadablePointsAreIgnored() {
        assertArrayEquals(LightCurveFeatures.of(base), LightCurveFeatures.of(cases.get("unreadable points")), 1e-9);
        assertTrue(deepEquals(LightCurveSequence.encode(base), LightCurveSequence.encode(cases.get("unreadable points"))));
    }

    @Test
    void bazinFitIsAFitOrNoneNeverAnExceptionOrHalfNaN() {
        cases.forEach((name, lc) -> {
            for (Band band : Band.values()) {
                List<Double> t = new ArrayList<>();
                List<Double> m = new ArrayList<>();
                List<Double> e = new ArrayList<>();
                for (Detection d : lc) {
                    // the raw band as given: BazinFit must cope with repeats, any order and bad errors itself
                    if (d.band() == band && d.magpsf() != null && Double.isFinite(d.magpsf()) && Double.isFinite(d.jd())) {
                        t.add(d.jd());
                        m.add(d.magpsf());
                        e.add(d.sigmapsf() == null ? Double.NaN : d.sigmapsf());
                    }
                }
                BazinFit fit = BazinFit.of(array(t), array(m), array(e));
                if (t.size() < BazinFit.MIN_POINTS) {
                    assertEquals(BazinFit.NONE, fit, name + " " + band + ": too few points for a fit");
                    continue;
                }
                if (List.of("one band", "duplicated epochs", "bad errors", "out of order").contains(name) && band != Band.I) {
                    // dozens of real points of a SN Ia: repeats, bad errors or order must not stop the fit
                    assertFalse(fit.equals(BazinFit.NONE), name + " " + band + ": " + t.size() + " points, no fit");
                }
                if (fit.equals(BazinFit.NONE)) {
                    continue;
                }
                String what = name + " " + band + " " + fit;
                assertTrue(Double.isFinite(fit.riseDays()) && Double.isFinite(fit.fallDays()) && Double.isFinite(fit.peakOffset())
                        && Double.isFinite(fit.amplitude()) && Double.isFinite(fit.reducedChi2()), what);
                assertTrue(fit.riseDays() >= BazinFit.MIN_RISE - 1e-9 && fit.riseDays() <= BazinFit.MAX_RISE + 1e-9, what);
            }
        });
    }

    @Test
    void bazinFitDoesNotDependOnTheOrderOfThePoints() {
        List<Detection> sorted = base.stream().filter(d -> d.band() == Band.R).toList();
        List<Detection> shuffledR = shuffled(sorted);
        BazinFit a = BazinFit.of(sorted.stream().mapToDouble(Detection::jd).toArray(), sorted.stream().mapToDouble(Detection::magpsf).toArray(),
                sorted.stream().mapToDouble(Detection::sigmapsf).toArray());
        BazinFit b = BazinFit.of(shuffledR.stream().mapToDouble(Detection::jd).toArray(), shuffledR.stream().mapToDouble(Detection::magpsf).toArray(),
                shuffledR.stream().mapToDouble(Detection::sigmapsf).toArray());
        // same least-squares problem in another row order: the same optimum up to rounding
        assertEquals(a.riseDays(), b.riseDays(), 1e-6 * a.riseDays());
        assertEquals(a.fallDays(), b.fallDays(), 1e-6 * a.fallDays());
        assertEquals(a.peakOffset(), b.peakOffset(), 1e-6);
    }

    @Test
    void theSequenceIsMaskedBelowTwoDetectionsAndFiniteOtherwise() {
        cases.forEach((name, lc) -> {
            float[][] x = LightCurveSequence.encode(lc);
            if (LightCurveSequence.usable(lc).size() < LightCurveSequence.MIN_POINTS) {
                assertNull(x, name);
                return;
            }
            assertNotNull(x, name);
            for (float[] step : x) {
                assertEquals(LightCurveSequence.FEATURES, step.length);
                for (float s : step) {
                    assertTrue(Float.isFinite(s), name);
                }
            }
            // time steps never go backwards, and the same exposure is one step
            for (int i = 1; i < x.length; i++) {
                assertTrue(x[i][0] >= x[i - 1][0], name);
            }
        });
        assertNull(LightCurveSequence.encode(cases.get("one point")));
        assertNull(LightCurveSequence.encode(cases.get("two points, same epoch")), "one exposure twice is one detection");
        assertNull(LightCurveSequence.encode(cases.get("upper limits only")));
        assertTrue(deepEquals(LightCurveSequence.encode(base), LightCurveSequence.encode(cases.get("duplicated epochs"))));
        assertNotNull(LightCurveSequence.encode(cases.get("one band")));
    }

    @Test
    void theSameExposureFromTwoSourcesIsOneStepWhateverTheInputOrder() {
        Detection g = base.stream().filter(d -> d.band() == Band.G).findFirst().orElseThrow();
        Detection gAgain = withMag(g, g.magpsf() + 0.2); // same jd and band, another source's photometry
        Detection r = new Detection(g.objectId(), null, g.jd(), Band.R, g.magpsf() + 0.1, 0.1, null, null, null, null, null, null, null);
        Detection later = new Detection(g.objectId(), null, g.jd() + 2, Band.G, g.magpsf() - 0.5, 0.1, null, null, null, null, null, null, null);
        float[][] a = LightCurveSequence.encode(List.of(g, r, gAgain, later));
        float[][] b = LightCurveSequence.encode(List.of(later, gAgain, r, g));
        assertEquals(3, a.length, "g, r and the later point; the repeated g exposure is one step");
        assertTrue(deepEquals(a, b));
    }

    private static boolean deepEquals(float[][] a, float[][] b) {
        return java.util.Arrays.deepEquals(a, b);
    }

    @Test
    void modelInputsNeverThrowAndHaveNoInfinity() {
        cases.forEach((name, lc) -> {
            double[] v = TabularFeatures.modelInputsOf(object(name, lc));
            assertEquals(TabularFeatures.MODEL_INPUTS.size(), v.length, name);
            for (int i = 0; i < v.length; i++) {
                assertFalse(Double.isInfinite(v[i]), name + ": " + TabularFeatures.MODEL_INPUTS.get(i));
            }
        });
        double[] sorted = TabularFeatures.modelInputsOf(object("sorted", base));
        for (String name : List.of("out of order", "duplicated epochs", "unreadable points")) {
            double[] v = TabularFeatures.modelInputsOf(object(name, cases.get(name)));
            // the light-curve features agree with the clean curve's; the summary part too (LightCurveShape)
            for (int i = 0; i < v.length; i++) {
                assertEquals(sorted[i], v[i], 1e-9, name + ": " + TabularFeatures.MODEL_INPUTS.get(i));
            }
        }
    }

    private static ObjectData object(String name, List<Detection> lc) {
        return new ObjectData("ZTF00" + name.replaceAll("\\W", ""), null, null, lc, null, null, List.of());
    }

    /** 10 objects of each family from the ANTARES export (light curves only, no cutouts), a few LSTM epochs. */
    private static ModelBundle trainSmallBundle() throws Exception {
        Map<String, Integer> perFamily = new LinkedHashMap<>();
        List<LabelledObject> train = new ArrayList<>();
        List<String> lines = Files.readAllLines(ModelSamples.root().resolve("antares-bts/labels.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            if (perFamily.merge(c[3], 1, Integer::sum) > 10) {
                continue;
            }
            List<Detection> lc = LightCurveFeaturesTest.antares(c[0]);
            train.add(new LabelledObject(new ObjectData(c[0], null, null, lc, null, null, List.of()), TransientClass.ofFineClass(c[1]), c[1]));
        }
        MultimodalTrainer.Result r = trained = new MultimodalTrainer(7, (b, d, t) -> { }, 2, 1).train(train);
        assertNotNull(r.lstm(), r.notTrained().toString());
        BundleManifest m = new BundleManifest(BundleManifest.FORMAT, "test-bad-input", "2026-12-04T00:00:00Z",
                List.of("SN_IA", "SN_II", "OTHER"), TabularFeatures.MODEL_INPUTS, "hash", 7, r.trainedOn(), Map.of(), List.of(),
                Map.of(), Map.of(), ModelBundle.files(true, false, true));
        return new ModelBundle(m, r.xgboost(), r.lstm(), null, r.fusion());
    }

    private static ModelBundle serving(String model) {
        BundleManifest m = bundle.manifest();
        ServingChoice choice = new ServingChoice(model, Map.of(), "test");
        BundleManifest served = new BundleManifest(m.format(), m.version(), m.createdAt(), m.classes(), m.features(), m.trainingSetHash(),
                m.seed(), m.trainedOn(), m.testedOn(), m.testObjectIds(), Map.of("serving", choice.asParameters()), m.metrics(), m.files());
        return new ModelBundle(served, bundle.xgboost(), bundle.lstm(), null, trained.fusion());
    }

    @Test
    void everyCaseIsScoredWithFiniteProbabilitiesAndTheLstmMaskedWhereItCannotRead() {
        List<String> names = new ArrayList<>(cases.keySet());
        List<ObjectData> objects = names.stream().map(n -> object(n, cases.get(n))).toList();
        BranchOutputs out = bundle.outputs(objects);
        for (int i = 0; i < objects.size(); i++) {
            boolean readable = LightCurveSequence.usable(cases.get(names.get(i))).size() >= LightCurveSequence.MIN_POINTS;
            if (readable) {
                assertNotNull(out.lstm()[i], names.get(i) + ": the LSTM reads 2+ detections");
                assertProbabilities(names.get(i) + " lstm", out.lstm()[i]);
            } else {
                assertNull(out.lstm()[i], names.get(i) + ": fewer than 2 usable detections, the LSTM is masked");
            }
            assertNull(out.cnn()[i], "no cutouts, no CNN");
            assertProbabilities(names.get(i) + " xgboost", out.xgboost()[i]);
            assertProbabilities(names.get(i) + " fused", out.fused()[i]);
        }
        for (String model : List.of(ServingChoice.FUSED, ServingChoice.XGBOOST, ServingChoice.LSTM)) {
            double[][] p = serving(model).probabilities(objects);
            assertEquals(objects.size(), p.length);
            for (int i = 0; i < p.length; i++) {
                assertProbabilities(model + " serves " + names.get(i), p[i]);
            }
        }
    }

    private static void assertProbabilities(String what, double[] row) {
        assertNotNull(row, what);
        assertEquals(TransientClass.values().length, row.length, what);
        double sum = 0;
        for (double p : row) {
            assertTrue(Double.isFinite(p) && p >= 0 && p <= 1, what + ": " + java.util.Arrays.toString(row));
            sum += p;
        }
        assertEquals(1, sum, 1e-6, what);
    }

    private static double[] array(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
