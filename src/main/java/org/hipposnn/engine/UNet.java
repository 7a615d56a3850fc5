package org.hipposnn.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hipposnn.network.LayerSpec;
import org.hipposnn.network.UNetSpec;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The U-Net of a {@link UNetSpec}, run node by node with explicit forward and backward passes.
 * Weights live in a map name -> INDArray (PyTorch layout, see {@link LayerSpec#weightShape()}).
 * The neuron is pluggable ({@link ReluNeuron} for the ANN). {@link #forward} keeps what
 * {@link #backward} needs; one forward, then at most one backward.
 *
 * <p>Memory is freed deterministically ({@link Buffers}): the logits and node outputs of a forward
 * pass are valid until the next forward pass; the gradients returned by backward until the next
 * backward pass. Held dropout masks live until masks are redrawn.
 */
public final class UNet implements TrainableNetwork {
    private final UNetSpec spec;
    private final List<LayerSpec> nodes;
    private final Map<String, Layer> layers = new HashMap<>();
    private final Map<String, INDArray> weights = new LinkedHashMap<>();
    private Neuron neuron = new ReluNeuron();
    private Dropout dropout;
    private boolean holdMasks;
    private int timeSteps = 1;

    // state of the last forward pass
    private INDArray input;
    private final Map<String, INDArray> outputs = new HashMap<>();
    // spike outputs kept as bytes after their last forward consumer (training with compactSpikes)
    private final Map<String, Compact> compact = new HashMap<>();
    private boolean compactSpikes;
    // node name -> index of the last node that reads it
    private final Map<String, Integer> lastReader = new HashMap<>();
    private final Map<String, Neuron.Activation> activations = new HashMap<>();
    private final Map<String, INDArray> masks = new HashMap<>();
    // arrays this network allocated and frees itself (identity: ReLU works in place)
    private final java.util.Set<INDArray> owned = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private Map<String, INDArray> lastWeightGrads = Map.of();

    /** A network with He-initialised weights (normal, std sqrt(2 / fan-in)) drawn from {@code seed}. */
    public UNet(UNetSpec spec, long seed) {
        this(spec, seed, Nd4j.defaultFloatingPointType());
    }

    public UNet(UNetSpec spec, long seed, DataType type) {
        this.spec = spec;
        this.nodes = spec.layers();
        java.util.Random rnd = new java.util.Random(seed);
        for (LayerSpec l : nodes) {
            layers.put(l.name(), Layer.of(l));
            if (l.hasWeights()) {
                long[] shape = l.weightShape();
                double std = Math.sqrt(2.0 / l.fanIn());
                double[] w = new double[(int) (shape[0] * shape[1] * shape[2] * shape[3])];
                for (int i = 0; i < w.length; i++) w[i] = rnd.nextGaussian() * std;
                weights.put(l.name(), Nd4j.create(w, shape, DataType.DOUBLE).castTo(type));
            }
        }
        this.dropout = new Dropout(spec.dropout(), seed ^ 0x5DEECE66DL);
        for (int i = 0; i < nodes.size(); i++) for (String n : nodes.get(i).inputs()) lastReader.put(n, i);
    }

    /**
     * For a neuron whose outputs take two values (spikes, 0 or 1, times a dropout scale): in a
     * training forward pass, each such output is kept as one byte per value once the last node that
     * reads it has run, and the float array is freed; the backward pass widens it again, one layer at
     * a time. Exact (two values), and it cuts what BPTT holds of every layer's T steps of spikes by 4x.
     */
    public void setCompactSpikes(boolean on) { this.compactSpikes = on; }

    public UNetSpec spec() { return spec; }

    /** The weights, in node order; the arrays are live (an optimiser updates them in place). */
    @Override
    public Map<String, INDArray> weights() { return Collections.unmodifiableMap(weights); }

    public void setNeuron(Neuron neuron) { this.neuron = neuron; }

    /** Re-seeds the dropout generator (masks drawn from now on). */
    @Override
    public void seedDropout(long seed) { this.dropout = new Dropout(spec.dropout(), seed); }

    /**
     * When true, training forward passes reuse the masks of the previous training pass instead of
     * drawing new ones (same shapes required): for gradient checks and for replaying one sample.
     */
    public void holdMasks(boolean hold) { this.holdMasks = hold; }

    /**
     * Number of time steps stacked in the batch: forward takes [T*B, 1, H, W] (time-major: step t
     * is slices t*B .. t*B+B-1). Layers treat the stack as one batch; the neuron runs the recurrence
     * over T; dropout draws one [B, C, H, W] mask per node and applies it at every step. 1 for the ANN.
     */
    public void setTimeSteps(int t) {
        if (t < 1) throw new IllegalArgumentException("time steps must be >= 1: " + t);
        this.timeSteps = t;
    }

    public int timeSteps() { return timeSteps; }

    /** The post-neuron (post-dropout) output of a node from the last forward pass. */
    public INDArray output(String node) {
        INDArray f = outputs.get(node);
        if (f == null && compact.containsKey(node)) { f = floatOutput(node); outputs.put(node, f); owned.add(f); }
        return f;
    }

    /** The dropout mask a node used in the last training forward pass, or null. */
    public INDArray mask(String node) { return masks.get(node); }

    /**
     * @param x        input [B, 1, H, W], or [T*B, 1, H, W] with {@link #setTimeSteps} T (not freed here)
     * @param training draws (or, with {@link #holdMasks}, reuses) dropout masks when true
     * @return logits, same leading size as x; valid until the next forward pass
     */
    @Override
    public INDArray forward(INDArray x, boolean training) {
        input = x;
        releasePass();
        if (!(training && holdMasks)) {
            masks.values().forEach(Buffers::release);
            masks.clear();
        }
        INDArray last = null;
        for (int i = 0; i < nodes.size(); i++) {
            LayerSpec l = nodes.get(i);
            INDArray z = layers.get(l.name()).forward(inputsOf(l), weights.get(l.name()));
            if (training && compactSpikes) compactInputsReadLastBy(l, i);
            owned.add(z);
            if (l.hasNeuron()) {
                Neuron.Activation a = neuron.forward(l, z, training);
                activations.put(l.name(), a);
                z = a.output();
                owned.add(z);
            }
            if (training && l.dropoutAfter() && dropout.rate() > 0) {
                INDArray m = masks.get(l.name());
                if (m == null) {
                    long[] shape = z.shape().clone();
                    shape[0] /= timeSteps;
                    m = dropout.mask(z.dataType(), shape);
                    masks.put(l.name(), m);
                }
                INDArray undropped = z;
                z = applyMask(z, m);
                owned.add(z);
                if (compactSpikes) { owned.remove(undropped); Buffers.release(undropped); } // spikes: backward reads potentials only
            }
            outputs.put(l.name(), z);
            last = z;
        }
        return last;
    }

    /** Frees what the last forward pass allocated (not the held masks). */
    private void releasePass() {
        activations.values().forEach(Neuron.Activation::release);
        owned.forEach(Buffers::release);
        compact.values().forEach(c -> Buffers.release(c.bytes()));
        owned.clear(); outputs.clear(); activations.clear(); compact.clear();
    }

    /** The spiking inputs of node {@code index} that no later node reads: to bytes, floats freed. */
    private void compactInputsReadLastBy(LayerSpec l, int index) {
        for (String n : l.inputs()) {
            if (UNetSpec.INPUT.equals(n) || lastReader.get(n) != index || !activations.containsKey(n) || compact.containsKey(n)) continue;
            INDArray f = outputs.remove(n);
            INDArray nonZero = f.neq(0);
            compact.put(n, new Compact(nonZero.castTo(DataType.UBYTE), f.maxNumber().doubleValue(), f.dataType()));
            Buffers.release(nonZero);
            owned.remove(f);
            Buffers.release(f);
        }
    }

    /** Binary spikes as 0/1 bytes, with the one value they stand for (the spike, scaled by dropout) and its type. */
    private record Compact(INDArray bytes, double value, DataType type) {}

    /** A node's float output: the live array, or (compacted) a new one the caller frees. */
    private INDArray floatOutput(String n) {
        INDArray f = outputs.get(n);
        if (f != null) return f;
        Compact c = compact.get(n);
        return c == null ? null : c.bytes().castTo(c.type()).muli(c.value());
    }

    private INDArray[] inputsOf(LayerSpec l) {
        INDArray[] in = new INDArray[l.inputs().size()];
        for (int i = 0; i < in.length; i++) {
            String n = l.inputs().get(i);
            in[i] = UNetSpec.INPUT.equals(n) ? input : floatOutput(n);
        }
        return in;
    }

    /** Gradients of the loss with respect to every weight, given dL/d(logits) of the last forward pass. */
    @Override
    public Map<String, INDArray> backward(INDArray gradLogits) {
        lastWeightGrads.values().forEach(Buffers::release);
        Map<String, INDArray> grad = new HashMap<>();
        Map<String, INDArray> weightGrads = new LinkedHashMap<>();
        grad.put(nodes.get(nodes.size() - 1).name(), gradLogits);
        List<LayerSpec> reversed = new ArrayList<>(nodes);
        Collections.reverse(reversed);
        for (LayerSpec l : reversed) {
            INDArray g = grad.remove(l.name());
            if (g == null) continue; // nothing downstream depends on it
            INDArray m = l.dropoutAfter() ? masks.get(l.name()) : null;
            if (m != null) g = replace(g, applyMask(g, m), gradLogits);
            Neuron.Activation a = activations.get(l.name());
            if (a != null) g = replace(g, a.backward(g), gradLogits);
            INDArray[] in = inputsOf(l);
            Layer.Gradients lg = layers.get(l.name()).backward(in, weights.get(l.name()), g);
            for (int i = 0; i < in.length; i++) if (in[i] != input && in[i] != outputs.get(l.inputs().get(i))) Buffers.release(in[i]);
            if (g != gradLogits) Buffers.release(g);
            if (lg.weight() != null) weightGrads.put(l.name(), lg.weight());
            for (int i = 0; i < l.inputs().size(); i++) {
                String n = l.inputs().get(i);
                INDArray gi = lg.inputs()[i];
                if (UNetSpec.INPUT.equals(n)) { Buffers.release(gi); continue; }
                INDArray prev = grad.get(n);
                if (prev == null) grad.put(n, gi);
                else { prev.addi(gi); Buffers.release(gi); }
            }
        }
        // node order, like weights()
        Map<String, INDArray> ordered = new LinkedHashMap<>();
        for (String k : weights.keySet()) ordered.put(k, weightGrads.get(k));
        lastWeightGrads = ordered;
        return Collections.unmodifiableMap(ordered);
    }

    /** a * mask, the [B, ...] mask repeated over the T blocks of the [T*B, ...] array a (a new array). */
    private INDArray applyMask(INDArray a, INDArray mask) {
        if (timeSteps == 1) return a.mul(mask);
        INDArray out = a.dup();
        out.reshape(timeSteps, mask.length()).muliRowVector(mask.reshape(mask.length()));
        return out;
    }

    /** Frees {@code old} (unless it is the caller's array {@code keep}) and returns {@code next}. */
    private static INDArray replace(INDArray old, INDArray next, INDArray keep) {
        if (old != keep && old != next) Buffers.release(old);
        return next;
    }
}
