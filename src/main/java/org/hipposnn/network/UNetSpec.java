package org.hipposnn.network;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The one description of the bias-free U-Net (as in shared/bench/torch_reference.py), walked by the
 * ANN, the converted SNN and the BPTT fine-tuning alike.
 *
 * <p>With depth 3 and base width c the nodes are, in order:
 * <pre>
 *   e1  conv 1->c      e1b conv c->c      p1 avgpool
 *   e2  conv c->2c     e2b conv 2c->2c    p2 avgpool
 *   e3  conv 2c->4c    e3b conv 4c->4c
 *   u2  upconv 4c->2c  c2 concat(u2, e2b) d2 conv 4c->2c
 *   u1  upconv 2c->c   c1 concat(u1, e1b) d1 conv 2c->c
 *   out 1x1 conv c->1 (logits)
 * </pre>
 * No bias anywhere, average pooling, ReLU (or IF neurons) after every conv and upconv except out.
 *
 * <p>Dropout (rate {@link #dropout()}, default 0.1) is applied while training to the output of each
 * block: the second conv of every encoder level (e1b, e2b, ...; so both the pooled path and the
 * skip see the same dropped units) and every decoder conv (d2, d1, ...). Not to the input, the
 * upconvs or the output. Rate 0 disables it.
 */
public record UNetSpec(int height, int width, int baseWidth, int depth, int kernel, double dropout) {

    public static final int DEFAULT_HEIGHT = 56, DEFAULT_WIDTH = 48, DEFAULT_BASE_WIDTH = 32,
            DEFAULT_DEPTH = 3, DEFAULT_KERNEL = 3;
    public static final double DEFAULT_DROPOUT = 0.1;
    /** Name of the network input in {@link LayerSpec#inputs()}. */
    public static final String INPUT = "input";

    public UNetSpec {
        if (depth < 1) throw new IllegalArgumentException("depth must be >= 1, got " + depth);
        if (baseWidth < 1) throw new IllegalArgumentException("base width must be >= 1, got " + baseWidth);
        if (kernel < 1 || kernel % 2 == 0)
            throw new IllegalArgumentException("kernel must be odd and >= 1 (same padding), got " + kernel);
        if (!(dropout >= 0 && dropout < 1)) throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        int f = 1 << (depth - 1);
        if (height < 1 || width < 1 || height % f != 0 || width % f != 0)
            throw new IllegalArgumentException("input " + height + "x" + width + " must be divisible by 2^(depth-1) = "
                    + f + " for a U-Net of depth " + depth + " (each of its " + (depth - 1) + " poolings halves it)");
    }

    /** The paper's network: 56 x 48 input, width 32, depth 3, 3 x 3 kernels, dropout 0.1. */
    public static UNetSpec defaults() {
        return new UNetSpec(DEFAULT_HEIGHT, DEFAULT_WIDTH, DEFAULT_BASE_WIDTH, DEFAULT_DEPTH, DEFAULT_KERNEL, DEFAULT_DROPOUT);
    }

    public static UNetSpec of(int height, int width, int baseWidth) {
        return new UNetSpec(height, width, baseWidth, DEFAULT_DEPTH, DEFAULT_KERNEL, DEFAULT_DROPOUT);
    }

    public UNetSpec withDropout(double rate) {
        return new UNetSpec(height, width, baseWidth, depth, kernel, rate);
    }

    /** The nodes in evaluation order (every node's inputs come before it). */
    public List<LayerSpec> layers() {
        List<LayerSpec> out = new ArrayList<>();
        boolean drop = dropout > 0;
        String prev = INPUT;
        int ch = 1, h = height, w = width;
        for (int level = 1; level <= depth; level++) {
            int c = baseWidth << (level - 1);
            if (level > 1) {
                String p = "p" + (level - 1);
                h /= 2; w /= 2;
                out.add(new LayerSpec(p, LayerSpec.Kind.AVG_POOL, List.of(prev), ch, ch, 2, h, w, false));
                prev = p;
            }
            out.add(new LayerSpec("e" + level, LayerSpec.Kind.CONV, List.of(prev), ch, c, kernel, h, w, false));
            out.add(new LayerSpec("e" + level + "b", LayerSpec.Kind.CONV, List.of("e" + level), c, c, kernel, h, w, drop));
            prev = "e" + level + "b";
            ch = c;
        }
        for (int level = depth - 1; level >= 1; level--) {
            int c = baseWidth << (level - 1);
            h *= 2; w *= 2;
            out.add(new LayerSpec("u" + level, LayerSpec.Kind.UP_CONV, List.of(prev), ch, c, 2, h, w, false));
            out.add(new LayerSpec("c" + level, LayerSpec.Kind.CONCAT, List.of("u" + level, "e" + level + "b"), 2 * c, 2 * c, 0, h, w, false));
            out.add(new LayerSpec("d" + level, LayerSpec.Kind.CONV, List.of("c" + level), 2 * c, c, kernel, h, w, drop));
            prev = "d" + level;
            ch = c;
        }
        out.add(new LayerSpec("out", LayerSpec.Kind.OUTPUT, List.of(prev), ch, 1, 1, h, w, false));
        return Collections.unmodifiableList(out);
    }

    /** Total multiply-accumulates of one ANN forward pass on one slice. */
    public long macs() {
        return layers().stream().mapToLong(LayerSpec::macs).sum();
    }
}
