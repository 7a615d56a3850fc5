package org.hipposnn.snn;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.hipposnn.engine.Neuron;
import org.hipposnn.network.LayerSpec;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;

/** The IF recurrence cut into neuron ranges run side by side gives exactly what one range gives. */
class NeuronRangesTest {

    @Test
    void rangesCoverEveryNeuronOnce() {
        for (int n : new int[] {1, 7, 16384, 100_003}) {
            for (int parts = 1; parts <= 5; parts++) {
                assertEquals(0, NeuronRanges.start(n, parts, 0));
                assertEquals(n, NeuronRanges.start(n, parts, parts));
                int[] seen = new int[n];
                NeuronRanges.run(n, parts, (part, lo, len) -> {
                    for (int i = lo; i < lo + len; i++) seen[i]++;
                    return 0;
                });
                for (int i = 0; i < n; i++) assertEquals(1, seen[i], "neuron " + i + " of " + n + " in " + parts + " ranges");
            }
        }
    }

    @Test
    void aFailingRangeIsRethrownOnceAllRangesHaveFinished() {
        AtomicInteger finished = new AtomicInteger();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> NeuronRanges.run(4, 4, (part, lo, len) -> {
            if (part == 2) throw new IllegalStateException("range 2");
            try { Thread.sleep(50); } catch (InterruptedException ignored) { Thread.currentThread().interrupt(); }
            finished.incrementAndGet();
            return 0;
        }));
        assertEquals("range 2", e.getMessage());
        assertEquals(3, finished.get(), "the other ranges ran to the end before the failure came back");
    }

    @Test
    void threeRangesGiveTheSpikesPotentialGradientsOfOne() {
        // 2 x 10 x 56 x 48 = 53,760 neurons per step: three ranges of MIN_RANGE or more
        LayerSpec layer = new LayerSpec("e1", LayerSpec.Kind.CONV, List.of("input"), 1, 10, 3, 56, 48, false);
        int steps = 5;
        Nd4j.getRandom().setSeed(5);
        INDArray current = Nd4j.rand(DataType.FLOAT, steps * 2, 10, 56, 48).muli(1.5).subi(0.4);
        INDArray gradOut = Nd4j.rand(DataType.FLOAT, steps * 2, 10, 56, 48).subi(0.5);
        NativeOps ops = NativeOpsHolder.getInstance().getDeviceNativeOps();
        int threads = ops.ompGetMaxThreads();
        try {
            ops.setOmpNumThreads(1);
            assertEquals(1, NeuronRanges.parts(53_760));
            Result one = run(layer, steps, current, gradOut);
            ops.setOmpNumThreads(3);
            assertEquals(3, NeuronRanges.parts(53_760));
            Result three = run(layer, steps, current, gradOut);
            assertEquals(one.inferred, three.inferred);
            assertEquals(one.trained, three.trained);
            assertEquals(one.potentials, three.potentials);
            assertEquals(one.gradient, three.gradient);
            assertEquals(one.spikes, three.spikes);
            assertEquals(one.chunked, three.chunked);
            assertEquals(one.inferred, one.trained);
            assertEquals(one.inferred, one.chunked);
            double s = one.inferred.sumNumber().doubleValue();
            assertTrue(s > 0 && s < current.length(), "some spikes, some silence: " + s);
        } finally {
            ops.setOmpNumThreads(threads);
        }
    }

    private record Result(INDArray inferred, INDArray trained, INDArray potentials, INDArray gradient, double spikes,
                          INDArray chunked) {}

    private static Result run(LayerSpec layer, int steps, INDArray current, INDArray gradOut) {
        IfNeuron neuron = new IfNeuron(Map.of("e1", 0.9));
        neuron.setTimeSteps(steps);
        double[] spikes = new double[1];
        neuron.setSpikeListener((l, perStep, t, count) -> spikes[0] += count);
        INDArray inferred = neuron.forward(layer, current.dup(), false).output().dup();
        INDArray potentials = current.dup();
        Neuron.Activation a = neuron.forward(layer, potentials, true);
        INDArray trained = a.output().dup();
        INDArray gradient = a.backward(gradOut.dup()).dup();
        // stateful: steps 0-2, then 3-4 with the membranes carried over
        neuron.setStateful(true);
        neuron.setTimeSteps(3);
        INDArray first = neuron.forward(layer, current.get(NDArrayIndex.interval(0, 6)).dup(), false).output();
        neuron.setTimeSteps(2);
        INDArray second = neuron.forward(layer, current.get(NDArrayIndex.interval(6, 10)).dup(), false).output();
        return new Result(inferred, trained, potentials, gradient, spikes[0], Nd4j.concat(0, first, second));
    }
}
