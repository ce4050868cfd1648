package org.ztfclass.models.sequence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ztfclass.votables.domain.Detection;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.ztfclass.models.data.LabelledObject;
import org.ztfclass.models.neural.ClassWeights;
import org.ztfclass.models.neural.MiniBatches;
import org.ztfclass.models.neural.Network;
import org.ztfclass.models.neural.TrainingProgress;
import org.ztfclass.votables.domain.TransientClass;

/**
 * Trains the LSTM branch: one LSTM layer over the {@link LightCurveSequence} steps (masked to each
 * object's length), its last real step into a softmax layer; cross-entropy weighted by inverse
 * class frequency; Adam; seeded initialisation, batch order and augmentation, so the same data
 * and seed give the same network. Objects without a sequence are skipped.
 *
 * <p>Augmentation, drawn anew each epoch so the network sees young and sparse light curves as
 * well as whole ones: with probability {@link #TRUNCATE_PROBABILITY} only the first 5, 10, 20 or
 * 40 days after the first detection ({@link #TRUNCATION_DAYS}, equally likely); each detection
 * dropped with probability {@link #DROP_PROBABILITY} (at least {@link LightCurveSequence#MIN_POINTS}
 * kept); each magnitude moved by Gaussian noise of its own error.
 */
public final class LstmTrainer {

    /** Hidden units. */
    public static final int HIDDEN = 32;
    /** Passes over the training set. */
    public static final int EPOCHS = 15;
    /** Days after the first detection at which an augmented light curve may be cut. */
    public static final double[] TRUNCATION_DAYS = {5, 10, 20, 40};
    /** Chance that an object's light curve is cut in an epoch. */
    public static final double TRUNCATE_PROBABILITY = 0.5;
    /** Chance that a detection is dropped in an epoch. */
    public static final double DROP_PROBABILITY = 0.2;
    /** Mini-batch size. */
    public static final int BATCH = 32;
    /** Adam step size. */
    public static final double LEARNING_RATE = 1e-2;
    /** L2 penalty on the weights. */
    public static final double L2 = 1e-3;

    private final long seed;
    private final int epochs;

    /** A trainer of {@link #EPOCHS} epochs. */
    public LstmTrainer(long seed) {
        this(seed, EPOCHS);
    }

    /** @param epochs passes over the training set (fewer for quick tests) */
    public LstmTrainer(long seed, int epochs) {
        this.seed = seed;
        this.epochs = epochs;
    }

    /** @return the hyper-parameters, for the manifest */
    public static Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("hidden", HIDDEN);
        p.put("epochs", EPOCHS);
        p.put("batch", BATCH);
        p.put("learning_rate", LEARNING_RATE);
        p.put("l2", L2);
        p.put("step_features", LightCurveSequence.FEATURES);
        p.put("max_steps", LightCurveSequence.MAX_STEPS);
        p.put("window_days", LightCurveSequence.WINDOW_DAYS);
        p.put("min_points", LightCurveSequence.MIN_POINTS);
        p.put("augmentation", "each epoch: first 5/10/20/40 days with probability " + TRUNCATE_PROBABILITY + ", points dropped with probability "
                + DROP_PROBABILITY + ", Gaussian noise of each point's error");
        return p;
    }

    /**
     * @throws IllegalArgumentException if no object has a sequence
     */
    public LstmClassifier train(List<LabelledObject> objects, TrainingProgress progress) {
        List<float[][]> seqs = new ArrayList<>();
        List<List<Detection>> curves = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (LabelledObject o : objects) {
            List<Detection> usable = LightCurveSequence.usable(o.data().lightCurve());
            if (!usable.isEmpty()) {
                seqs.add(LightCurveSequence.encode(usable));
                curves.add(usable);
                labels.add(o.label().ordinal());
            }
        }
        if (seqs.isEmpty()) {
            throw new IllegalArgumentException("no labelled object has a light-curve sequence to train the LSTM on");
        }
        int classes = TransientClass.values().length;
        int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(LEARNING_RATE))
                .weightInit(WeightInit.XAVIER)
                .l2(L2)
                .list()
                .layer(new LastTimeStep(new LSTM.Builder().nIn(LightCurveSequence.FEATURES).nOut(HIDDEN).activation(Activation.TANH).build()))
                .layer(new OutputLayer.Builder(new LossMCXENT(Nd4j.create(ClassWeights.of(y, classes)).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT)))
                        .nIn(HIDDEN).nOut(classes).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.recurrent(LightCurveSequence.FEATURES))
                .build();
        org.ztfclass.models.neural.NativeThreads.single();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        for (int epoch = 0; epoch < epochs; epoch++) {
            Random random = new Random(seed * 1_000_003L + epoch);
            for (int[] batch : MiniBatches.of(seqs.size(), BATCH, seed, epoch)) {
                List<float[][]> bs = new ArrayList<>();
                float[][] yb = new float[batch.length][classes];
                for (int i = 0; i < batch.length; i++) {
                    float[][] augmented = LightCurveSequence.encode(augment(curves.get(batch[i]), random));
                    bs.add(augmented != null ? augmented : seqs.get(batch[i]));
                    yb[i][y[batch[i]]] = 1;
                }
                Object[] packed = LightCurveSequence.encodeBatch(bs);
                net.fit(new DataSet(Nd4j.create((float[][][]) packed[0]), Nd4j.create(yb), Nd4j.create((float[][]) packed[1]), null));
            }
            progress.step("lstm", epoch + 1, epochs);
        }
        return new LstmClassifier(new Network(net));
    }

    /** @return a randomly cut, thinned and perturbed copy of a time-ordered light curve */
    static List<Detection> augment(List<Detection> curve, Random random) {
        double end = Double.POSITIVE_INFINITY;
        if (random.nextDouble() < TRUNCATE_PROBABILITY) {
            end = curve.get(0).jd() + TRUNCATION_DAYS[random.nextInt(TRUNCATION_DAYS.length)];
        }
        List<Detection> out = new ArrayList<>();
        for (Detection d : curve) {
            if (d.jd() > end || random.nextDouble() < DROP_PROBABILITY && curve.size() > LightCurveSequence.MIN_POINTS + 1) {
                continue;
            }
            double err = d.sigmapsf() == null || !Double.isFinite(d.sigmapsf()) || d.sigmapsf() <= 0 ? 0.1 : d.sigmapsf();
            double mag = d.magpsf() + random.nextGaussian() * Math.min(err, 0.5);
            out.add(new Detection(d.objectId(), d.candid(), d.jd(), d.band(), mag, d.sigmapsf(), d.diffmaglim(), d.ra(), d.dec(),
                    d.rb(), d.drb(), d.isdiffpos(), d.programid()));
        }
        return out;
    }
}
