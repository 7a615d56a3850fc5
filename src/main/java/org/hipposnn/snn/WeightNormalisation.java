package org.hipposnn.snn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hipposnn.engine.Buffers;
import org.hipposnn.engine.Neuron;
import org.hipposnn.engine.ReluNeuron;
import org.hipposnn.engine.UNet;
import org.hipposnn.network.LayerSpec;
import org.hipposnn.network.UNetSpec;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Data-based weight normalisation with connection-wise (per concatenated block) scaling; the SNN
 * then uses threshold 1 everywhere.
 *
 * <p><b>Normalisation factors.</b> The ANN (ReLU, T = 1, no dropout) runs on the given slices;
 * every spiking node l (conv or upconv followed by a neuron) gets lambda_l = the
 * {@code percentile} (default 99.9) of its positive ReLU activations ({@link PositiveStatistic}).
 * The network input has lambda = 1 (intensities in [0, 1] are already rates); average pooling and
 * concatenation pass their sources' lambdas through (a concat keeps one lambda per channel block);
 * the non-spiking output node has lambda = 1 so that its mean current equals the ANN logit.
 *
 * <p><b>Weights.</b> In rate terms a neuron with threshold 1 fed by sources firing at
 * a_s / lambda_s fires at (sum W' a_s / lambda_s). To make that a_l / lambda_l = (sum W a_s) / lambda_l
 * every weight from source s into layer l is scaled by {@code lambda_s / lambda_l}:
 * <pre>
 *   W'_l = W_l * lambda_src / lambda_l                      (conv, upconv, output: one source)
 *   W'_d[:, 0:C_u]        = W_d[:, 0:C_u]        * lambda_u    / lambda_d   (d = conv(concat(u, e)))
 *   W'_d[:, C_u:C_u+C_e]  = W_d[:, C_u:C_u+C_e]  * lambda_e    / lambda_d
 * </pre>
 * where the d-layer's conv weight is [out, in, k, k] and its input-channel blocks follow the concat
 * order (upconv output u first, skip e second); for a layer after a pooling node, lambda_src is the
 * pooled layer's lambda. So with lambda_in = 1: e1' = e1 / lambda_e1, e1b' = e1b * lambda_e1 / lambda_e1b,
 * e2' = e2 * lambda_e1b / lambda_e2, ..., u2' = u2 * lambda_e3b / lambda_u2, d2' as above with
 * (u2, e2b), ..., out' = out * lambda_d1. Weights are changed in place.
 */
public final class WeightNormalisation {
    public static final double DEFAULT_PERCENTILE = 99.9;

    private final PositiveStatistic statistic;
    private final int batch;

    public WeightNormalisation() { this(new PositiveStatistic(DEFAULT_PERCENTILE), 26); }

    /** @param batch slices per ANN forward pass while collecting activations */
    public WeightNormalisation(PositiveStatistic statistic, int batch) {
        this.statistic = statistic;
        this.batch = batch;
    }

    /**
     * Measures lambda on {@code slices} with the ANN (the network's neuron is replaced by ReLU while
     * measuring and restored after) and rescales the weights in place. @return lambda per spiking node
     */
    public Map<String, Double> normalise(UNet net, Neuron restore, INDArray slices) {
        Map<String, Double> lambda = measure(net, slices);
        apply(net, lambda);
        net.setNeuron(restore);
        return lambda;
    }

    /** lambda_l for every spiking node, from ANN activations on the slices (two passes: max, histogram). */
    public Map<String, Double> measure(UNet net, INDArray slices) {
        net.setNeuron(new ReluNeuron());
        net.setTimeSteps(1);
        List<LayerSpec> spiking = net.spec().layers().stream().filter(LayerSpec::hasNeuron).toList();
        // the statistic over batches needs the global max first: collect every batch's activations
        // of one layer at a time would re-run the ANN per layer; instead keep positive copies per batch
        Map<String, List<INDArray>> acts = new HashMap<>();
        long n = slices.size(0);
        for (long from = 0; from < n; from += batch) {
            long to = Math.min(n, from + batch);
            INDArray xb = slices.get(NDArrayIndex.interval(from, to), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all()).dup('c');
            net.forward(xb, false);
            for (LayerSpec l : spiking) acts.computeIfAbsent(l.name(), k -> new ArrayList<>()).add(net.output(l.name()).dup('c'));
            Buffers.release(xb);
        }
        Map<String, Double> lambda = new LinkedHashMap<>();
        for (LayerSpec l : spiking) {
            double s = statistic.of(acts.get(l.name()));
            lambda.put(l.name(), s > 0 ? s : 1.0); // a dead layer: leave its scale alone
            acts.get(l.name()).forEach(Buffers::release);
        }
        return lambda;
    }

    /** Rescales the weights in place for the given lambdas (see the class comment). */
    public static void apply(UNet net, Map<String, Double> lambda) {
        Map<String, LayerSpec> byName = new HashMap<>();
        for (LayerSpec l : net.spec().layers()) byName.put(l.name(), l);
        for (LayerSpec l : net.spec().layers()) {
            if (!l.hasWeights()) continue;
            double own = l.hasNeuron() ? lambda.get(l.name()) : 1.0;
            List<double[]> blocks = sourceLambdas(l.inputs().get(0), byName, lambda); // {channels, lambda}
            INDArray w = net.weights().get(l.name());
            int inDim = l.kind() == LayerSpec.Kind.UP_CONV ? 0 : 1;
            long from = 0;
            for (double[] b : blocks) {
                long c = (long) b[0];
                INDArray part = inDim == 1
                        ? w.get(NDArrayIndex.all(), NDArrayIndex.interval(from, from + c), NDArrayIndex.all(), NDArrayIndex.all())
                        : w.get(NDArrayIndex.interval(from, from + c), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all());
                part.muli(b[1] / own);
                from += c;
            }
            if (from != l.inChannels()) throw new IllegalStateException(l.name() + ": blocks cover " + from + " of " + l.inChannels() + " channels");
        }
    }

    /** The channel blocks of a node's output with each block's normalisation, in channel order. */
    static List<double[]> sourceLambdas(String node, Map<String, LayerSpec> byName, Map<String, Double> lambda) {
        if (UNetSpec.INPUT.equals(node)) return List.of(new double[] {1, 1.0});
        LayerSpec l = byName.get(node);
        if (l.hasNeuron()) return List.of(new double[] {l.outChannels(), lambda.get(node)});
        List<double[]> out = new ArrayList<>();
        switch (l.kind()) {
            case AVG_POOL -> out.addAll(sourceLambdas(l.inputs().get(0), byName, lambda));
            case CONCAT -> { for (String in : l.inputs()) out.addAll(sourceLambdas(in, byName, lambda)); }
            default -> throw new IllegalStateException("no rate for the output of " + node);
        }
        return out;
    }
}
