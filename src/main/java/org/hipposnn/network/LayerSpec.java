package org.hipposnn.network;

import java.util.List;

/**
 * One node of the network, as every engine stage (ANN, converted SNN, BPTT) walks it.
 *
 * @param name       unique name, also the key of this layer's weights (e1, e1b, p1, ..., u2, c2, d2, ..., out)
 * @param kind       what the node computes
 * @param inputs     names of the nodes it reads ("input" is the network input); CONCAT reads two
 * @param inChannels channels read (for CONCAT the sum of both inputs)
 * @param outChannels channels produced
 * @param kernel     kernel size (3 for CONV, 2 for AVG_POOL and UP_CONV, 1 for OUTPUT, 0 for CONCAT)
 * @param outH       output height
 * @param outW       output width
 * @param dropoutAfter whether dropout is applied to this node's (post-neuron) output while training
 */
public record LayerSpec(String name, Kind kind, List<String> inputs, int inChannels, int outChannels,
                        int kernel, int outH, int outW, boolean dropoutAfter) {

    /** The kinds of node. */
    public enum Kind {
        /** k x k convolution, stride 1, "same" zero padding, no bias; followed by a neuron. */
        CONV,
        /** 2 x 2 average pooling, stride 2; no neuron. */
        AVG_POOL,
        /** 2 x 2 transposed convolution, stride 2, no bias; followed by a neuron. */
        UP_CONV,
        /** channel concatenation of its two inputs (first input's channels first); no neuron. */
        CONCAT,
        /** 1 x 1 convolution to the logit channel, no bias, no neuron (the SNN's accumulating layer). */
        OUTPUT
    }

    public LayerSpec {
        inputs = List.copyOf(inputs);
    }

    /** Whether this node has weights (stored under its name). */
    public boolean hasWeights() {
        return kind == Kind.CONV || kind == Kind.UP_CONV || kind == Kind.OUTPUT;
    }

    /** Whether a (hidden) neuron follows this node: ReLU in the ANN, integrate-and-fire in the SNN. */
    public boolean hasNeuron() {
        return kind == Kind.CONV || kind == Kind.UP_CONV;
    }

    /**
     * Weight shape, PyTorch layout: conv [out, in, k, k]; transposed conv [in, out, k, k];
     * null when the node has no weights.
     */
    public long[] weightShape() {
        return switch (kind) {
            case CONV, OUTPUT -> new long[] {outChannels, inChannels, kernel, kernel};
            case UP_CONV -> new long[] {inChannels, outChannels, kernel, kernel};
            default -> null;
        };
    }

    /** Number of inputs feeding one output neuron (He initialisation); 0 for nodes without weights. */
    public int fanIn() {
        return switch (kind) {
            case CONV, OUTPUT -> inChannels * kernel * kernel;
            // k = stride = 2: each output pixel sees exactly one input pixel per input channel
            case UP_CONV -> inChannels;
            default -> 0;
        };
    }

    /**
     * Multiply-accumulates of one forward pass for one slice: k^2 * Cin * Cout * Hout * Wout for
     * convolutions. For the transposed convolution (k = stride = 2, no overlap) every input pixel
     * feeds k^2 outputs, so this equals Cin * Cout * Hout * Wout. Pooling and concatenation: 0.
     */
    public long macs() {
        return switch (kind) {
            case CONV, OUTPUT -> (long) kernel * kernel * inChannels * outChannels * outH * outW;
            case UP_CONV -> (long) inChannels * outChannels * outH * outW;
            default -> 0L;
        };
    }
}
