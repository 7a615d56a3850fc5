package org.hipposnn.snn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hipposnn.network.LayerSpec;
import org.hipposnn.network.UNetSpec;

/**
 * Collects spike counts during forward passes ({@link SpikingUNet#setStats}) and turns them into
 * per-layer firing rates, synaptic operations and energy estimates ({@link #layers}).
 *
 * <p><b>Synaptic operations</b> are counted from actual spikes: for each weighted node l, the
 * non-zero events arriving at its input (the spikes of the spiking nodes feeding it, traced
 * through average pooling and concatenation: a spike entering a 2x2 pool reaches exactly one pooled
 * pixel, so it still drives one input pixel of l; for the first conv, the encoder's non-zero input
 * values) times its fan-out, k*k*Cout for a conv (1 for the 1x1 output conv with one channel), and
 * k*k*Cout for the 2x2 stride-2 transposed conv (each input pixel feeds a 2x2 block of every
 * output channel). Border effects are ignored: a spike at the image border of a 3x3 "same" conv
 * reaches fewer than 9 positions, so this slightly over-counts (conservative for the SNN).
 * With {@link ConstantCurrentEncoder} the first conv's "events" are analogue values, so its count is
 * really MACs per step; it is still reported in the same column, but its energy is charged per MAC.
 *
 * <p>Counts are of the neuron's spikes before dropout (dropout is off in inference, where these
 * statistics are meant to be taken).
 */
public final class SpikeStats implements IfNeuron.SpikeListener {
    private final Map<String, double[]> counts = new HashMap<>(); // name -> {spikes, neuron-steps}
    private double inputEvents, slices;
    private boolean analogueInput;

    @Override
    public void onSpikes(LayerSpec layer, long neuronsPerStep, int timeSteps, double spikes) {
        double[] c = counts.computeIfAbsent(layer.name(), k -> new double[2]);
        c[0] += spikes;
        c[1] += (double) neuronsPerStep * timeSteps;
    }

    /**
     * Called by the driver once per simulation with its input's non-zero count, slice count, and
     * whether the input is analogue (constant current: the first conv multiplies) or spikes.
     */
    public void onInput(double events, long slicesSimulated, boolean analogue) {
        inputEvents += events;
        slices += slicesSimulated;
        analogueInput = analogue;
    }

    /** Adds input events of a later chunk of the same simulation (no new slices). */
    public void onInputEvents(double events) { inputEvents += events; }

    public void clear() { counts.clear(); inputEvents = 0; slices = 0; analogueInput = false; }

    /** Slices simulated so far. */
    public double slices() { return slices; }

    /** Per weighted layer, in node order, per slice. */
    public List<LayerSpikeStats> layers(UNetSpec spec, IfNeuron neuron) {
        if (slices == 0) throw new IllegalStateException("no simulation recorded");
        Map<String, LayerSpec> byName = new HashMap<>();
        for (LayerSpec l : spec.layers()) byName.put(l.name(), l);
        List<LayerSpikeStats> out = new ArrayList<>();
        for (LayerSpec l : spec.layers()) {
            if (!l.hasWeights()) continue;
            long fanOut = (long) l.kernel() * l.kernel() * l.outChannels();
            double events = 0, sops = 0, pj = 0;
            for (String in : l.inputs()) {
                double e = events(in, byName), ops = e * fanOut / slices;
                events += e;
                sops += ops;
                // the network input feeds the first conv directly (never through a pool or concat)
                pj += ops * (analogueInput && UNetSpec.INPUT.equals(in) ? LayerSpikeStats.PJ_PER_MAC : LayerSpikeStats.PJ_PER_AC);
            }
            double[] c = counts.get(l.name());
            boolean spiking = l.hasNeuron();
            double rate = spiking && c != null && c[1] > 0 ? c[0] / c[1] : Double.NaN;
            double spikes = spiking && c != null ? c[0] / slices : 0;
            out.add(new LayerSpikeStats(l.name(), spiking ? neuron.threshold(l.name()) : Double.NaN, rate, spikes,
                    events / slices, sops, l.macs(), pj, l.macs() * LayerSpikeStats.PJ_PER_MAC));
        }
        return out;
    }

    /** Total events (over all slices) leaving node {@code name}, through pooling and concatenation. */
    private double events(String name, Map<String, LayerSpec> byName) {
        if (UNetSpec.INPUT.equals(name)) return inputEvents;
        LayerSpec l = byName.get(name);
        if (l.hasNeuron()) {
            double[] c = counts.get(name);
            return c == null ? 0 : c[0];
        }
        if (l.kind() == LayerSpec.Kind.AVG_POOL || l.kind() == LayerSpec.Kind.CONCAT) {
            double e = 0;
            for (String in : l.inputs()) e += events(in, byName);
            return e;
        }
        throw new IllegalStateException("events of " + name);
    }
}
