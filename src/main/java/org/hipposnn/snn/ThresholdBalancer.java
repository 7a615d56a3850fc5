package org.hipposnn.snn;

import java.util.LinkedHashMap;
import java.util.Map;

import org.hipposnn.engine.Buffers;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Threshold balancing (Sengupta et al. 2019; Rathi et al. 2020's conversion), the paper's baseline.
 * Thresholds start at 1; layer by layer from the input, with all earlier layers balanced, the SNN runs
 * on the given slices for {@code steps} steps and the layer's threshold becomes the {@code statistic}
 * (maximum, or a percentile of the positive values) of its input current sum(w o[t]) over all its
 * neurons, slices and steps. Finally every threshold is multiplied by {@code scale} (Rathi: 0.7;
 * while balancing, earlier layers use their unscaled thresholds, as in Rathi's code).
 *
 * <p>Implementation: one stacked forward pass of all {@code steps} steps. Layers run in order and a
 * layer's current depends only on earlier layers, so setting each layer's threshold from its
 * current just before its neurons run ({@link IfNeuron.CurrentObserver}) gives exactly the
 * thresholds of L separate layer-by-layer passes with the same input spikes, at the cost of one.
 * Memory is that of a steps x batch stack: for Rathi's T = 1000, pass a small batch.
 * Weights are not changed.
 */
public final class ThresholdBalancer {
    private final int steps;
    private final PositiveStatistic statistic;
    private final double scale;

    /** Rathi's defaults as far as this project goes: maximum, scale 0.7. */
    public ThresholdBalancer(int steps) { this(steps, PositiveStatistic.max(), 0.7); }

    public ThresholdBalancer(int steps, PositiveStatistic statistic, double scale) {
        if (steps < 1) throw new IllegalArgumentException("steps must be >= 1: " + steps);
        if (!(scale > 0)) throw new IllegalArgumentException("scale must be > 0: " + scale);
        this.steps = steps;
        this.statistic = statistic;
        this.scale = scale;
    }

    /**
     * Sets and returns the thresholds of {@code snn} (name -> threshold, node order). A layer whose
     * current is never positive keeps threshold 1 (it cannot fire at any threshold).
     */
    public Map<String, Double> balance(SpikingUNet snn, INDArray slices) {
        IfNeuron neuron = snn.neuron();
        int oldT = snn.timeSteps();
        Map<String, Double> found = new LinkedHashMap<>();
        neuron.setThresholds(Map.of());
        neuron.setObserver((layer, current, t) -> {
            double s = statistic.of(current);
            double v = s > 0 ? s : 1.0;
            neuron.setThreshold(layer.name(), v);
            found.put(layer.name(), v);
        });
        try {
            snn.setTimeSteps(steps);
            Buffers.release(snn.forward(slices, false));
        } finally {
            neuron.setObserver(null);
            snn.setTimeSteps(oldT);
        }
        Map<String, Double> scaled = new LinkedHashMap<>();
        found.forEach((k, v) -> scaled.put(k, v * scale));
        neuron.setThresholds(scaled);
        return scaled;
    }
}
