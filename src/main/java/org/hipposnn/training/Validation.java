package org.hipposnn.training;

import org.hipposnn.engine.Buffers;
import org.hipposnn.engine.Losses;
import org.hipposnn.engine.TrainableNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Loss and Dice of a network on held-out slices (inference mode, no dropout). Dice here is pooled
 * over all validation pixels of the crops (a quick monitor); the reported accuracy is the per-subject
 * 3-D Dice on the original grid ({@code evaluation}).
 */
record Validation(double loss, double dice, double foregroundFraction) {

    static Validation of(TrainableNetwork net, SliceSet slices, Losses.Kind kind, int batchSize) {
        int n = slices.size();
        int[] all = new int[n];
        for (int i = 0; i < n; i++) all[i] = i;
        double lossSum = 0, inter = 0, predicted = 0, truth = 0;
        for (int from = 0; from < n; from += batchSize) {
            int to = Math.min(n, from + batchSize);
            INDArray x = slices.images(all, from, to), y = slices.labels(all, from, to);
            INDArray z = net.forward(x, false);
            Losses.Value v = kind.evaluate(z, y);
            lossSum += v.loss() * (to - from);
            INDArray p = z.gt(0).castTo(y.dataType()); // sigmoid(z) > 0.5
            INDArray py = p.mul(y);
            inter += py.sumNumber().doubleValue();
            predicted += p.sumNumber().doubleValue();
            truth += y.sumNumber().doubleValue();
            Buffers.release(v.gradient(), x, y, p, py);
        }
        double dice = predicted + truth > 0 ? 2 * inter / (predicted + truth) : Double.NaN;
        long pixels = (long) n * slices.height() * slices.width();
        return new Validation(lossSum / n, dice, predicted / pixels);
    }
}
