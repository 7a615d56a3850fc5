package org.hipposnn.snn;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import java.util.Random;

import org.hipposnn.engine.Losses;
import org.hipposnn.engine.UNet;
import org.hipposnn.network.UNetSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * BPTT against finite differences, in double precision: the IF neuron's forward step is replaced
 * by the smooth integral of its surrogate (o = alpha S(u/V - 1), S' = max(0, 1 - |x|)), so the
 * whole T-step computation is differentiable and its exact gradient is what the neuron's unchanged
 * backward recurrence (reset included) must produce. The real neuron runs the same backward code.
 * Covers per-layer thresholds, Poisson input (re-seeded per evaluation), pooling, upconv, concat,
 * dropout held over all steps, the accumulating output and both surrogate forms.
 */
class BpttGradientCheckTest {
    private static DataType oldFloat, oldDefault;

    @BeforeAll
    static void doubles() {
        oldFloat = Nd4j.defaultFloatingPointType(); oldDefault = Nd4j.dataType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    @AfterAll
    static void restore() { Nd4j.setDefaultDataTypes(oldDefault, oldFloat); }

    @ParameterizedTest
    @EnumSource(Surrogate.Form.class)
    void bpttMatchesFiniteDifferences(Surrogate.Form form) {
        UNet net = new UNet(new UNetSpec(4, 4, 2, 2, 3, 0.2), 3, DataType.DOUBLE);
        for (INDArray w : net.weights().values()) w.muli(2.0); // livelier smooth spikes
        net.holdMasks(true);
        SpikingUNet snn = new SpikingUNet(net);
        snn.neuron().setSmoothForward(true);
        snn.neuron().setSurrogate(new Surrogate(form, 1.0));
        snn.neuron().setResetGradient(ResetGradient.INCLUDED);
        snn.setThresholds(Map.of("e1", 0.4, "e1b", 0.7, "e2", 0.5, "e2b", 0.9, "u1", 0.6, "d1", 0.8));
        snn.setTimeSteps(4);
        Random rnd = new Random(5);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 2, 1, 4, 4);
        INDArray y = Nd4j.create(DataType.DOUBLE, 2, 1, 4, 4);
        for (int i = 0; i < y.length(); i++) y.putScalar(i, rnd.nextBoolean() ? 1 : 0);

        snn.setSeed(11);
        Losses.Value v = Losses.bce(snn.forward(x, true), y);
        Map<String, INDArray> grads = snn.backward(v.gradient());

        double h = 1e-6;
        int checked = 0, bad = 0, nonzero = 0;
        StringBuilder report = new StringBuilder();
        for (Map.Entry<String, INDArray> e : net.weights().entrySet()) {
            INDArray w = e.getValue(), g = grads.get(e.getKey());
            for (int k = 0; k < 8; k++) {
                long i = rnd.nextInt((int) w.length());
                double w0 = w.getDouble(i);
                w.putScalar(i, w0 + h);
                snn.setSeed(11);
                double lp = Losses.bce(snn.forward(x, true), y).loss();
                w.putScalar(i, w0 - h);
                snn.setSeed(11);
                double lm = Losses.bce(snn.forward(x, true), y).loss();
                w.putScalar(i, w0);
                double fd = (lp - lm) / (2 * h), an = g.getDouble(i);
                double err = Math.abs(fd - an) / Math.max(1e-6, Math.abs(fd) + Math.abs(an)); // FD round-off ~1e-10 absolute
                checked++;
                if (Math.abs(an) > 1e-7) nonzero++;
                if (err > 1e-4) { bad++; report.append(String.format("%s[%d] fd=%.8g an=%.8g%n", e.getKey(), i, fd, an)); }
            }
        }
        assertEquals(0, bad, bad + " of " + checked + " gradients wrong:\n" + report);
        assertTrue(nonzero > checked / 2, "too few non-zero gradients: " + nonzero + " of " + checked);
    }

    /** Spikes kept as bytes between the forward and the backward pass change no gradient bit. */
    @org.junit.jupiter.api.Test
    void spikesKeptAsBytesGiveTheSameGradients() {
        UNet net = new UNet(new UNetSpec(8, 8, 4, 2, 3, 0.1), 3, DataType.DOUBLE); // 1/(1-p) not a float
        for (INDArray w : net.weights().values()) w.muli(2.0);
        net.holdMasks(true);
        SpikingUNet snn = new SpikingUNet(net);
        snn.setThresholds(Map.of("e1", 0.4, "e1b", 0.7, "e2", 0.5, "e2b", 0.9, "u1", 0.6, "d1", 0.8));
        snn.setTimeSteps(5);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 3, 1, 8, 8);
        INDArray y = Nd4j.rand(DataType.DOUBLE, 3, 1, 8, 8).gt(0.5).castTo(DataType.DOUBLE);
        Map<String, INDArray> bytes = gradients(snn, x, y, true), floats = gradients(snn, x, y, false);
        long nonZero = 0;
        for (String k : floats.keySet()) {
            assertEquals(floats.get(k), bytes.get(k), k);
            nonZero += floats.get(k).neq(0).castTo(DataType.INT).sumNumber().longValue();
        }
        assertTrue(nonZero > 0, "all gradients zero: the comparison would be empty");
    }

    private static Map<String, INDArray> gradients(SpikingUNet snn, INDArray x, INDArray y, boolean asBytes) {
        snn.setSpikesAsBytes(asBytes);
        snn.setSeed(11);
        Map<String, INDArray> g = snn.backward(Losses.bce(snn.forward(x, true), y).gradient());
        Map<String, INDArray> copy = new java.util.LinkedHashMap<>();
        g.forEach((k, v) -> copy.put(k, v.dup()));
        return copy;
    }
}
