package org.hipposnn.engine;

import org.hipposnn.network.LayerSpec;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** ReLU: the ANN's neuron (and the SNN's rate-coded limit). Keeps only its output. */
public final class ReluNeuron implements Neuron {
    @Override
    public Activation forward(LayerSpec layer, INDArray current, boolean training) {
        INDArray out = Transforms.relu(current, false); // in place: the current is not needed again
        return new Activation() {
            @Override public INDArray output() { return out; }

            @Override public INDArray backward(INDArray gradOutput) {
                INDArray step = Transforms.step(out, true);
                INDArray g = step.muli(gradOutput);
                return g;
            }
        };
    }
}
