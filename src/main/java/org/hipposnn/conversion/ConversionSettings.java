package org.hipposnn.conversion;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import org.hipposnn.snn.ConversionMethod;

/**
 * How the ANN becomes an SNN (METHOD.md, "Conversion to an SNN").
 *
 * @param method         weight normalisation (default, the better one) or the paper's threshold balancing
 * @param timeSteps      T the SNN runs by default (paper: 200)
 * @param encoder        "poisson" (paper) or "constant"
 * @param slices         training slices the statistics are taken from
 * @param balanceSteps   steps simulated while balancing (threshold balancing only)
 * @param percentile     statistic of the currents/activations: 100 = the maximum
 * @param scale          factor on the balanced thresholds (Rathi: 0.7; threshold balancing only)
 * @param seed           which training slices are taken, and the balancing run's input spikes
 */
public record ConversionSettings(ConversionMethod method, int timeSteps, String encoder, int slices,
                                 int balanceSteps, double percentile, double scale, long seed) {
    public ConversionSettings {
        if (timeSteps < 1 || slices < 1 || balanceSteps < 1) throw new IllegalArgumentException("time steps, slices and balance steps must be >= 1");
        if (!(percentile > 0 && percentile <= 100)) throw new IllegalArgumentException("percentile must be in (0, 100], got " + percentile);
        if (!(scale > 0)) throw new IllegalArgumentException("scale must be > 0, got " + scale);
    }

    public JsonObject toJson() {
        return new Gson().toJsonTree(this).getAsJsonObject();
    }
}
