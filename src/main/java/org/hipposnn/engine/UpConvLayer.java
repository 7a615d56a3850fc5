package org.hipposnn.engine;

import org.hipposnn.network.LayerSpec;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Transposed convolution, kernel = stride = 2, without bias (the decoder's up-sampling). */
public record UpConvLayer(LayerSpec spec) implements Layer {
    @Override
    public INDArray forward(INDArray[] inputs, INDArray weight) {
        return NativeOps.deconv2d(inputs[0], weight);
    }

    @Override
    public Gradients backward(INDArray[] inputs, INDArray weight, INDArray gradOutput) {
        INDArray[] g = NativeOps.deconv2dBackward(inputs[0], weight, gradOutput);
        return new Gradients(new INDArray[] {g[0]}, g[1]);
    }
}
