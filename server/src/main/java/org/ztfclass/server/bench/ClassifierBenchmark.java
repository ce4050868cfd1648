package org.ztfclass.server.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ztfclass.models.data.LabelledObject;
import org.ztfclass.models.data.ObjectData;
import org.ztfclass.models.features.TabularFeatures;
import org.ztfclass.models.xgboost.XgbClassifier;
import org.ztfclass.models.xgboost.XgbTrainer;
import org.ztfclass.server.learning.InputObjects;
import org.ztfclass.votables.domain.TransientClass;

/**
 * Inference objects/s of the classifier's branches on the shipped objects (features alone as the
 * reference, then features + XGBoost), the projected time for 250,000 objects, and the time to
 * retrain XGBoost on 3,000 labelled objects (drawn with replacement from the shipped BTS labels).
 */
public final class ClassifierBenchmark {

    private static final int PROJECTED = 250_000;

    private ClassifierBenchmark() {
    }

    public static void run(Path sample, int rounds, PrintStream out) throws Exception {
        List<ObjectData> objects = new InputObjects().read(List.of(sample.resolve("catalogues"), sample.resolve("alerce-30sne"),
                sample.resolve("lightcurves-snia"), sample.resolve("alerts"))).objects();
        List<LabelledObject> labelled = new ArrayList<>();
        for (ObjectData o : objects) {
            if (o.summary() != null && o.summary().fineClass() != null) {
                labelled.add(new LabelledObject(o, TransientClass.ofFineClass(o.summary().fineClass()), o.summary().fineClass()));
            }
        }
        Random random = new Random(1);
        List<LabelledObject> three = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            three.add(labelled.get(random.nextInt(labelled.size())));
        }
        out.printf("bench classifier: %,d shipped objects (BTS rows, light curves, ALeRCE detections, alerts)%n", objects.size());
        double bestTrain = Double.MAX_VALUE;
        XgbClassifier model = null;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            model = new XgbTrainer(r).train(three);
            bestTrain = Math.min(bestTrain, IngestBenchmark.seconds(t0));
        }
        double bestFeatures = 0;
        double bestXgb = 0;
        for (int r = 0; r < rounds; r++) {
            long t1 = System.nanoTime();
            double sink = 0;
            for (ObjectData o : objects) {
                sink += TabularFeatures.of(o)[0];
            }
            bestFeatures = Math.max(bestFeatures, objects.size() / IngestBenchmark.seconds(t1));
            long t2 = System.nanoTime();
            for (int from = 0; from < objects.size(); from += 1000) {
                model.predict(objects.subList(from, Math.min(objects.size(), from + 1000)));
            }
            bestXgb = Math.max(bestXgb, objects.size() / IngestBenchmark.seconds(t2));
            if (Double.isNaN(sink) && sink > 0) {
                out.print("");
            }
        }
        out.printf("reference  tabular features alone:              %,10.0f objects/s -> 250,000 in %6.1f s%n", bestFeatures,
                PROJECTED / bestFeatures);
        out.printf("ztfclass   features + XGBoost (batches of 1000): %,10.0f objects/s -> 250,000 in %6.1f s (goal with LSTM: < 120 s)%n",
                bestXgb, PROJECTED / bestXgb);
        out.printf("ztfclass   retrain XGBoost on 3,000 labelled objects: %.2f s (goal: < 10 s)%n", bestTrain);
        out.println("not measured: LSTM, CNN and fusion branches (not built yet)");
    }
}
