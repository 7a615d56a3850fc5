package org.hipposnn.engine;

import org.hipposnn.network.LayerSpec;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The linear part of one {@link LayerSpec} node (no neuron, no dropout): a pure function of its
 * inputs and weights, with its backward pass. Batches may stack time steps ([T*B, C, H, W]): the
 * layers do not care, which is what lets the SNN reuse them.
 */
public interface Layer {

    LayerSpec spec();

    /** @param inputs the node's inputs in {@link LayerSpec#inputs()} order; @param weight null if none */
    INDArray forward(INDArray[] inputs, INDArray weight);

    /** Gradients with respect to each input (same order) and to the weight (null if none). */
    record Gradients(INDArray[] inputs, INDArray weight) {}

    Gradients backward(INDArray[] inputs, INDArray weight, INDArray gradOutput);

    /** The implementation of a node. */
    static Layer of(LayerSpec spec) {
        return switch (spec.kind()) {
            case CONV, OUTPUT -> new ConvLayer(spec);
            case AVG_POOL -> new AvgPoolLayer(spec);
            case UP_CONV -> new UpConvLayer(spec);
            case CONCAT -> new ConcatLayer(spec);
        };
    }
}
