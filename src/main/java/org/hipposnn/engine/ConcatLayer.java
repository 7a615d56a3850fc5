package org.hipposnn.engine;

import org.hipposnn.network.LayerSpec;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Channel concatenation of two inputs (first input's channels first). */
public record ConcatLayer(LayerSpec spec) implements Layer {
    @Override
    public INDArray forward(INDArray[] inputs, INDArray weight) {
        return Nd4j.concat(1, inputs);
    }

    @Override
    public Gradients backward(INDArray[] inputs, INDArray weight, INDArray gradOutput) {
        INDArray[] g = new INDArray[inputs.length];
        long from = 0;
        for (int i = 0; i < inputs.length; i++) {
            long c = inputs[i].size(1);
            g[i] = gradOutput.get(NDArrayIndex.all(), NDArrayIndex.interval(from, from + c),
                    NDArrayIndex.all(), NDArrayIndex.all()).dup();
            from += c;
        }
        return new Gradients(g, null);
    }
}
