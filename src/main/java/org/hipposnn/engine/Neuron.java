package org.hipposnn.engine;

import org.hipposnn.network.LayerSpec;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The non-linearity after each hidden node: ReLU in the ANN; an integrate-and-fire neuron that
 * runs its recurrence over T stacked time steps in the SNN. Each call returns an {@link Activation}
 * that holds the output and whatever its backward pass needs (the neuron chooses what to keep:
 * a ReLU keeps its output, an IF neuron may keep spikes as bytes and recompute potentials).
 */
public interface Neuron {

    Activation forward(LayerSpec layer, INDArray current, boolean training);

    interface Activation {
        INDArray output();

        /** dL/d(current) from dL/d(output). */
        INDArray backward(INDArray gradOutput);

        /** Frees what the neuron keeps besides {@link #output()} (which the network frees). */
        default void release() {}
    }
}
