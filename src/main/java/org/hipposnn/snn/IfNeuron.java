package org.hipposnn.snn;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.hipposnn.engine.Neuron;
import org.hipposnn.network.LayerSpec;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Integrate-and-fire neuron without leak, reset by subtraction (paper Eq. 1-2), run over the T time
 * steps stacked in the batch ([T*B, C, H, W], time-major). For every neuron, step by step:
 * <pre>
 *   u   += I[t]                 (u[t], the pre-reset potential)
 *   o[t] = u > V ? 1 : 0        (float spikes: the next convolution needs floats)
 *   u   -= V * o[t]             (reset by subtraction)
 * </pre>
 * V is per layer ({@link #setThreshold}, default 1). The recurrence is one fused pass per step over
 * the layer's B*C*H*W neurons in plain Java on a heap double[] block (copied in and out of the
 * off-heap arrays with bulk copies, {@link Blocks}). Neurons are independent of each other, so the
 * B*C*H*W neurons are cut into as many contiguous ranges as ND4J has threads ({@link NeuronRanges})
 * and the ranges run side by side: ND4J's own threads idle while plain Java runs, and the spikes,
 * potentials and gradients are the same for any cut (each neuron's arithmetic is unchanged).
 *
 * <p><b>What the backward pass keeps.</b> The backward pass (BPTT) needs, per step and neuron, the
 * pre-reset potential u[t] (for the surrogate sg(u[t]), {@link Surrogate}) and nothing else: the
 * reset's V o[t] is recomputable, and o[t] is not used by either {@link ResetGradient} form. The
 * network already keeps the input current I (the convolution output it owns until the next forward
 * pass, which nothing reads after the neuron), so a training forward pass overwrites I[t] in place
 * with u[t]: the backward state costs no memory beyond what the engine holds anyway (no extra
 * floats, no stored spike bytes), and no recomputation. (Alternatives measured against: keeping u
 * as an extra float array costs 4 bytes per neuron-step, as PyTorch's autograd does with its saved
 * u/V - 1; recomputing u from I and spike bytes costs 1 byte and a second pass.)
 *
 * <p>The backward recurrence, from t = T-1 down to 0, with the carried d = dL/du[t+1] (0 after the
 * last step): {@code dL/dI[t] = dL/du[t] = g[t] sg(u[t]) + d} (reset detached) or
 * {@code (g[t] - V d) sg(u[t]) + d} (reset included), g = dL/do. It writes into the incoming
 * gradient array in place and returns it.
 *
 * <p><b>Stateful mode</b> ({@link #setStateful}) keeps each layer's membrane between calls, so a
 * long simulation can run as consecutive chunks of time steps with bounded memory
 * ({@link SpikingUNet#infer}); {@link #resetState} zeroes it. Training uses stateless calls.
 *
 * <p>Not thread-safe; one instance per network.
 */
public final class IfNeuron implements Neuron {

    /** Sees each layer's input current (all stacked steps) before the neuron uses its threshold. */
    public interface CurrentObserver {
        void onCurrent(LayerSpec layer, INDArray current, int timeSteps);
    }

    /** Receives each layer's spike count of a forward call. */
    public interface SpikeListener {
        void onSpikes(LayerSpec layer, long neuronsPerStep, int timeSteps, double spikes);
    }

    private final Map<String, Double> thresholds = new HashMap<>();
    private final Map<String, double[]> membranes = new HashMap<>();
    private Surrogate surrogate = Surrogate.defaults();
    private ResetGradient reset = ResetGradient.DETACHED;
    private int timeSteps = 1;
    private boolean stateful, smooth;
    private CurrentObserver observer;
    private SpikeListener listener;
    private long nanos;

    public IfNeuron() {}

    public IfNeuron(Map<String, Double> thresholds) { setThresholds(thresholds); }

    public void setTimeSteps(int t) {
        if (t < 1) throw new IllegalArgumentException("time steps must be >= 1: " + t);
        timeSteps = t;
    }

    public int timeSteps() { return timeSteps; }

    public double threshold(String layer) { return thresholds.getOrDefault(layer, 1.0); }

    public void setThreshold(String layer, double v) {
        if (!(v > 0) || Double.isInfinite(v)) throw new IllegalArgumentException("threshold of " + layer + " must be > 0: " + v);
        thresholds.put(layer, v);
    }

    /** Replaces all thresholds (layers not named get 1). */
    public void setThresholds(Map<String, Double> t) {
        thresholds.clear();
        t.forEach(this::setThreshold);
    }

    /** The explicitly set thresholds (others are 1). */
    public Map<String, Double> thresholds() { return Map.copyOf(thresholds); }

    public Surrogate surrogate() { return surrogate; }

    public void setSurrogate(Surrogate s) { this.surrogate = java.util.Objects.requireNonNull(s); }

    public ResetGradient resetGradient() { return reset; }

    public void setResetGradient(ResetGradient r) { this.reset = java.util.Objects.requireNonNull(r); }

    public void setStateful(boolean s) { stateful = s; if (!s) membranes.clear(); }

    /** Zeroes all membranes of the stateful mode (start of a new simulation). */
    public void resetState() { membranes.clear(); }

    public void setObserver(CurrentObserver o) { observer = o; }

    public void setSpikeListener(SpikeListener l) { listener = l; }

    /**
     * Test hook: the forward pass emits the smooth {@link Surrogate#integral} instead of the step,
     * so the whole computation is differentiable and the (unchanged) backward pass can be checked
     * against finite differences.
     */
    void setSmoothForward(boolean s) { smooth = s; }

    /** True when outputs are spikes (0 or 1), false under the smooth test hook. */
    boolean binaryOutput() { return !smooth; }

    @Override
    public Activation forward(LayerSpec layer, INDArray current, boolean training) {
        if (current.length() % timeSteps != 0)
            throw new IllegalArgumentException(layer.name() + ": " + current.length() + " elements is not T = " + timeSteps + " steps");
        if (observer != null) observer.onCurrent(layer, current, timeSteps);
        long start = System.nanoTime();
        final double v = threshold(layer.name());
        final int n = Math.toIntExact(current.length() / timeSteps);
        final int steps = timeSteps;
        INDArray out = Nd4j.createUninitialized(current.dataType(), current.shape());
        INDArray in = Blocks.dense(current) ? current : current.dup();
        final double[] membrane;
        if (stateful) {
            membrane = membranes.computeIfAbsent(layer.name(), k -> new double[n]);
            if (membrane.length != n) throw new IllegalStateException(layer.name() + ": batch changed within a stateful simulation");
        } else {
            membrane = null;
        }
        final boolean inferFloat = !training && !smooth && current.dataType() == org.nd4j.linalg.api.buffer.DataType.FLOAT;
        final int parts = parts(n);
        final Blocks ib = Blocks.of(in), ob = Blocks.of(out);
        double count = NeuronRanges.run(n, parts, (part, lo, len) -> {
            Scratch sc = scratch(part, len);
            double[] u = membrane != null ? membrane : sc.zeroed(len);
            int uOff = membrane != null ? lo : 0;
            return inferFloat
                    ? inferFloat(ib, ob, u, uOff, lo, len, n, steps, v, sc) // inference: no widening copies, no potentials kept
                    : forwardRange(ib, ob, u, uOff, lo, len, n, steps, v, training, sc);
        });
        nanos += System.nanoTime() - start;
        if (listener != null) listener.onSpikes(layer, n, steps, count);
        final INDArray potentials = training ? in : null;
        final INDArray ownedCopy = in != current ? in : null;
        final Surrogate sur = surrogate;
        final ResetGradient rg = reset;
        return new Activation() {
            @Override public INDArray output() { return out; }

            @Override public INDArray backward(INDArray gradOutput) {
                if (potentials == null) throw new IllegalStateException("backward after a forward pass with training = false");
                long start = System.nanoTime();
                INDArray g = Blocks.dense(gradOutput) ? gradOutput : gradOutput.dup();
                final Blocks ub = Blocks.of(potentials), gb = Blocks.of(g);
                NeuronRanges.run(n, parts, (part, lo, len) -> { // the forward pass's cut (and its scratch)
                    backwardRange(ub, gb, lo, len, n, steps, v, sur, rg, scratch(part, len));
                    return 0;
                });
                nanos += System.nanoTime() - start;
                return g;
            }

            @Override public void release() { org.hipposnn.engine.Buffers.release(ownedCopy); }
        };
    }

    /**
     * The general recurrence (training, the smooth test hook, float64) for neurons [lo, lo+len) of
     * each step; {@code u} holds their potentials from {@code uOff}. Returns the range's spike count.
     */
    private double forwardRange(Blocks in, Blocks out, double[] u, int uOff, int lo, int len, int n, int steps,
                                double v, boolean training, Scratch sc) {
        double[] cur = sc.a, o = sc.b;
        float[] tmp = sc.fa;
        double count = 0;
        for (int t = 0; t < steps; t++) {
            long base = (long) t * n + lo;
            in.load(base, cur, tmp, len);
            if (smooth) {
                for (int i = 0; i < len; i++) {
                    double p = u[uOff + i] + cur[i];
                    double s = surrogate.integral(p, v);
                    cur[i] = p; o[i] = s; u[uOff + i] = p - v * s;
                }
            } else {
                int c = 0;
                for (int i = 0; i < len; i++) {
                    double p = u[uOff + i] + cur[i];
                    boolean s = p > v;
                    cur[i] = p;
                    o[i] = s ? 1.0 : 0.0;
                    u[uOff + i] = s ? p - v : p;
                    c += s ? 1 : 0;
                }
                count += c;
            }
            if (training) in.store(base, cur, tmp, len); // I[t] -> u[t], what the backward pass needs
            out.store(base, o, tmp, len);
        }
        return count;
    }

    /**
     * The same recurrence as {@link #forwardRange} (potentials in double, spike when u &gt; V, reset
     * by subtraction), specialised for float32 inference: currents are read and spikes written as
     * floats in bulk, with no widening copies and nothing kept for a backward pass.
     * {@code IfDynamicsTest} and {@code DeterminismTest} hold both paths to the same spikes.
     */
    private static double inferFloat(Blocks in, Blocks out, double[] u, int uOff, int lo, int len, int n, int steps,
                                     double v, Scratch sc) {
        float[] cur = sc.fa, o = sc.fb;
        double count = 0;
        for (int t = 0; t < steps; t++) {
            long base = (long) t * n + lo;
            in.loadFloats(base, cur, len);
            int c = 0;
            for (int i = 0; i < len; i++) {
                double p = u[uOff + i] + cur[i];
                boolean s = p > v;
                o[i] = s ? 1f : 0f;
                u[uOff + i] = s ? p - v : p;
                c += s ? 1 : 0;
            }
            count += c;
            out.storeFloats(base, o, len);
        }
        return count;
    }

    /**
     * BPTT through the IF recurrence for neurons [lo, lo+len), in place: on entry {@code g} holds
     * dL/do[t] for all steps, on exit dL/dI[t]; {@code u} holds the pre-reset potentials u[t]. The
     * one implementation both the real neuron and the smooth test variant use.
     */
    private static void backwardRange(Blocks u, Blocks g, int lo, int len, int n, int steps, double v, Surrogate sur,
                                      ResetGradient rg, Scratch sc) {
        double[] carry = sc.zeroed(len), pot = sc.a, grad = sc.b;
        float[] tmp = sc.fa;
        boolean detached = rg == ResetGradient.DETACHED;
        for (int t = steps - 1; t >= 0; t--) {
            long base = (long) t * n + lo;
            u.load(base, pot, tmp, len);
            g.load(base, grad, tmp, len);
            for (int i = 0; i < len; i++) {
                double sg = sur.derivative(pot[i], v), d = carry[i];
                double r = detached ? grad[i] * sg + d : (grad[i] - v * d) * sg + d;
                carry[i] = r;
                grad[i] = r;
            }
            g.store(base, grad, tmp, len);
        }
    }

    /** One range's heap blocks, kept between calls; each range has its own, so ranges run side by side. */
    private static final class Scratch {
        double[] a = new double[0], b = new double[0], c = new double[0];
        float[] fa = new float[0], fb = new float[0];

        Scratch ensure(int len) {
            if (a.length < len) { a = new double[len]; b = new double[len]; c = new double[len]; fa = new float[len]; fb = new float[len]; }
            return this;
        }

        /** The third block, zeroed over [0, len): membranes of a stateless pass, the backward carry. */
        double[] zeroed(int len) {
            Arrays.fill(c, 0, len, 0.0);
            return c;
        }
    }

    private Scratch[] scratch = new Scratch[0];

    /** How many ranges a pass over {@code n} neurons runs in, with a scratch for each (grown here, before the fork). */
    private int parts(int n) {
        int parts = NeuronRanges.parts(n);
        if (scratch.length < parts) {
            Scratch[] grown = Arrays.copyOf(scratch, parts);
            for (int p = scratch.length; p < parts; p++) grown[p] = new Scratch();
            scratch = grown;
        }
        return parts;
    }

    /** Range {@code part}'s scratch, sized for {@code len} neurons; called from that range's thread. */
    private Scratch scratch(int part, int len) {
        return scratch[part].ensure(len);
    }

    /** Wall time spent in this neuron's forward and backward recurrences so far (for benchmarks). */
    public long nanosInRecurrence() { return nanos; }
}
