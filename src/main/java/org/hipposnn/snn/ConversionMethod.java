package org.hipposnn.snn;

/** How {@link Converter} turns the trained ANN into the SNN (METHOD.md, "Conversion to an SNN"). */
public enum ConversionMethod {
    /**
     * The paper's baseline (Sengupta et al. 2019 as in Rathi et al. 2020): weights unchanged,
     * thresholds set layer by layer to the maximum (or a percentile) of the input current seen over
     * T_bal steps of the SNN, then all multiplied by a scale factor (0.7). See {@link ThresholdBalancer}.
     */
    THRESHOLD_BALANCING,
    /**
     * Data-based weight normalisation (Diehl et al. 2015, Rueckauer et al. 2017) by the 99.9th
     * percentile of each layer's ANN activations, every concatenated block scaled by its own
     * source's normalisation; thresholds stay 1. The better default. See {@link WeightNormalisation}.
     */
    WEIGHT_NORMALISATION
}
