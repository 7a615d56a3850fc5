package org.hipposnn.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What turns the network into an SNN: per-layer firing thresholds (from conversion), the number of
 * time steps to simulate, and how the input is encoded as spikes.
 *
 * @param timeSteps  T, the simulation length used by default
 * @param encoder    input encoding, e.g. "poisson" (the paper) or "constant"
 * @param thresholds layer name -> threshold V of its integrate-and-fire neurons
 */
public record SpikingSettings(int timeSteps, String encoder, Map<String, Double> thresholds) {
    public SpikingSettings {
        if (timeSteps < 1) throw new IllegalArgumentException("time steps must be >= 1, got " + timeSteps);
        if (encoder == null || encoder.isBlank()) throw new IllegalArgumentException("no input encoder");
        for (Map.Entry<String, Double> e : thresholds.entrySet()) {
            if (!(e.getValue() > 0) || e.getValue().isInfinite()) {
                throw new IllegalArgumentException("threshold of " + e.getKey() + " is " + e.getValue() + " (must be > 0)");
            }
        }
        thresholds = Collections.unmodifiableMap(new LinkedHashMap<>(thresholds));
    }
}
