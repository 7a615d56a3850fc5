package org.hipposnn.engine;

import org.hipposnn.network.LayerSpec;
import org.nd4j.linalg.api.ndarray.INDArray;

/** k x k average pooling with stride k. */
public record AvgPoolLayer(LayerSpec spec) implements Layer {
    @Override
    public INDArray forward(INDArray[] inputs, INDArray weight) {
        return NativeOps.avgPool(inputs[0], spec.kernel());
    }

    @Override
    public Gradients backward(INDArray[] inputs, INDArray weight, INDArray gradOutput) {
        return new Gradients(new INDArray[] {NativeOps.avgPoolBackward(inputs[0], gradOutput, spec.kernel())}, null);
    }
}
