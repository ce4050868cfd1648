package org.ztfclass.models.fusion;

import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.ztfclass.models.neural.ClassWeights;
import org.ztfclass.models.neural.Network;
import org.ztfclass.models.neural.TrainingProgress;
import org.ztfclass.votables.domain.TransientClass;

/**
 * Trains the fusion network on the branches' outputs for objects they did not train on
 * (out-of-fold outputs, as honest as on new objects): a softmax layer on
 * {@link FusionFeatures}, cross-entropy weighted by inverse class frequency, full-batch Adam,
 * L2 (few objects have LSTM or CNN outputs). Then fits the temperature on the same objects.
 * Seeded: same inputs, same network.
 */
public final class FusionTrainer {

    /** Full-batch steps. */
    public static final int STEPS = 300;
    /** Adam step size. */
    public static final double LEARNING_RATE = 0.03;
    /** L2 penalty on the weights. */
    public static final double L2 = 1e-2;

    private final long seed;

    public FusionTrainer(long seed) {
        this.seed = seed;
    }

    /** @return the hyper-parameters, for the manifest (the temperature is added by the caller) */
    public static Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("layer", "softmax on " + FusionFeatures.WIDTH + " inputs: centred log-probabilities of xgboost, lstm, cnn + lstm/cnn availability");
        p.put("steps", STEPS);
        p.put("learning_rate", LEARNING_RATE);
        p.put("l2", L2);
        p.put("calibration", "temperature scaling on the same out-of-fold outputs (negative log-likelihood, golden-section search)");
        return p;
    }

    /**
     * @param xgb  XGBoost probabilities of the validation objects
     * @param lstm LSTM probabilities, rows null where masked
     * @param cnn  CNN probabilities, rows null where masked
     * @param y    true classes
     */
    public FusionClassifier train(double[][] xgb, double[][] lstm, double[][] cnn, int[] y, TrainingProgress progress) {
        if (y.length == 0) {
            throw new IllegalArgumentException("no validation objects to train the fusion on");
        }
        int classes = TransientClass.values().length;
        float[][] x = new float[y.length][];
        float[][] labels = new float[y.length][classes];
        for (int i = 0; i < y.length; i++) {
            x[i] = FusionFeatures.of(xgb[i], lstm[i], cnn[i]);
            labels[i][y[i]] = 1;
        }
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(LEARNING_RATE))
                .weightInit(WeightInit.XAVIER)
                .l2(L2)
                .list()
                .layer(new OutputLayer.Builder(new LossMCXENT(Nd4j.create(ClassWeights.of(y, classes)).castTo(DataType.FLOAT)))
                        .nIn(FusionFeatures.WIDTH).nOut(classes).activation(Activation.SOFTMAX).build())
                .build();
        org.ztfclass.models.neural.NativeThreads.single();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        DataSet data = new DataSet(Nd4j.create(x), Nd4j.create(labels));
        for (int s = 0; s < STEPS; s++) {
            net.fit(data);
            if ((s + 1) % 30 == 0) {
                progress.step("fusion", s + 1, STEPS);
            }
        }
        FusionClassifier uncalibrated = new FusionClassifier(new Network(net), 1.0);
        double t = TemperatureScaling.fit(uncalibrated.raw(xgb, lstm, cnn), y);
        return new FusionClassifier(new Network(net), t);
    }
}
