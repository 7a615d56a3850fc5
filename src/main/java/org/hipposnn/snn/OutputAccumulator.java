package org.hipposnn.snn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The SNN's output layer (paper Eq. 3): the OUTPUT node does not spike; its membrane accumulates
 * the input current of every step, u_out[T] = sum_t I_out[t], and the logit fed to the sigmoid and
 * the loss is that sum divided by T (METHOD.md: otherwise its scale grows with T). Here: the
 * engine's OUTPUT node gives the per-step currents [T*B, 1, H, W]; {@link #mean} reduces them to
 * [B, 1, H, W] and {@link #backward} broadcasts dL/d(logit) / T back to every step.
 */
public final class OutputAccumulator {
    private OutputAccumulator() {}

    /** Adds the k steps of {@code stack} [k*B, ...] into {@code sum} (length B*...). */
    public static void accumulate(INDArray stack, int k, double[] sum) {
        int n = Math.toIntExact(stack.length() / k);
        if (sum.length != n) throw new IllegalArgumentException("sum has " + sum.length + " elements, a step has " + n);
        INDArray s = Blocks.dense(stack) ? stack : stack.dup('c');
        Blocks b = Blocks.of(s);
        double[] step = new double[n];
        for (int t = 0; t < k; t++) {
            b.load((long) t * n, step, n);
            for (int i = 0; i < n; i++) sum[i] += step[i];
        }
        if (s != stack) org.hipposnn.engine.Buffers.release(s);
    }

    /** A new [B, ...] array holding sum / steps. */
    public static INDArray toMean(double[] sum, int steps, INDArray like, long... shape) {
        INDArray out = Nd4j.createUninitialized(like.dataType(), shape);
        double[] m = new double[sum.length];
        for (int i = 0; i < m.length; i++) m[i] = sum[i] / steps;
        Blocks.of(out).store(0, m, m.length);
        return out;
    }

    /** The mean over T of the time-major stack [T*B, C, H, W]: a new [B, C, H, W] array. */
    public static INDArray mean(INDArray stack, int t) {
        long[] shape = stack.shape().clone();
        shape[0] /= t;
        double[] sum = new double[Math.toIntExact(stack.length() / t)];
        accumulate(stack, t, sum);
        return toMean(sum, t, stack, shape);
    }

    /** dL/d(per-step current) = dL/d(mean)/T at every step: a new [T*B, C, H, W] array. */
    public static INDArray backward(INDArray gradMean, int t) {
        long[] shape = gradMean.shape().clone();
        shape[0] *= t;
        int n = Math.toIntExact(gradMean.length());
        INDArray g = Blocks.dense(gradMean) ? gradMean : gradMean.dup('c');
        double[] v = new double[n];
        Blocks.of(g).load(0, v, n);
        if (g != gradMean) org.hipposnn.engine.Buffers.release(g);
        for (int i = 0; i < n; i++) v[i] /= t;
        INDArray out = Nd4j.createUninitialized(gradMean.dataType(), shape);
        Blocks ob = Blocks.of(out);
        for (int s = 0; s < t; s++) ob.store((long) s * n, v, n);
        return out;
    }
}
