package org.ztfclass.models.neural;

import java.io.IOException;
import java.nio.file.Path;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trained Deeplearning4j network as the bundle keeps it: saved to and loaded from one zip
 * file (DL4J's own format, without updater state), with inference that is safe to call from many
 * threads (DL4J's {@code output} is not, so calls are serialised on the network).
 */
public final class Network {

    private final MultiLayerNetwork net;

    public Network(MultiLayerNetwork net) {
        NativeThreads.single();
        this.net = net;
    }

    /** @throws IOException naming the file if it is not a DL4J network */
    public static Network load(Path file) throws IOException {
        NativeThreads.single();
        try {
            return new Network(ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false));
        } catch (IOException | RuntimeException e) {
            throw new IOException("not a Deeplearning4j network: " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the network (weights and configuration). */
    public void save(Path file) throws IOException {
        ModelSerializer.writeModel(net, file.toFile(), false);
    }

    /**
     * @param features input batch
     * @param mask     per-step mask of a recurrent input, or null
     * @return class probabilities, one row per example
     */
    public double[][] predict(INDArray features, INDArray mask) {
        INDArray out;
        synchronized (net) {
            out = net.output(features, false, mask, null);
        }
        return out.toDoubleMatrix();
    }

    /** @return the number of trainable parameters */
    public long parameters() {
        return net.numParams();
    }
}
