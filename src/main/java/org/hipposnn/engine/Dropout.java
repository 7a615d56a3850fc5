package org.hipposnn.engine;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.BernoulliDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Inverted dropout with its own seeded generator. {@link #mask} draws one mask (values 0 or
 * 1/(1-rate)) that the caller keeps: the ANN applies it once, the SNN applies the same mask at every
 * one of its T steps (as in Rathi et al.) and again in the backward pass.
 */
public final class Dropout {
    private final double rate;
    private final Random rng;

    public Dropout(double rate, long seed) {
        if (!(rate >= 0 && rate < 1)) throw new IllegalArgumentException("dropout rate must be in [0, 1): " + rate);
        this.rate = rate;
        this.rng = Nd4j.getRandomFactory().getNewRandomInstance(seed);
    }

    public double rate() { return rate; }

    /** A fresh mask of the given shape (per slice, without the time dimension). */
    public INDArray mask(DataType type, long... shape) {
        INDArray m = Nd4j.createUninitialized(type, shape);
        Nd4j.getExecutioner().exec(new BernoulliDistribution(m, 1.0 - rate), rng);
        return m.muli(1.0 / (1.0 - rate));
    }
}
