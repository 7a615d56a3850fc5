package org.hipposnn.engine;

import java.util.HashMap;
import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Adam (Kingma and Ba), as PyTorch's torch.optim.Adam without weight decay:
 * m = b1 m + (1-b1) g; v = b2 v + (1-b2) g^2; w -= lr (m / (1-b1^t)) / (sqrt(v / (1-b2^t)) + eps).
 * Updates the weight arrays in place.
 */
public final class Adam {
    private double lr;
    private final double beta1, beta2, eps;
    private final Map<String, INDArray> m = new HashMap<>(), v = new HashMap<>();
    private int t;

    public Adam(double lr) { this(lr, 0.9, 0.999, 1e-8); }

    public Adam(double lr, double beta1, double beta2, double eps) {
        this.lr = lr; this.beta1 = beta1; this.beta2 = beta2; this.eps = eps;
    }

    public double learningRate() { return lr; }

    /** For learning-rate schedules (ReduceLROnPlateau). */
    public void setLearningRate(double lr) { this.lr = lr; }

    public int steps() { return t; }

    /** First and second moment estimates (live), for checkpoints. */
    public Map<String, INDArray> firstMoments() { return m; }

    public Map<String, INDArray> secondMoments() { return v; }

    /** Restores a checkpointed state: step count and moments (copied). */
    public void restore(int steps, Map<String, INDArray> first, Map<String, INDArray> second) {
        this.t = steps;
        m.clear();
        v.clear();
        first.forEach((k, a) -> m.put(k, a.dup()));
        second.forEach((k, a) -> v.put(k, a.dup()));
    }

    public void step(Map<String, INDArray> weights, Map<String, INDArray> grads) {
        t++;
        double bc1 = 1 - Math.pow(beta1, t), bc2 = 1 - Math.pow(beta2, t);
        for (Map.Entry<String, INDArray> e : grads.entrySet()) {
            INDArray g = e.getValue(), w = weights.get(e.getKey());
            INDArray mi = m.computeIfAbsent(e.getKey(), k -> g.ulike().assign(0));
            INDArray vi = v.computeIfAbsent(e.getKey(), k -> g.ulike().assign(0));
            INDArray g1 = g.mul(1 - beta1), g2 = g.mul(g).muli(1 - beta2);
            mi.muli(beta1).addi(g1);
            vi.muli(beta2).addi(g2);
            INDArray denom = Transforms.sqrt(vi.div(bc2), false).addi(eps);
            INDArray update = mi.div(denom).muli(lr / bc1);
            w.subi(update);
            Buffers.release(g1, g2, denom, update);
        }
    }
}
