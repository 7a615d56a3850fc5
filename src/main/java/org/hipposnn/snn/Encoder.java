package org.hipposnn.snn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Turns analogue slices x [B, 1, H, W] (intensities in [0, 1], or [-1, 1]) into the SNN's input,
 * a time-major stack [K*B, 1, H, W] of K steps. A simulation calls {@link #start} once and then
 * {@link #next} for consecutive chunks of steps; the steps produced do not depend on how the
 * simulation is chunked (same seed, same x: same T steps).
 */
public interface Encoder {

    /**
     * Whether the input is spikes (events the first convolution accumulates) rather than analogue
     * currents (which it multiplies): the energy estimate charges the first layer accordingly.
     */
    default boolean spikes() { return true; }

    /** Begins a new input stream for x (not freed or modified) drawn from {@code seed}. */
    Stream start(INDArray x, long seed);

    interface Stream {
        /** The next k steps, [k*B, 1, H, W], same data type as x; the caller frees it. */
        INDArray next(int k);
    }
}
