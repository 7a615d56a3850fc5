package org.hipposnn.snn;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;

import org.hipposnn.engine.Neuron;
import org.hipposnn.engine.UNet;
import org.hipposnn.network.LayerSpec;
import org.hipposnn.network.UNetSpec;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** IF dynamics, output accumulation, surrogate, BPTT and spike statistics against hand computation. */
class IfDynamicsTest {

    /** depth 1, width 1, 1x1 kernels on a 1x1 image: input -> e1 -> e1b -> out, all weights chosen. */
    static SpikingUNet tiny() {
        UNet net = new UNet(new UNetSpec(1, 1, 1, 1, 1, 0.0), 0, DataType.FLOAT);
        net.weights().get("e1").assign(1.0);
        net.weights().get("e1b").assign(1.0);
        net.weights().get("out").assign(2.0);
        SpikingUNet snn = new SpikingUNet(net);
        snn.setEncoder(new ConstantCurrentEncoder());
        snn.setThresholds(Map.of("e1", 1.0, "e1b", 1.5));
        snn.setTimeSteps(6);
        return snn;
    }

    static double[] column(INDArray a) { return a.castTo(DataType.DOUBLE).reshape(a.length()).toDoubleVector(); }

    @Test
    void spikeTimesResetBySubtractionAndAccumulatedOutput() {
        SpikingUNet snn = tiny();
        INDArray x = Nd4j.createFromArray(0.75f).reshape(1, 1, 1, 1);
        INDArray logit = snn.forward(x, false);
        // e1: current 0.75 each step, V = 1 (strict >):
        //   u = .75 | 1.5 -> spike, .5 | 1.25 -> spike, .25 | 1.0 (not > 1) | 1.75 -> spike, .75 | 1.5 -> spike
        assertArrayEquals(new double[] {0, 1, 1, 0, 1, 1}, column(snn.network().output("e1")));
        // e1b: current = e1's spikes, V = 1.5: u = 0 | 1 | 2 -> spike, .5 | .5 | 1.5 (not >) | 2.5 -> spike
        assertArrayEquals(new double[] {0, 0, 1, 0, 0, 1}, column(snn.network().output("e1b")));
        // out accumulates 2 * e1b's spikes without spiking: (2 + 2) / 6
        assertArrayEquals(new double[] {0, 0, 2, 0, 0, 2}, column(snn.network().output("out")));
        assertEquals(4.0 / 6, logit.getDouble(0), 1e-6);
    }

    @Test
    void chunkedInferenceCarriesTheMembrane() {
        SpikingUNet snn = tiny();
        INDArray x = Nd4j.createFromArray(0.75f).reshape(1, 1, 1, 1);
        for (int chunk : new int[] {1, 2, 4, 6, 10}) assertEquals(4.0 / 6, snn.infer(x, chunk).getDouble(0), 1e-6, "chunk " + chunk);
    }

