package org.hipposnn.snn;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.hipposnn.engine.Buffers;
import org.hipposnn.engine.UNet;
import org.hipposnn.model.SpikingSettings;
import org.hipposnn.network.UNetSpec;
import org.hipposnn.segment.SlicePredictor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The SNN's prediction over slices: T steps simulated {@link #CHUNK} at a time (memory bounded
 * whatever T), the output layer's accumulated potential / T through the sigmoid (paper Eq. 3),
 * spike statistics collected on the way. Seeded, so the same input gives the same spikes.
 */
public final class SnnPredictor implements SlicePredictor, org.hipposnn.eval.StepwisePredictor {
    /**
     * Steps simulated at once. Small chunks keep each layer's stack in cache: measured at T = 20,
     * width 32, batch 26: 1-3 steps 262-289 slice-steps/s, 4-5 steps 196-203, all 20 stacked 142-145
     * (docs/benchmarks.md); memory is bounded by the chunk whatever T is.
     */
    public static final int CHUNK = 2;

    private final SpikingUNet snn;
    private final int batchSize;
    private final SpikeStats stats = new SpikeStats();

    public SnnPredictor(UNetSpec spec, Map<String, INDArray> weights, SpikingSettings spiking, int timeSteps,
                        long seed, int batchSize) {
        UNet net = new UNet(spec, 0);
        weights.forEach((k, w) -> net.weights().get(k).assign(w));
        snn = new SpikingUNet(net);
        snn.setThresholds(spiking.thresholds());
        snn.setTimeSteps(timeSteps);
        snn.setEncoder(encoder(spiking.encoder()));
        snn.setSeed(seed);
        snn.setStats(stats);
        this.batchSize = batchSize;
    }

    /** "poisson" (rate coding, the paper) or "constant" (the analogue value as a current every step). */
    public static Encoder encoder(String name) {
        return switch (name) {
            case "poisson" -> new PoissonEncoder();
            case "constant" -> new ConstantCurrentEncoder();
            default -> throw new IllegalArgumentException("unknown input encoder '" + name + "' (poisson or constant)");
        };
    }

    @Override
    public float[] probabilities(float[] slices, int count, int height, int width) {
        return probabilitiesAt(slices, count, height, width, snn.timeSteps()).get(snn.timeSteps());
    }

    /** Probabilities after each of the given step counts, from one simulation of the longest. */
    @Override
    public SortedMap<Integer, float[]> probabilitiesAt(float[] slices, int count, int height, int width, int... steps) {
        int plane = height * width;
        SortedMap<Integer, float[]> out = new TreeMap<>();
        for (int s : steps) out.put(s, new float[count * plane]);
        for (int from = 0; from < count; from += batchSize) {
            int n = Math.min(batchSize, count - from);
            INDArray x = Nd4j.create(Arrays.copyOfRange(slices, from * plane, (from + n) * plane), new long[] {n, 1, height, width}, 'c');
            for (Map.Entry<Integer, INDArray> e : snn.inferAt(x, CHUNK, steps).entrySet()) {
                INDArray p = Transforms.sigmoid(e.getValue(), false);
                System.arraycopy(p.data().asFloat(), 0, out.get(e.getKey()), from * plane, n * plane);
                Buffers.release(p);
            }
            Buffers.release(x);
        }
        return out;
    }

    /** Per-layer activity of everything simulated so far (per slice). */
    public List<LayerSpikeStats> layerStats() {
        return stats.layers(snn.network().spec(), snn.neuron());
    }
}
