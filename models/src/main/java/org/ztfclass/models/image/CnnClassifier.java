package org.ztfclass.models.image;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.factory.Nd4j;
import org.ztfclass.models.data.ObjectData;
import org.ztfclass.models.neural.Network;

/**
 * The CNN branch at inference: class probabilities from the cutout triplet
 * ({@link CutoutTriplet}). An object without a usable triplet (no cutouts, a stamp that cannot
 * be decoded, all NaN) gets no row (null): the branch is masked for it. Thread-safe.
 */
public final class CnnClassifier {

    /** File name of the network inside a bundle. */
    public static final String FILE = "cnn.zip";
    private static final int BATCH = 128;

    private final Network network;

    public CnnClassifier(Network network) {
        this.network = network;
    }

    /** Loads a network saved by {@link #save}. */
    public static CnnClassifier load(Path file) throws IOException {
        return new CnnClassifier(Network.load(file));
    }

    /** Writes the network. */
    public void save(Path file) throws IOException {
        network.save(file);
    }

    /** @return per object its probabilities ({@code TransientClass} order), or null if it has no usable triplet */
    public double[][] predict(List<ObjectData> objects) {
        double[][] out = new double[objects.size()][];
        List<Integer> rows = new ArrayList<>();
        List<float[]> images = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            ObjectData o = objects.get(i);
            if (o.cutouts().isEmpty()) {
                continue;
            }
            try {
                images.add(CutoutTriplet.encode(o.objectId(), o.cutouts()));
                rows.add(i);
            } catch (CutoutTriplet.Unusable | RuntimeException e) {
                // masked: the fusion classifies the object from its other branches
            }
        }
        for (int from = 0; from < images.size(); from += BATCH) {
            int to = Math.min(images.size(), from + BATCH);
            double[][] p = network.predict(CnnTrainer.batch(images.subList(from, to)), null);
            for (int i = from; i < to; i++) {
                out[rows.get(i)] = p[i - from];
            }
        }
        return out;
    }
}
