package org.hipposnn.snn;

/**
 * One layer's activity over a simulation, per slice (totals divided by the slices simulated).
 *
 * @param layer        node name (weighted nodes: conv, upconv, out)
 * @param threshold    its IF threshold (NaN for the non-spiking output node)
 * @param firingRate   spikes per neuron per step of this layer's own neurons (NaN for the output)
 * @param spikes       spikes this layer emitted, per slice, over all steps (0 for the output)
 * @param inputEvents  non-zero inputs (spikes; for the first layer, input events) reaching it, per slice
 * @param synapticOps  inputEvents x fan-out (k*k*Cout), per slice, over all steps
 * @param annMacs      the ANN's multiply-accumulates of the same layer for one slice ({@code LayerSpec.macs()})
 * @param snnEnergyPj  synapticOps x 0.9 pJ (x 4.6 pJ, a MAC, for analogue input into the first layer)
 * @param annEnergyPj  annMacs x 4.6 pJ
 */
public record LayerSpikeStats(String layer, double threshold, double firingRate, double spikes,
                              double inputEvents, double synapticOps, long annMacs,
                              double snnEnergyPj, double annEnergyPj) {
    /** Energy per accumulate and per multiply-accumulate at 45 nm (Horowitz 2014), picojoules. */
    public static final double PJ_PER_AC = 0.9, PJ_PER_MAC = 4.6;
}
