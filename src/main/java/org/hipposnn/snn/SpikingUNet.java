package org.hipposnn.snn;

import java.util.Map;
import java.util.SplittableRandom;

import org.hipposnn.engine.Buffers;
import org.hipposnn.engine.UNet;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The SNN: the engine's {@link UNet} (same description, same weights) with an {@link IfNeuron},
 * an input {@link Encoder} and the accumulating output ({@link OutputAccumulator}).
 *
 * <ul>
 * <li>{@link #forward} (training and small simulations) stacks all T steps in the batch
 * ([T*B, 1, H, W]); every layer holds all T steps of its activity, which BPTT needs.
 * {@link #backward} then returns the weight gradients.</li>
 * <li>{@link #infer} simulates in chunks of K steps with the membranes kept between chunks
 * (stateful neuron): memory is that of a K-step stack, independent of T (T = 200 on 26 slices
 * never holds more than K steps of any layer). Same seed, same result as {@link #forward}.</li>
 * </ul>
 * Seeded: every forward or infer call draws its encoder seed from one generator seeded by
 * {@link #setSeed}, so the same seed gives the same sequence of spikes and outputs. Dropout masks
 * come from the UNet's own seeded generator ({@link UNet#seedDropout}).
 *
 * <p>Memory: in training, each layer's T steps of spikes are kept as bytes once the forward pass is
 * past their last reader ({@link UNet#setCompactSpikes}); the neuron keeps its potentials as floats
 * (the surrogate needs them). The logits returned are new arrays the caller frees; the encoded input of the last
 * training forward pass lives until the next forward pass (the first conv's backward reads it).
 */
public final class SpikingUNet implements org.hipposnn.engine.TrainableNetwork {
    private final UNet net;
    private final IfNeuron neuron;
    private Encoder encoder = new PoissonEncoder();
    private int timeSteps = 1;
    private SplittableRandom seeds = new SplittableRandom(0);
    private SpikeStats stats;
    private INDArray lastInput;
    private boolean canBackward;
    private boolean spikesAsBytes = true;

    /** Puts an {@link IfNeuron} (thresholds 1) into {@code net}. */
    public SpikingUNet(UNet net) { this(net, new IfNeuron()); }

    public SpikingUNet(UNet net, IfNeuron neuron) {
        this.net = net;
        this.neuron = neuron;
        net.setNeuron(neuron);
    }

    public UNet network() { return net; }

    public IfNeuron neuron() { return neuron; }

    /** Whether training keeps spikes as bytes (default; exact) or as floats (for comparison). */
    public void setSpikesAsBytes(boolean on) { spikesAsBytes = on; }

    public void setThresholds(Map<String, Double> thresholds) { neuron.setThresholds(thresholds); }

    public Map<String, Double> thresholds() { return neuron.thresholds(); }

    public void setTimeSteps(int t) {
        if (t < 1) throw new IllegalArgumentException("time steps must be >= 1: " + t);
        timeSteps = t;
    }

    public int timeSteps() { return timeSteps; }

    public void setEncoder(Encoder e) { encoder = java.util.Objects.requireNonNull(e); }

    public Encoder encoder() { return encoder; }

    @Override
    public Map<String, INDArray> weights() { return net.weights(); }

    /** For training epochs: input spikes and dropout masks both follow from the epoch's seed. */
    @Override
    public void seedDropout(long seed) { setSeed(seed); }

    /** Restarts the sequence of encoder seeds (and reseeds dropout from the same seed). */
    public void setSeed(long seed) {
        seeds = new SplittableRandom(seed);
        net.seedDropout(seed ^ 0x2545F4914F6CDD1DL);
    }

    /** Spike counts of later passes go to {@code s} (null: none). */
    public void setStats(SpikeStats s) {
        stats = s;
        neuron.setSpikeListener(s);
    }

    /**
     * All T steps at once. @param x analogue slices [B, 1, H, W] (not freed)
     * @return the mean output current over T, [B, 1, H, W] (the logits; a new array the caller frees)
     */
    @Override
    public INDArray forward(INDArray x, boolean training) {
        Buffers.release(lastInput);
        lastInput = null;
        canBackward = false;
        INDArray in = encoder.start(x, seeds.nextLong()).next(timeSteps);
        if (stats != null) stats.onInput(nonZeros(in), x.size(0), !encoder.spikes());
        neuron.setStateful(false);
        neuron.setTimeSteps(timeSteps);
        net.setTimeSteps(timeSteps);
        net.setCompactSpikes(spikesAsBytes && neuron.binaryOutput());
        INDArray logits = net.forward(in, training);
        lastInput = in;
        canBackward = training;
        return OutputAccumulator.mean(logits, timeSteps);
    }

    /** Weight gradients from dL/d(mean logits) [B, 1, H, W] of the last training forward pass. */
    @Override
    public Map<String, INDArray> backward(INDArray gradLogits) {
        if (!canBackward) throw new IllegalStateException("backward needs a preceding forward(x, true)");
        canBackward = false;
        INDArray g = OutputAccumulator.backward(gradLogits, timeSteps);
        Map<String, INDArray> grads = net.backward(g);
        Buffers.release(g);
        return grads;
    }

    /**
     * Inference in chunks of {@code chunk} steps (the last chunk may be shorter) with the membranes
     * carried between chunks: memory bounded by a chunk-step stack whatever T is.
     * @return mean logits [B, 1, H, W], a new array the caller frees
     */
    public INDArray infer(INDArray x, int chunk) {
        return inferAt(x, chunk, timeSteps).get(timeSteps);
    }

    /**
     * One simulation of max(steps) steps that reports the mean logits after each of the given step
     * counts: the latency/accuracy curve at the cost of its longest point.
     * @return step count -> mean logits [B, 1, H, W] (new arrays the caller frees), in ascending order
     */
    public java.util.SortedMap<Integer, INDArray> inferAt(INDArray x, int chunk, int... steps) {
        if (chunk < 1) throw new IllegalArgumentException("chunk must be >= 1: " + chunk);
        int[] marks = java.util.Arrays.stream(steps).sorted().distinct().toArray();
        if (marks.length == 0 || marks[0] < 1) throw new IllegalArgumentException("step counts must be >= 1");
        Buffers.release(lastInput);
        lastInput = null;
        canBackward = false;
        Encoder.Stream stream = encoder.start(x, seeds.nextLong());
        long[] shape = x.shape();
        double[] sum = new double[Math.toIntExact(x.length())];
        java.util.SortedMap<Integer, INDArray> out = new java.util.TreeMap<>();
        neuron.setStateful(true);
        neuron.resetState();
        try {
            int next = 0;
            for (int done = 0; done < marks[marks.length - 1]; ) {
                int k = Math.min(chunk, marks[next] - done);
                INDArray in = stream.next(k);
                if (stats != null) {
                    if (done == 0) stats.onInput(nonZeros(in), shape[0], !encoder.spikes());
                    else stats.onInputEvents(nonZeros(in));
                }
                neuron.setTimeSteps(k);
                net.setTimeSteps(k);
                OutputAccumulator.accumulate(net.forward(in, false), k, sum);
                Buffers.release(in);
                done += k;
                if (done == marks[next]) out.put(marks[next++], OutputAccumulator.toMean(sum.clone(), done, x, shape));
            }
        } finally {
            neuron.setStateful(false);
        }
        return out;
    }

    private static double nonZeros(INDArray a) {
        INDArray d = Blocks.dense(a) ? a : a.dup('c');
        int n = Math.toIntExact(d.length() / Math.max(1, d.size(0)));
        long steps = d.size(0);
        double[] buf = new double[n];
        Blocks b = Blocks.of(d);
        double c = 0;
        for (long s = 0; s < steps; s++) {
            b.load(s * n, buf, n);
            for (double v : buf) if (v != 0) c++;
        }
        if (d != a) Buffers.release(d);
        return c;
    }
}
