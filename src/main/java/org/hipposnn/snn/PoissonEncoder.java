package org.hipposnn.snn;

import java.util.SplittableRandom;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Rate coding (Rathi et al.): at every step a pixel of intensity x spikes with probability |x|,
 * with the sign of x (so inputs in [0, 1] give 0/1 spikes): {@code o = sign(x) if r < |x|}, r
 * uniform in [0, 1). Random numbers are drawn in time-major element order from one
 * {@link SplittableRandom} per stream, so chunked and unchunked simulations see the same spikes.
 */
public final class PoissonEncoder implements Encoder {
    @Override
    public Stream start(INDArray x, long seed) {
        INDArray xd = x.dup('c');
        int n = Math.toIntExact(xd.length());
        double[] v = new double[n];
        Blocks.of(xd).load(0, v, n);
        org.hipposnn.engine.Buffers.release(xd);
        SplittableRandom rnd = new SplittableRandom(seed);
        long[] shape = x.shape();
        return k -> {
            INDArray out = Nd4j.createUninitialized(x.dataType(), k * shape[0], shape[1], shape[2], shape[3]);
            Blocks ob = Blocks.of(out);
            double[] s = new double[n];
            for (int t = 0; t < k; t++) {
                for (int i = 0; i < n; i++) {
                    double p = v[i], r = rnd.nextDouble();
                    s[i] = r < Math.abs(p) ? Math.signum(p) : 0.0;
                }
                ob.store((long) t * n, s, n);
            }
            return out;
        };
    }
}
