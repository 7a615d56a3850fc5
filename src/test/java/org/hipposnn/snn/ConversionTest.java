package org.hipposnn.snn;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hipposnn.engine.Buffers;
import org.hipposnn.engine.UNet;
import org.hipposnn.network.UNetSpec;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** ANN-to-SNN conversion: rate coding converges to the ANN; balancing sets the thresholds it should. */
class ConversionTest {
    static final UNetSpec SPEC = new UNetSpec(16, 16, 4, 3, 3, 0.0);

    static INDArray slices() {
        Nd4j.getRandom().setSeed(3);
        return Nd4j.rand(DataType.FLOAT, 4, 1, 16, 16);
    }

    static double meanAbsDiff(INDArray a, INDArray b) {
        INDArray d = a.sub(b);
        double m = d.norm1Number().doubleValue() / d.length();
        Buffers.release(d);
        return m;
    }

    @Test
    void weightNormalisedSnnApproachesTheAnnAsTGrows() {
        UNet net = new UNet(SPEC, 17, DataType.FLOAT);
        INDArray x = slices();
        INDArray ann = net.forward(x, false).dup();
        double annScale = ann.norm1Number().doubleValue() / ann.length();

        SpikingUNet snn = new SpikingUNet(net);
        snn.setEncoder(new ConstantCurrentEncoder());
        Map<String, Double> th = Converter.convert(snn, x, ConversionMethod.WEIGHT_NORMALISATION, 0);
        assertTrue(th.values().stream().allMatch(v -> v == 1.0));

        Map<Integer, Double> err = new HashMap<>();
        for (int t : new int[] {20, 200}) {
            snn.setTimeSteps(t);
            INDArray out = snn.infer(x, 25);
            err.put(t, meanAbsDiff(out, ann));
            Buffers.release(out);
        }
        // rate coding: the error shrinks roughly like 1/T (quantisation of the rates)
        assertTrue(err.get(200) < 0.5 * err.get(20), "error T=20 " + err.get(20) + ", T=200 " + err.get(200));
        assertTrue(err.get(200) < 0.1 * annScale, "T=200 error " + err.get(200) + " vs mean |logit| " + annScale);

        // Poisson input also converges (more slowly: sampling noise)
        snn.setEncoder(new PoissonEncoder());
        snn.setSeed(1);
        snn.setTimeSteps(200);
        INDArray poisson = snn.infer(x, 50);
        assertTrue(meanAbsDiff(poisson, ann) < 0.25 * annScale, "Poisson T=200 error " + meanAbsDiff(poisson, ann));
    }

    @Test
    void concatBlocksAreScaledByTheirOwnSource() {
        UNet net = new UNet(SPEC, 5, DataType.FLOAT);
        INDArray d2Before = net.weights().get("d2").dup(), outBefore = net.weights().get("out").dup();
        Map<String, Double> lambda = new HashMap<>();
        for (String l : List.of("e1", "e1b", "e2", "e2b", "e3", "e3b", "u2", "d2", "u1", "d1")) lambda.put(l, 1.0);
        lambda.put("u2", 2.0); lambda.put("e2b", 4.0); lambda.put("d2", 8.0); lambda.put("d1", 3.0);
        WeightNormalisation.apply(net, lambda);
        INDArray d2 = net.weights().get("d2"); // [8 out, 16 in = 8 (u2) + 8 (e2b), 3, 3]
        assertEquals(d2Before.getDouble(1, 2, 0, 1) * 2.0 / 8.0, d2.getDouble(1, 2, 0, 1), 1e-6);  // u2 block
        assertEquals(d2Before.getDouble(1, 10, 0, 1) * 4.0 / 8.0, d2.getDouble(1, 10, 0, 1), 1e-6); // e2b block
        assertEquals(outBefore.getDouble(0, 3, 0, 0) * 3.0, net.weights().get("out").getDouble(0, 3, 0, 0), 1e-6);
    }

    @Test
    void thresholdBalancingTakesEachLayersMaximumCurrentTimesScale() {
        UNet net = new UNet(SPEC, 17, DataType.FLOAT);
        INDArray x = slices();
        net.forward(x, false);
        double annE1Max = net.output("e1").maxNumber().doubleValue(); // max ReLU(conv(x)) = max pre-activation
        SpikingUNet snn = new SpikingUNet(net);
        snn.setEncoder(new ConstantCurrentEncoder());
        snn.setTimeSteps(5);
        Map<String, Double> th = new ThresholdBalancer(10, PositiveStatistic.max(), 0.7).balance(snn, x);
        assertEquals(List.of("e1", "e1b", "e2", "e2b", "e3", "e3b", "u2", "d2", "u1", "d1"), List.copyOf(th.keySet()));
        // constant current: e1's current is the ANN pre-activation at every step
        assertEquals(0.7 * annE1Max, th.get("e1"), 1e-5 * annE1Max);
        assertEquals(th, snn.thresholds());
        assertEquals(5, snn.timeSteps());
        // the percentile statistic gives thresholds no higher than the maximum
        SpikingUNet snn2 = new SpikingUNet(new UNet(SPEC, 17, DataType.FLOAT));
        snn2.setEncoder(new ConstantCurrentEncoder());
        Map<String, Double> p = new ThresholdBalancer(10, new PositiveStatistic(99.0), 0.7).balance(snn2, x);
        assertTrue(p.get("e1") <= th.get("e1") * (1 + 1e-6));
    }

    @Test
    void percentileOfPositiveValues() {
        INDArray a = Nd4j.arange(-100, 1001).castTo(DataType.FLOAT); // positives 1..1000
        assertEquals(1000, PositiveStatistic.max().of(a), 0);
        assertEquals(999, new PositiveStatistic(99.9).of(a), 0.02);
        assertEquals(500, new PositiveStatistic(50).of(a), 0.02);
    }
}
