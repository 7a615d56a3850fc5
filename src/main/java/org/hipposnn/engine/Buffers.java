package org.hipposnn.engine;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Frees off-heap arrays as soon as the engine is done with them. Left to the garbage collector,
 * a training loop's dead intermediates pile up off-heap until JavaCPP forces collections, and a
 * step measured 2-4x slower after a few dozen steps (docs/engine-choice.md).
 */
public final class Buffers {
    private Buffers() {}

    /** Closes each array that owns its buffer and is not closed yet; ignores nulls and views. */
    public static void release(INDArray... arrays) {
        for (INDArray a : arrays) {
            if (a != null && !a.wasClosed() && a.closeable()) a.close();
        }
    }
}
