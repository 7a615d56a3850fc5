package org.hipposnn.snn;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.hipposnn.engine.Neuron;
import org.hipposnn.network.LayerSpec;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The float32 inference loop and the general (training) loop of {@link IfNeuron} give the same spikes. */
class InferencePathTest {
    @Test
    void inferenceAndTrainingPassesSpikeIdentically() {
        LayerSpec layer = new LayerSpec("e1", LayerSpec.Kind.CONV, List.of("input"), 1, 3, 3, 5, 4, false);
        int steps = 7;
        Nd4j.getRandom().setSeed(11);
        INDArray current = Nd4j.rand(DataType.FLOAT, steps * 2, 3, 5, 4).muli(1.6).subi(0.3);
        IfNeuron neuron = new IfNeuron(java.util.Map.of("e1", 0.9));
        neuron.setTimeSteps(steps);
        Neuron.Activation infer = neuron.forward(layer, current.dup(), false);
        Neuron.Activation train = neuron.forward(layer, current.dup(), true);
        assertEquals(train.output(), infer.output());
        double spikes = infer.output().sumNumber().doubleValue();
        assertTrue(spikes > 0 && spikes < current.length(), "a test with some spikes and some silence: " + spikes);
    }
}
