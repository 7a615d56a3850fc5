package org.hipposnn.engine;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The segmentation losses on logits z and a binary target r of the same shape, each with its
 * gradient with respect to z. Sums and means run over the whole batch (all slices and pixels).
 */
public final class Losses {
    public static final double DICE_EPS = 1e-5;
    public static final double BCE_WEIGHT = 0.3, DICE_WEIGHT = 0.7;

    private Losses() {}

    /** A loss value and dL/d(logits). */
    public record Value(double loss, INDArray gradient) {}

    /** The losses the training can use. */
    public enum Kind {
        BCE, DICE, BCE_DICE;

        /** The name the paper, the command line and the macros use: bce, dice, bce-dice. */
        public String id() { return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'); }

        /** The loss by its {@link #id()}; the message names the choices. */
        public static Kind of(String id) {
            for (Kind k : values()) if (id != null && k.id().equals(id.trim().toLowerCase(java.util.Locale.ROOT))) return k;
            throw new IllegalArgumentException("'" + id + "' is not a loss; use bce, dice or bce-dice");
        }

        public Value evaluate(INDArray logits, INDArray target) {
            return switch (this) {
                case BCE -> bce(logits, target);
                case DICE -> dice(logits, target);
                case BCE_DICE -> bceDice(logits, target);
            };
        }
    }

    /** Binary cross-entropy with logits, mean over pixels: mean(max(z,0) - z r + log(1 + exp(-|z|))). */
    public static Value bce(INDArray z, INDArray r) {
        long n = z.length();
        INDArray zr = z.mul(r);
        INDArray soft = Transforms.log1p(Transforms.exp(Transforms.abs(z, true).negi(), false), false);
        INDArray terms = Transforms.relu(z, true).subi(zr).addi(soft);
        double loss = terms.sumNumber().doubleValue() / n;
        Buffers.release(zr, soft, terms);
        INDArray grad = Transforms.sigmoid(z, true).subi(r).divi(n);
        return new Value(loss, grad);
    }

    /** Soft Dice loss on s = sigmoid(z): 1 - (2 Σ s r + eps) / (Σ s + Σ r + eps). */
    public static Value dice(INDArray z, INDArray r) {
        INDArray s = Transforms.sigmoid(z, true);
        INDArray sr = s.mul(r);
        double inter = sr.sumNumber().doubleValue();
        Buffers.release(sr);
        double total = s.sumNumber().doubleValue() + r.sumNumber().doubleValue();
        double num = 2 * inter + DICE_EPS, den = total + DICE_EPS;
        double loss = 1 - num / den;
        // dL/ds = -(2 r den - num) / den^2 ; ds/dz = s (1 - s)
        INDArray dLds = r.mul(-2.0 / den).addi(num / (den * den));
        INDArray oneMinusS = s.rsub(1.0);
        INDArray grad = dLds.muli(s).muli(oneMinusS);
        Buffers.release(s, oneMinusS);
        return new Value(loss, grad);
    }

    /** 0.3 BCE + 0.7 Dice. */
    public static Value bceDice(INDArray z, INDArray r) {
        Value b = bce(z, r), d = dice(z, r);
        INDArray g = b.gradient().muli(BCE_WEIGHT).addi(d.gradient().muli(DICE_WEIGHT));
        Buffers.release(d.gradient());
        return new Value(BCE_WEIGHT * b.loss() + DICE_WEIGHT * d.loss(), g);
    }
}
