package org.ztfclass.models.image;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
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
 * Trains the CNN branch on the 3x63x63 cutout triplets: two small convolution + max-pooling
 * stages, a dense layer, softmax; cross-entropy weighted by inverse class frequency; each epoch
 * sees every training triplet in one of its 8 rotations/reflections (seeded). Same data and seed,
 * same network. Objects without a usable triplet are skipped.
 */
public final class CnnTrainer {

    /** Filters of the first and second convolution. */
    public static final int FILTERS_1 = 8;
    public static final int FILTERS_2 = 16;
    /** Units of the dense layer. */
    public static final int DENSE = 32;
    /** Passes over the training set. */
    public static final int EPOCHS = 25;
    /** Mini-batch size. */
    public static final int BATCH = 16;
    /** Adam step size. */
    public static final double LEARNING_RATE = 2e-3;
    /** L2 penalty on the weights. */
    public static final double L2 = 1e-3;

    private final long seed;
    private final int epochs;

    /** A trainer of {@link #EPOCHS} epochs. */
    public CnnTrainer(long seed) {
        this(seed, EPOCHS);
    }

    /** @param epochs passes over the training set (fewer for quick tests) */
    public CnnTrainer(long seed, int epochs) {
        this.seed = seed;
        this.epochs = epochs;
    }

    /** @return the hyper-parameters, for the manifest */
    public static Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("conv", List.of("5x5/2 x" + FILTERS_1, "maxpool 2", "3x3 x" + FILTERS_2, "maxpool 2"));
        p.put("dense", DENSE);
        p.put("epochs", EPOCHS);
        p.put("batch", BATCH);
        p.put("learning_rate", LEARNING_RATE);
        p.put("l2", L2);
        p.put("augmentation", "one of 8 rotations/reflections per triplet per epoch");
        p.put("input", CutoutTriplet.CHANNELS + "x" + CutoutTriplet.SIZE + "x" + CutoutTriplet.SIZE + " science/template/difference");
        return p;
    }

    /** @return the triplets as a {@code [n, 3, 63, 63]} batch */
    static INDArray batch(List<float[]> images) {
        int s = CutoutTriplet.SIZE;
        float[] flat = new float[images.size() * CutoutTriplet.CHANNELS * s * s];
        int at = 0;
        for (float[] im : images) {
            System.arraycopy(im, 0, flat, at, im.length);
            at += im.length;
        }
        return Nd4j.create(flat, new long[] {images.size(), CutoutTriplet.CHANNELS, s, s}, 'c');
    }

    /**
     * @throws IllegalArgumentException if no object has a usable triplet
     */
    public CnnClassifier train(List<LabelledObject> objects, TrainingProgress progress) {
        List<float[]> images = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (LabelledObject o : objects) {
            try {
                images.add(CutoutTriplet.encode(o.data().objectId(), o.data().cutouts()));
                labels.add(o.label().ordinal());
            } catch (CutoutTriplet.Unusable e) {
                // no image for this object: it trains the other branches only
            }
        }
        if (images.isEmpty()) {
            throw new IllegalArgumentException("no labelled object has usable cutouts to train the CNN on");
        }
        int classes = TransientClass.values().length;
        int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(LEARNING_RATE))
                .weightInit(WeightInit.RELU)
                .l2(L2)
                .list()
                .layer(new ConvolutionLayer.Builder(5, 5).stride(2, 2).nOut(FILTERS_1).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(FILTERS_2).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new DenseLayer.Builder().nOut(DENSE).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(new LossMCXENT(Nd4j.create(ClassWeights.of(y, classes)).castTo(DataType.FLOAT)))
                        .nOut(classes).activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build())
                .setInputType(InputType.convolutional(CutoutTriplet.SIZE, CutoutTriplet.SIZE, CutoutTriplet.CHANNELS))
                .build();
        org.ztfclass.models.neural.NativeThreads.single();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        java.util.Random augment = new java.util.Random(seed);
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int[] b : MiniBatches.of(images.size(), BATCH, seed, epoch)) {
                List<float[]> bs = new ArrayList<>();
                float[][] yb = new float[b.length][classes];
                for (int i = 0; i < b.length; i++) {
                    bs.add(CutoutTriplet.transformed(images.get(b[i]), augment.nextInt(8)));
                    yb[i][y[b[i]]] = 1;
                }
                net.fit(new DataSet(batch(bs), Nd4j.create(yb)));
            }
            progress.step("cnn", epoch + 1, epochs);
        }
        return new CnnClassifier(new Network(net));
    }
}
