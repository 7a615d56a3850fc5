package org.hipposnn.engine;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Thin wrappers over libnd4j's native convolution and pooling ops (oneDNN-accelerated for float32
 * when ND4J's helpers are allowed). All arrays are NCHW; weights are in PyTorch layout
 * (wFormat 1): conv [out, in, k, k], transposed conv [in, out, k, k]. No bias.
 *
 * <p>Integer arguments of conv2d/deconv2d(_bp): kH, kW, sH, sW, pH, pW, dH, dW, sameMode,
 * dataFormat (0 = NCHW), wFormat. Of avgpool2d(_bp): kH, kW, sH, sW, pH, pW, dH, dW, sameMode,
 * divisor mode (0 = exclude padding), dataFormat (0 = NCHW).
 */
public final class NativeOps {
    private static final int NCHW = 0, W_OIHW = 1;

    private NativeOps() {}

    private static int[] convArgs(int k, int stride, int pad) {
        return new int[] {k, k, stride, stride, pad, pad, 1, 1, 0, NCHW, W_OIHW};
    }

    /** Stride-1 "same" convolution (odd k, zero padding k/2): x [B,Ci,H,W], w [Co,Ci,k,k] -> [B,Co,H,W]. */
    public static INDArray conv2d(INDArray x, INDArray w) {
        int k = (int) w.size(2);
        INDArray out = Nd4j.createUninitialized(x.dataType(), x.size(0), w.size(0), x.size(2), x.size(3));
        Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(x, w).addOutputs(out)
                .addIntegerArguments(convArgs(k, 1, k / 2)).build());
        return out;
    }

    /** Gradients of {@link #conv2d}: returns {dL/dx, dL/dw}. */
    public static INDArray[] conv2dBackward(INDArray x, INDArray w, INDArray gradOut) {
        int k = (int) w.size(2);
        INDArray gx = Nd4j.createUninitialized(x.dataType(), x.shape());
        INDArray gw = Nd4j.createUninitialized(w.dataType(), w.shape());
        Nd4j.exec(DynamicCustomOp.builder("conv2d_bp").addInputs(x, w, gradOut).addOutputs(gx, gw)
                .addIntegerArguments(convArgs(k, 1, k / 2)).build());
        return new INDArray[] {gx, gw};
    }

    /** Transposed convolution, kernel = stride = k, no padding: x [B,Ci,H,W], w [Ci,Co,k,k] -> [B,Co,kH,kW]. */
    public static INDArray deconv2d(INDArray x, INDArray w) {
        int k = (int) w.size(2);
        INDArray out = Nd4j.createUninitialized(x.dataType(), x.size(0), w.size(1), x.size(2) * k, x.size(3) * k);
        Nd4j.exec(DynamicCustomOp.builder("deconv2d").addInputs(x, w).addOutputs(out)
                .addIntegerArguments(convArgs(k, k, 0)).build());
        return out;
    }

    /** Gradients of {@link #deconv2d}: returns {dL/dx, dL/dw}. */
    public static INDArray[] deconv2dBackward(INDArray x, INDArray w, INDArray gradOut) {
        int k = (int) w.size(2);
        INDArray gx = Nd4j.createUninitialized(x.dataType(), x.shape());
        INDArray gw = Nd4j.createUninitialized(w.dataType(), w.shape());
        Nd4j.exec(DynamicCustomOp.builder("deconv2d_bp").addInputs(x, w, gradOut).addOutputs(gx, gw)
                .addIntegerArguments(convArgs(k, k, 0)).build());
        return new INDArray[] {gx, gw};
    }

    private static int[] poolArgs(int k) {
        return new int[] {k, k, k, k, 0, 0, 1, 1, 0, 0, NCHW};
    }

    /** k x k average pooling, stride k: [B,C,H,W] -> [B,C,H/k,W/k]. */
    public static INDArray avgPool(INDArray x, int k) {
        INDArray out = Nd4j.createUninitialized(x.dataType(), x.size(0), x.size(1), x.size(2) / k, x.size(3) / k);
        Nd4j.exec(DynamicCustomOp.builder("avgpool2d").addInputs(x).addOutputs(out)
                .addIntegerArguments(poolArgs(k)).build());
        return out;
    }

    /** Gradient of {@link #avgPool} with respect to its input. */
    public static INDArray avgPoolBackward(INDArray x, INDArray gradOut, int k) {
        INDArray gx = Nd4j.createUninitialized(x.dataType(), x.shape());
        Nd4j.exec(DynamicCustomOp.builder("avgpool2d_bp").addInputs(x, gradOut).addOutputs(gx)
                .addIntegerArguments(poolArgs(k)).build());
        return gx;
    }
}