    @Test
    void spikeStatisticsByHand() {
        SpikingUNet snn = tiny();
        SpikeStats stats = new SpikeStats();
        snn.setStats(stats);
        snn.forward(Nd4j.createFromArray(0.75f).reshape(1, 1, 1, 1), false);
        List<LayerSpikeStats> s = stats.layers(snn.network().spec(), snn.neuron());
        assertEquals(List.of("e1", "e1b", "out"), s.stream().map(LayerSpikeStats::layer).toList());
        // e1: 6 input events (the constant current), fan-out 1x1x1; fires 4 of 6 steps
        assertEquals(6, s.get(0).synapticOps(), 1e-9);
        assertEquals(4.0 / 6, s.get(0).firingRate(), 1e-9);
        assertEquals(4, s.get(0).spikes(), 1e-9);
        // e1b: 4 input spikes; fires 2 of 6
        assertEquals(4, s.get(1).synapticOps(), 1e-9);
        assertEquals(2.0 / 6, s.get(1).firingRate(), 1e-9);
        assertEquals(1.5, s.get(1).threshold());
        // out: 2 input spikes, no spikes of its own
        assertEquals(2, s.get(2).synapticOps(), 1e-9);
        assertTrue(Double.isNaN(s.get(2).firingRate()));
        assertEquals(1, s.get(2).annMacs());
        assertEquals(2 * 0.9, s.get(2).snnEnergyPj(), 1e-9);
        assertEquals(4.6, s.get(2).annEnergyPj(), 1e-9);
        // the constant current into e1 is multiplied, not accumulated: a MAC per event; spikes into e1b are accumulates
        assertEquals(6 * 4.6, s.get(0).snnEnergyPj(), 1e-9);
        assertEquals(4 * 0.9, s.get(1).snnEnergyPj(), 1e-9);
        snn.setEncoder(new PoissonEncoder());
        stats.clear();
        snn.forward(Nd4j.createFromArray(0.75f).reshape(1, 1, 1, 1), false);
        LayerSpikeStats e1 = stats.layers(snn.network().spec(), snn.neuron()).get(0);
        assertEquals(e1.synapticOps() * 0.9, e1.snnEnergyPj(), 1e-9, "input spikes are accumulates");
        assertTrue(e1.synapticOps() > 0 && e1.synapticOps() <= 6);

        // fan-out of a 3x3 conv with Cout channels and of the 2x2 upconv, through pool and concat:
        UNetSpec spec = new UNetSpec(4, 4, 2, 2, 3, 0.0);
        SpikingUNet two = new SpikingUNet(new UNet(spec, 1, DataType.FLOAT));
        two.setTimeSteps(3);
        SpikeStats st = new SpikeStats();
        two.setStats(st);
        two.setEncoder(new ConstantCurrentEncoder());
        two.forward(Nd4j.ones(DataType.FLOAT, 2, 1, 4, 4), false);
        Map<String, LayerSpikeStats> by = new java.util.HashMap<>();
        st.layers(spec, two.neuron()).forEach(l -> by.put(l.layer(), l));
        assertEquals(16 * 3, by.get("e1").inputEvents(), 1e-9);               // per slice: 16 pixels x 3 steps
        assertEquals(16 * 3 * 9 * 2, by.get("e1").synapticOps(), 1e-9);       // fan-out 3x3x2
        assertEquals(by.get("e1b").spikes(), by.get("e2").inputEvents(), 1e-9); // through the pool
        assertEquals(by.get("e2").spikes() * 9 * 4, by.get("e2b").synapticOps(), 1e-9);
        assertEquals(by.get("e2b").spikes() * 4 * 2, by.get("u1").synapticOps(), 1e-9); // 2x2 x Cout 2
        assertEquals(by.get("u1").spikes() + by.get("e1b").spikes(), by.get("d1").inputEvents(), 1e-9); // concat
    }

    @Test
    void surrogateForms() {
        Surrogate units = Surrogate.defaults(), paper = new Surrogate(Surrogate.Form.PAPER, 0.3);
        // u = 1.5, V = 2: threshold units (0.3 / 2) (1 - |0.75 - 1|); paper 0.3 (1 - |1.5 - 2|)
        assertEquals(0.15 * 0.75, units.derivative(1.5, 2), 1e-12);
        assertEquals(0.15, paper.derivative(1.5, 2), 1e-12);
        assertEquals(0, units.derivative(4.0, 2), 0);
        assertEquals(0, paper.derivative(0.9, 2), 0);
        // the smooth integral's derivative is the surrogate
        for (Surrogate s : List.of(units, paper))
            for (double u : new double[] {0.3, 1.2, 1.9, 2.4, 2.9}) {
                double h = 1e-6, fd = (s.integral(u + h, 2) - s.integral(u - h, 2)) / (2 * h);
                assertEquals(s.derivative(u, 2), fd, 1e-6, s + " at " + u);
            }
    }

    @Test
    void backwardThroughTimeByHand() {
        LayerSpec layer = new LayerSpec("n", LayerSpec.Kind.CONV, List.of("input"), 1, 1, 1, 1, 1, false);
        for (ResetGradient rg : ResetGradient.values()) {
            IfNeuron neuron = new IfNeuron();
            neuron.setTimeSteps(3);
            neuron.setResetGradient(rg);
            // current .5, .75, .5, V = 1: u = .5 | 1.25 -> spike, .25 | .75 ; sg = .3 (1 - |u - 1|) = .15, .225, .225
            INDArray current = Nd4j.createFromArray(0.5f, 0.75f, 0.5f).reshape(3, 1, 1, 1);
            Neuron.Activation a = neuron.forward(layer, current, true);
            assertArrayEquals(new double[] {0, 1, 0}, column(a.output()));
            double[] g = column(a.backward(Nd4j.createFromArray(1f, 2f, 3f).reshape(3, 1, 1, 1)));
            double[] want = rg == ResetGradient.DETACHED
                    // r2 = 3(.225) = .675; r1 = 2(.225) + r2 = 1.125; r0 = 1(.15) + r1 = 1.275
                    ? new double[] {1.275, 1.125, 0.675}
                    // r2 = .675; r1 = (2 - r2)(.225) + r2 = .973125; r0 = (1 - r1)(.15) + r1 = .97715625
                    : new double[] {0.97715625, 0.973125, 0.675};
            assertArrayEquals(want, g, 1e-6, rg.toString());
        }
    }
}
