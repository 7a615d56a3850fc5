package org.hipposnn.ann;

import java.util.Map;
import org.hipposnn.engine.Buffers;
import org.hipposnn.engine.UNet;
import org.hipposnn.network.UNetSpec;
import org.hipposnn.segment.SlicePredictor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The ANN's forward pass (no dropout) over slices, in batches, through the sigmoid. */
public final class AnnPredictor implements SlicePredictor {
    private final UNet net;
    private final int batchSize;

    public AnnPredictor(UNetSpec spec, Map<String, INDArray> weights, int batchSize) {
        this.net = new UNet(spec, 0);
        weights.forEach((k, w) -> net.weights().get(k).assign(w));
        this.batchSize = batchSize;
    }

    @Override
    public float[] probabilities(float[] slices, int count, int height, int width) {
        int plane = height * width;
        float[] out = new float[count * plane];
        for (int from = 0; from < count; from += batchSize) {
            int n = Math.min(batchSize, count - from);
            float[] part = java.util.Arrays.copyOfRange(slices, from * plane, (from + n) * plane);
            INDArray x = Nd4j.create(part, new long[] {n, 1, height, width}, 'c');
            INDArray p = Transforms.sigmoid(net.forward(x, false), true);
            System.arraycopy(p.data().asFloat(), 0, out, from * plane, n * plane);
            Buffers.release(x, p);
        }
        return out;
    }
}
