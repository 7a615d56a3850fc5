package org.hipposnn.snn;

import java.util.LinkedHashMap;
import java.util.Map;

import org.hipposnn.network.LayerSpec;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Converts the trained ANN held by a {@link SpikingUNet}'s network (same weights, same description)
 * into the SNN, by either {@link ConversionMethod}. Changes the network's weights (weight
 * normalisation) or thresholds (balancing) in place; copy the weights first to keep the ANN.
 */
public final class Converter {
    private Converter() {}

    /** Weight normalisation (99.9th percentile), thresholds 1. @return the thresholds (all 1) */
    public static Map<String, Double> weightNormalisation(SpikingUNet snn, INDArray slices, WeightNormalisation wn) {
        wn.normalise(snn.network(), snn.neuron(), slices);
        Map<String, Double> ones = new LinkedHashMap<>();
        for (LayerSpec l : snn.network().spec().layers()) if (l.hasNeuron()) ones.put(l.name(), 1.0);
        snn.setThresholds(ones);
        return ones;
    }

    /** Threshold balancing on the SNN itself (weights unchanged). @return the thresholds */
    public static Map<String, Double> thresholdBalancing(SpikingUNet snn, INDArray slices, ThresholdBalancer tb) {
        return tb.balance(snn, slices);
    }

    /** Either method with its defaults (balancing: {@code balanceSteps} steps, max, scale 0.7). */
    public static Map<String, Double> convert(SpikingUNet snn, INDArray slices, ConversionMethod method, int balanceSteps) {
        return switch (method) {
            case WEIGHT_NORMALISATION -> weightNormalisation(snn, slices, new WeightNormalisation());
            case THRESHOLD_BALANCING -> thresholdBalancing(snn, slices, new ThresholdBalancer(balanceSteps));
        };
    }
}
