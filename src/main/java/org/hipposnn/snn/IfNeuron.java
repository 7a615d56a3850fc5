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
 * off-heap arrays with bulk copies, {@link Blocks}).
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
    private double[] scratchA = new double[0], scratchB = new double[0], scratchC = new double[0];
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
        Blocks ib = Blocks.of(in), ob = Blocks.of(out);
        double[] u;
        if (stateful) {
            u = membranes.computeIfAbsent(layer.name(), k -> new double[n]);
            if (u.length != n) throw new IllegalStateException(layer.name() + ": batch changed within a stateful simulation");
        } else {
            u = scratchC(n);
            Arrays.fill(u, 0, n, 0.0);
        }
        double count = 0;
        if (!training && !smooth && current.dataType() == org.nd4j.linalg.api.buffer.DataType.FLOAT) {
            count = inferFloat(ib, ob, u, n, steps, v); // inference: no widening copies, no potentials kept
        } else {
        double[] cur = scratchA(n), o = scratchB(n);
        for (int t = 0; t < steps; t++) {
            long base = (long) t * n;
            ib.load(base, cur, n);
            if (smooth) {
                for (int i = 0; i < n; i++) {
                    double p = u[i] + cur[i];
                    double s = surrogate.integral(p, v);
                    cur[i] = p; o[i] = s; u[i] = p - v * s;
                }
            } else {
                int c = 0;
                for (int i = 0; i < n; i++) {
                    double p = u[i] + cur[i];
                    boolean s = p > v;
                    cur[i] = p;
                    o[i] = s ? 1.0 : 0.0;
                    u[i] = s ? p - v : p;
                    c += s ? 1 : 0;
                }
                count += c;
            }
            if (training) ib.store(base, cur, n); // I[t] -> u[t], what the backward pass needs
            ob.store(base, o, n);
        }
        }
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
                backwardRecurrence(Blocks.of(potentials), Blocks.of(g), n, steps, v, sur, rg);
                nanos += System.nanoTime() - start;
                return g;
            }

            @Override public void release() { org.hipposnn.engine.Buffers.release(ownedCopy); }
        };
    }

    /**
     * The same recurrence as the general loop in {@link #forward} (potentials in double, spike when
     * u &gt; V, reset by subtraction), specialised for float32 inference: currents are read and spikes
     * written as floats in bulk, with no widening copies and nothing kept for a backward pass.
     * {@code IfDynamicsTest} and {@code DeterminismTest} hold both paths to the same spikes.
     */
    private double inferFloat(Blocks in, Blocks out, double[] u, int n, int steps, double v) {
        float[] cur = floatScratch(n), o = floatScratch2(n);
        double count = 0;
        for (int t = 0; t < steps; t++) {
            long base = (long) t * n;
            in.loadFloats(base, cur, n);
            int c = 0;
            for (int i = 0; i < n; i++) {
                double p = u[i] + cur[i];
                boolean s = p > v;
                o[i] = s ? 1f : 0f;
                u[i] = s ? p - v : p;
                c += s ? 1 : 0;
            }
            count += c;
            out.storeFloats(base, o, n);
        }
        return count;
    }

    private float[] floatA = new float[0], floatB = new float[0];

    private float[] floatScratch(int n) {
        if (floatA.length < n) floatA = new float[n];
        return floatA;
    }

    private float[] floatScratch2(int n) {
        if (floatB.length < n) floatB = new float[n];
        return floatB;
    }

    /**
     * BPTT through the IF recurrence, in place: on entry {@code g} holds dL/do[t] for all steps, on
     * exit dL/dI[t]; {@code u} holds the pre-reset potentials u[t]. The one implementation both the
     * real neuron and the smooth test variant use.
     */
    private void backwardRecurrence(Blocks u, Blocks g, int n, int steps, double v, Surrogate sur, ResetGradient rg) {
        double[] carry = scratchC(n), pot = scratchA(n), grad = scratchB(n);
        Arrays.fill(carry, 0, n, 0.0);
        boolean detached = rg == ResetGradient.DETACHED;
        for (int t = steps - 1; t >= 0; t--) {
            long base = (long) t * n;
            u.load(base, pot, n);
            g.load(base, grad, n);
            for (int i = 0; i < n; i++) {
                double sg = sur.derivative(pot[i], v), d = carry[i];
                double r = detached ? grad[i] * sg + d : (grad[i] - v * d) * sg + d;
                carry[i] = r;
                grad[i] = r;
            }
            g.store(base, grad, n);
        }
    }

    private double[] scratchA(int n) {
        if (scratchA.length < n) scratchA = new double[n];
        return scratchA;
    }

    private double[] scratchC(int n) {
        if (scratchC.length < n) scratchC = new double[n];
        return scratchC;
    }

    /** Wall time spent in this neuron's forward and backward recurrences so far (for benchmarks). */
    public long nanosInRecurrence() { return nanos; }

    private double[] scratchB(int n) {
        if (scratchB.length < n) scratchB = new double[n];
        return scratchB;
    }
}
