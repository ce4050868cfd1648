package org.ztfclass.models.sequence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * class frequency; Adam; seeded initialisation and batch order, so the same data and seed give
 * the same network. Objects without a sequence are skipped (the caller chooses the training set:
 * see the bundle's provenance for why not every light curve is used).
 */
public final class LstmTrainer {

    /** Hidden units. */
    public static final int HIDDEN = 16;
    /** Passes over the training set. */
    public static final int EPOCHS = 40;
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
        return p;
    }

    /**
     * @throws IllegalArgumentException if no object has a sequence
     */
    public LstmClassifier train(List<LabelledObject> objects, TrainingProgress progress) {
        List<float[][]> seqs = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (LabelledObject o : objects) {
            float[][] s = LightCurveSequence.encode(o.data().lightCurve());
            if (s != null) {
                seqs.add(s);
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
            for (int[] batch : MiniBatches.of(seqs.size(), BATCH, seed, epoch)) {
                List<float[][]> bs = new ArrayList<>();
                float[][] yb = new float[batch.length][classes];
                for (int i = 0; i < batch.length; i++) {
                    bs.add(seqs.get(batch[i]));
                    yb[i][y[batch[i]]] = 1;
                }
                Object[] packed = LightCurveSequence.encodeBatch(bs);
                net.fit(new DataSet(Nd4j.create((float[][][]) packed[0]), Nd4j.create(yb), Nd4j.create((float[][]) packed[1]), null));
            }
            progress.step("lstm", epoch + 1, epochs);
        }
        return new LstmClassifier(new Network(net));
    }
}
