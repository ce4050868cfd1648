package org.ztfclass.models.sequence;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.factory.Nd4j;
import org.ztfclass.models.data.ObjectData;
import org.ztfclass.models.neural.Network;

/**
 * The LSTM branch at inference: class probabilities from the light-curve sequence
 * ({@link LightCurveSequence}) of the object's ZTF photometry, whatever its source. An object
 * without a sequence (fewer than two usable detections) gets no row (null): the branch is masked
 * for it. Thread-safe.
 */
public final class LstmClassifier {

    /** File name of the network inside a bundle. */
    public static final String FILE = "lstm.zip";
    private static final int BATCH = 512;

    private final Network network;

    public LstmClassifier(Network network) {
        this.network = network;
    }

    /** Loads a network saved by {@link #save}. */
    public static LstmClassifier load(Path file) throws IOException {
        return new LstmClassifier(Network.load(file));
    }

    /** Writes the network. */
    public void save(Path file) throws IOException {
        network.save(file);
    }

    /** @return per object its probabilities ({@code TransientClass} order), or null if it has no sequence */
    public double[][] predict(List<ObjectData> objects) {
        double[][] out = new double[objects.size()][];
        List<Integer> rows = new ArrayList<>();
        List<float[][]> seqs = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            float[][] s = LightCurveSequence.encode(objects.get(i).lightCurve());
            if (s != null) {
                rows.add(i);
                seqs.add(s);
            }
        }
        for (int from = 0; from < seqs.size(); from += BATCH) {
            int to = Math.min(seqs.size(), from + BATCH);
            Object[] batch = LightCurveSequence.encodeBatch(seqs.subList(from, to));
            double[][] p = network.predict(Nd4j.create((float[][][]) batch[0]), Nd4j.create((float[][]) batch[1]));
            for (int i = from; i < to; i++) {
                out[rows.get(i)] = p[i - from];
            }
        }
        return out;
    }
}
