package org.hipposnn.snn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The statistic a conversion takes of a layer's currents or activations: the maximum, or a
 * percentile of the positive values (as SNN Toolbox, which takes percentiles of the non-zero
 * activations; zeros and negative currents never make a neuron fire, and counting the many zeros
 * of a sparse ReLU map would push the percentile toward 0). Percentiles come from a 65,536-bin
 * histogram over (0, max]: the result is the upper edge of the bin holding the p-th percentile,
 * so it is within max/65536 above the exact value (never below it).
 *
 * @param percentile in (0, 100]; 100 means the maximum
 */
public record PositiveStatistic(double percentile) {
    private static final int BINS = 1 << 16;

    public PositiveStatistic {
        if (!(percentile > 0 && percentile <= 100)) throw new IllegalArgumentException("percentile in (0, 100]: " + percentile);
    }

    public static PositiveStatistic max() { return new PositiveStatistic(100); }

    public boolean isMax() { return percentile == 100; }

    /** Largest value of the arrays (may be <= 0). */
    public static double maxOf(Iterable<INDArray> arrays) {
        double m = Double.NEGATIVE_INFINITY;
        for (INDArray a : arrays) m = Math.max(m, scan(a, null, 0));
        return m;
    }

    /** The statistic over all elements of all arrays; 0 when none is positive. */
    public double of(Iterable<INDArray> arrays) {
        double max = maxOf(arrays);
        if (!(max > 0)) return 0;
        if (isMax()) return max;
        long[] hist = new long[BINS];
        for (INDArray a : arrays) scan(a, hist, max);
        long total = 0;
        for (long h : hist) total += h;
        long rank = Math.max(1, (long) Math.ceil(percentile / 100.0 * total - 1e-9)); // nearest rank
        long cum = 0;
        for (int b = 0; b < BINS; b++) {
            cum += hist[b];
            if (cum >= rank) return max * (b + 1) / BINS;
        }
        return max;
    }

    public double of(INDArray a) { return of(java.util.List.of(a)); }

    /** Max of a (hist == null), or adds a's positive values to hist over (0, max]. */
    private static double scan(INDArray a, long[] hist, double max) {
        INDArray d = Blocks.dense(a) ? a : a.dup('c');
        long len = d.length();
        int block = (int) Math.min(len, 1 << 20);
        double[] buf = new double[block];
        Blocks b = Blocks.of(d);
        double m = Double.NEGATIVE_INFINITY;
        double scale = hist == null ? 0 : BINS / max;
        for (long from = 0; from < len; from += block) {
            int n = (int) Math.min(block, len - from);
            b.load(from, buf, n);
            if (hist == null) {
                for (int i = 0; i < n; i++) m = Math.max(m, buf[i]);
            } else {
                for (int i = 0; i < n; i++) {
                    double v = buf[i];
                    if (v > 0) hist[(int) Math.min(BINS - 1, Math.ceil(v * scale) - 1)]++;
                }
            }
        }
        if (d != a) org.hipposnn.engine.Buffers.release(d);
        return m;
    }
}
