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
        org.hipposnn.snn.SnnPredictor.encoder(encoder); // refuses an unknown encoder before any data is read
    }

    /** Slices the statistics come from when none are asked for: weight normalisation's are cheap, threshold balancing's memory grows with slices x steps. */
    public static final int DEFAULT_SLICES_WN = 260, DEFAULT_SLICES_TB = 4;
    public static final double DEFAULT_SCALE = 0.7;

    /** The method by the name the command line and Fiji use: weight-normalisation or threshold-balancing. */
    public static ConversionMethod method(String name) {
        return switch (name == null ? "" : name.trim()) {
            case "weight-normalisation" -> ConversionMethod.WEIGHT_NORMALISATION;
            case "threshold-balancing" -> ConversionMethod.THRESHOLD_BALANCING;
            default -> throw new IllegalArgumentException("method is weight-normalisation or threshold-balancing, not '" + name + "'");
        };
    }

    /**
     * Settings with the method's defaults for what is not given (null): slices 260 (weight
     * normalisation) or 4 (threshold balancing), balancing steps = T, percentile 99.9 (weight
     * normalisation) or 100, the maximum (threshold balancing). One place for the command line and Fiji.
     */
    public static ConversionSettings withDefaults(String method, int timeSteps, String encoder, Integer slices,
                                                  Integer balanceSteps, Double percentile, double scale, long seed) {
        ConversionMethod m = method(method);
        boolean wn = m == ConversionMethod.WEIGHT_NORMALISATION;
        return new ConversionSettings(m, timeSteps, encoder, slices != null ? slices : (wn ? DEFAULT_SLICES_WN : DEFAULT_SLICES_TB),
                balanceSteps != null ? balanceSteps : timeSteps, percentile != null ? percentile : (wn ? 99.9 : 100), scale, seed);
    }

    public JsonObject toJson() {
        return new Gson().toJsonTree(this).getAsJsonObject();
    }
}
