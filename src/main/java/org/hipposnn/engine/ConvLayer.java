package org.hipposnn.engine;

import org.hipposnn.network.LayerSpec;
import org.nd4j.linalg.api.ndarray.INDArray;

/** k x k "same" convolution without bias (CONV and the 1 x 1 OUTPUT node). */
public record ConvLayer(LayerSpec spec) implements Layer {
    @Override
    public INDArray forward(INDArray[] inputs, INDArray weight) {
        return NativeOps.conv2d(inputs[0], weight);
    }

    @Override
    public Gradients backward(INDArray[] inputs, INDArray weight, INDArray gradOutput) {
        INDArray[] g = NativeOps.conv2dBackward(inputs[0], weight, gradOutput);
        return new Gradients(new INDArray[] {g[0]}, g[1]);
    }
}
