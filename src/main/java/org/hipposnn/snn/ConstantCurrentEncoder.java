package org.hipposnn.snn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * "Direct" input: the analogue slice itself at every step (no randomness; the seed is ignored).
 * The first convolution then integrates a constant current, and its operations are
 * multiply-accumulates rather than spike-driven accumulates ({@link SpikeStats}).
 */
public final class ConstantCurrentEncoder implements Encoder {
    @Override
    public boolean spikes() { return false; }

    @Override
    public Stream start(INDArray x, long seed) {
        INDArray xd = x.dup('c');
        int n = Math.toIntExact(xd.length());
        double[] v = new double[n];
        Blocks.of(xd).load(0, v, n);
        org.hipposnn.engine.Buffers.release(xd);
        long[] s = x.shape();
        return k -> {
            INDArray out = Nd4j.createUninitialized(x.dataType(), k * s[0], s[1], s[2], s[3]);
            Blocks ob = Blocks.of(out);
            for (int t = 0; t < k; t++) ob.store((long) t * n, v, n);
            return out;
        };
    }
}
