package org.ztfclass.models.sequence;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
    /**
     * Sequences per network call. The sequences are batched shortest first, and a batch is only
     * as long as its longest sequence, so little time goes into padding (1.05 to 1.5 times the
     * objects/s of unsorted batches of 512, in calls of 1,000 shipped light curves; the answers are the same,
     * the padding being masked).
     */
    private static final int BATCH = 256;

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
        Integer[] shortestFirst = new Integer[seqs.size()];
        for (int i = 0; i < shortestFirst.length; i++) {
            shortestFirst[i] = i;
        }
        Arrays.sort(shortestFirst, Comparator.comparingInt(i -> seqs.get(i).length));
        for (int from = 0; from < shortestFirst.length; from += BATCH) {
            int to = Math.min(shortestFirst.length, from + BATCH);
            List<float[][]> batch = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                batch.add(seqs.get(shortestFirst[i]));
            }
            Object[] encoded = LightCurveSequence.encodeBatch(batch);
            double[][] p = network.predict(Nd4j.create((float[][][]) encoded[0]), Nd4j.create((float[][]) encoded[1]));
            for (int i = from; i < to; i++) {
                out[rows.get(shortestFirst[i])] = p[i - from];
            }
        }
        return out;
    }
}
