package org.hipposnn.engine;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;

import org.hipposnn.network.UNetSpec;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class TrainingTest {
    private static final DataType F = DataType.FLOAT;

    /** 4 slices 16x16: a bright disc on noise; the target is the disc. */
    private static INDArray[] discs() {
        INDArray x = Nd4j.create(F, 4, 1, 16, 16), y = Nd4j.create(F, 4, 1, 16, 16);
        java.util.Random r = new java.util.Random(3);
        for (int b = 0; b < 4; b++) {
            int cy = 5 + r.nextInt(6), cx = 5 + r.nextInt(6), rad = 2 + r.nextInt(3);
            for (int i = 0; i < 16; i++) for (int j = 0; j < 16; j++) {
                boolean in = (i - cy) * (i - cy) + (j - cx) * (j - cx) <= rad * rad;
                y.putScalar(new long[] {b, 0, i, j}, in ? 1 : 0);
                x.putScalar(new long[] {b, 0, i, j}, (in ? 0.6 : 0.2) + 0.3 * r.nextDouble());
            }
        }
        return new INDArray[] {x, y};
    }

    private static double[] train(UNet net, Losses.Kind loss, int steps, double lr) {
        INDArray[] d = discs();
        Adam adam = new Adam(lr);
        double first = 0, last = 0;
        for (int s = 0; s < steps; s++) {
            Losses.Value v = loss.evaluate(net.forward(d[0], true), d[1]);
            adam.step(net.weights(), net.backward(v.gradient()));
            if (s == 0) first = v.loss();
            last = v.loss();
        }
        return new double[] {first, last};
    }

    @Test
    void overfitsAFewSlices() {
        // width 8: at width 4 this bias-free net with seed 11 dies (all ReLUs off, logits 0, loss log 2)
        UNet net = new UNet(new UNetSpec(16, 16, 8, 3, 3, 0.0), 11);
        double[] l = train(net, Losses.Kind.BCE_DICE, 60, 3e-3);
        assertTrue(l[1] < 0.3 * l[0], "loss " + l[0] + " -> " + l[1]);
    }

    @Test
    void sameSeedSameWeightsSameTraining() {
        UNetSpec spec = new UNetSpec(16, 16, 4, 3, 3, 0.1);
        UNet a = new UNet(spec, 5), b = new UNet(spec, 5), c = new UNet(spec, 6);
        for (String k : a.weights().keySet()) {
            assertEquals(a.weights().get(k), b.weights().get(k));
            assertNotEquals(a.weights().get(k), c.weights().get(k));
        }
        double[] la = train(a, Losses.Kind.BCE, 3, 1e-3), lb = train(b, Losses.Kind.BCE, 3, 1e-3);
        assertArrayEquals(la, lb, 0.0);
        for (Map.Entry<String, INDArray> e : a.weights().entrySet())
            assertEquals(e.getValue(), b.weights().get(e.getKey()), e.getKey());
    }

    @Test
    void dropoutMaskIsKeptAndScaled() {
        UNet net = new UNet(new UNetSpec(16, 16, 4, 3, 3, 0.5), 2);
        INDArray x = discs()[0];
        net.forward(x, true);
        INDArray m = net.mask("e1b");
        assertNotNull(m);
        assertArrayEquals(new long[] {4, 4, 16, 16}, m.shape());
        double kept = m.gt(0).castTo(F).meanNumber().doubleValue();
        assertEquals(0.5, kept, 0.1);
        assertEquals(2.0, m.maxNumber().doubleValue(), 1e-6);
        assertNull(net.mask("e1"));
        net.forward(x, false);
        assertNull(net.mask("e1b"));
    }

    @Test
    void oneDropoutMaskForAllTimeSteps() {
        UNet net = new UNet(new UNetSpec(16, 16, 4, 3, 3, 0.5), 2);
        net.setTimeSteps(3);
        INDArray x = discs()[0];                                   // B = 4
        INDArray stacked = Nd4j.concat(0, x, x, x);                // T = 3 identical steps
        INDArray z = net.forward(stacked, true).dup();
        assertArrayEquals(new long[] {4, 4, 16, 16}, net.mask("d1").shape());
        // with a stateless neuron (ReLU) the same mask at every step gives identical step outputs
        INDArray first = z.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 4));
        for (int t = 1; t < 3; t++)
            assertEquals(first, z.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(4 * t, 4 * t + 4)));
        // and the backward pass uses the same mask: gradients equal T times those of one step
        java.util.Map<String, INDArray> g3 = net.backward(Nd4j.onesLike(z));
        INDArray gOut3 = g3.get("e1").dup();
        net.setTimeSteps(1);
        net.holdMasks(true);
        INDArray z1 = net.forward(x, true);
        INDArray gOut1 = net.backward(Nd4j.onesLike(z1)).get("e1");
        assertEquals(0, gOut3.sub(gOut1.mul(3)).norm2Number().doubleValue() / gOut3.norm2Number().doubleValue(), 1e-5);
    }
}
