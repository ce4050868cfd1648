package org.ztfclass.models.neural;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Seeded shuffles of example indices into mini-batches: same seed and epoch, same batches. */
public final class MiniBatches {

    private MiniBatches() {
    }

    /** @return index batches covering 0..n-1 once, shuffled with {@code seed} and {@code epoch} */
    public static List<int[]> of(int n, int batchSize, long seed, int epoch) {
        List<Integer> idx = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            idx.add(i);
        }
        Collections.shuffle(idx, new Random(seed * 1_000_003L + epoch));
        List<int[]> out = new ArrayList<>();
        for (int from = 0; from < n; from += batchSize) {
            int to = Math.min(n, from + batchSize);
            int[] b = new int[to - from];
            for (int i = from; i < to; i++) {
                b[i - from] = idx.get(i);
            }
            out.add(b);
        }
        return out;
    }
}
