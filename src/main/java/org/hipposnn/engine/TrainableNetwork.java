package org.hipposnn.engine;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a training loop needs of a network, whether the ANN ({@link UNet} with ReLU) or the SNN
 * simulated over T steps: logits from inputs, weight gradients from dL/d(logits), the live weights.
 */
public interface TrainableNetwork {

    /** Logits [B, 1, H, W] for inputs [B, 1, H, W]; valid until the next forward pass. */
    INDArray forward(INDArray x, boolean training);

    /** Gradients of every weight given dL/d(logits) of the last forward pass. */
    Map<String, INDArray> backward(INDArray gradLogits);

    /** The weights, live (the optimiser updates them in place), in node order. */
    Map<String, INDArray> weights();

    /** Re-seeds dropout, so that an epoch's masks depend only on (seed, epoch): resumable runs. */
    void seedDropout(long seed);
}
