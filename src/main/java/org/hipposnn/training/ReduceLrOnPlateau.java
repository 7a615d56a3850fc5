package org.hipposnn.training;

/**
 * PyTorch's ReduceLROnPlateau (mode "min", relative threshold), the scheduler the paper used:
 * when the monitored loss has not improved by more than {@code threshold} (relative) for
 * {@code patience} epochs, the learning rate is multiplied by {@code factor}.
 * Its state is three numbers, so checkpoints can carry it.
 */
public final class ReduceLrOnPlateau {
    public static final double DEFAULT_FACTOR = 0.1, DEFAULT_THRESHOLD = 1e-4;
    public static final int DEFAULT_PATIENCE = 10;

    private final double factor, threshold, minLr;
    private final int patience;
    private double best = Double.POSITIVE_INFINITY;
    private int badEpochs;

    public ReduceLrOnPlateau(double factor, int patience, double threshold, double minLr) {
        if (!(factor > 0 && factor < 1)) throw new IllegalArgumentException("factor must be in (0, 1), got " + factor);
        if (patience < 0) throw new IllegalArgumentException("patience must be >= 0, got " + patience);
        this.factor = factor;
        this.patience = patience;
        this.threshold = threshold;
        this.minLr = minLr;
    }

    public static ReduceLrOnPlateau defaults() {
        return new ReduceLrOnPlateau(DEFAULT_FACTOR, DEFAULT_PATIENCE, DEFAULT_THRESHOLD, 0);
    }

    /** Feeds one epoch's monitored loss; returns the learning rate to use next. */
    public double step(double loss, double lr) {
        if (loss < best * (1 - threshold)) {
            best = loss;
            badEpochs = 0;
            return lr;
        }
        if (++badEpochs > patience) {
            badEpochs = 0;
            return Math.max(minLr, lr * factor);
        }
        return lr;
    }

    public int patience() { return patience; }

    /** Epochs since the last improvement. */
    public int badEpochs() { return badEpochs; }

    public double best() { return best; }

    /** Restores the state saved in a checkpoint. */
    public void restore(double best, int badEpochs) {
        this.best = best;
        this.badEpochs = badEpochs;
    }
}
