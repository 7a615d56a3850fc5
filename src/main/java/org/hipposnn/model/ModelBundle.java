package org.hipposnn.model;

import com.google.gson.JsonObject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hipposnn.data.Preprocessing;
import org.hipposnn.network.LayerSpec;
import org.hipposnn.network.UNetSpec;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Everything needed to use or continue a trained network: the network description, its weights,
 * the preprocessing it was trained with, the spiking settings once converted, and what was done
 * to make it (training settings and metrics, free-form JSON). Saved by {@link ModelFiles}.
 *
 * @param kind          ANN, or SNN once converted (thresholds and time steps in {@code spiking})
 * @param network       the one network description (ANN and SNN share it)
 * @param preprocessing normalisation, crop box and slicing, applied identically when segmenting
 * @param weights       name -> array in {@link LayerSpec#weightShape()} layout, in node order
 * @param spiking       SNN settings, or null for an ANN
 * @param training      how the weights were made (settings, data, fold, epochs), free-form
 * @param metrics       accuracy measured on held-out data, free-form
 */
public record ModelBundle(Kind kind, UNetSpec network, Preprocessing preprocessing,
                          Map<String, INDArray> weights, SpikingSettings spiking,
                          JsonObject training, JsonObject metrics) {

    /** What the weights are for. */
    public enum Kind { ANN, SNN }

    /** The bundle layout this code writes; files of a newer version are refused. */
    public static final int FORMAT_VERSION = 1;

    public ModelBundle {
        if ((kind == Kind.SNN) != (spiking != null)) {
            throw new IllegalArgumentException(kind + " bundle " + (spiking == null ? "without" : "with")
                    + " spiking settings");
        }
        for (LayerSpec l : network.layers()) {
            if (!l.hasWeights()) continue;
            INDArray w = weights.get(l.name());
            if (w == null) throw new IllegalArgumentException("no weights for layer " + l.name());
            if (!java.util.Arrays.equals(w.shape(), l.weightShape())) {
                throw new IllegalArgumentException("weights of " + l.name() + " have shape "
                        + java.util.Arrays.toString(w.shape()) + ", the network needs "
                        + java.util.Arrays.toString(l.weightShape()));
            }
        }
        weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        training = training == null ? new JsonObject() : training;
        metrics = metrics == null ? new JsonObject() : metrics;
    }

    /** The same bundle with other weights (e.g. after fine-tuning). */
    public ModelBundle withWeights(Map<String, INDArray> newWeights) {
        return new ModelBundle(kind, network, preprocessing, newWeights, spiking, training, metrics);
    }

    public ModelBundle withMetrics(JsonObject newMetrics) {
        return new ModelBundle(kind, network, preprocessing, weights, spiking, training, newMetrics);
    }
}
