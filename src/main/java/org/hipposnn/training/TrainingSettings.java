package org.hipposnn.training;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import org.hipposnn.engine.Losses;

/**
 * How a network is trained (paper §4.1 and METHOD.md): loss, epochs, batch 26, Adam, and
 * ReduceLROnPlateau on the validation loss.
 *
 * @param loss            BCE, DICE or BCE_DICE (0.3 BCE + 0.7 Dice)
 * @param epochs          maximum number of epochs (paper: 100 for the ANN, 35 for the SNN)
 * @param batchSize       slices per step (paper: 26)
 * @param learningRate    Adam's initial learning rate (paper: 1e-3 ANN, 1e-4 SNN fine-tuning)
 * @param seed            shuffling, dropout and initialisation all derive from it
 * @param plateauFactor   ReduceLROnPlateau factor
 * @param plateauPatience ReduceLROnPlateau patience (epochs); also defines convergence
 * @param warmupEpochs    the first epochs train with {@code warmupLoss} instead of {@code loss}: the remedy
 *                        for a loss that leaves the net predicting no foreground at all — BCE warm-up for
 *                        a bias-free ANN under pure Dice (METHOD.md), BCE-Dice warm-up for an SNN under
 *                        pure BCE (whose silent foreground gets no gradient; docs/results/crossval.md)
 * @param warmupLoss      the loss of the warm-up epochs (null when there are none)
 * @param earlyStop       stop once the validation loss has not improved for this many epochs (0: never)
 */
public record TrainingSettings(Losses.Kind loss, int epochs, int batchSize, double learningRate, long seed,
                               double plateauFactor, int plateauPatience, int warmupEpochs, Losses.Kind warmupLoss,
                               int earlyStop) {

    public TrainingSettings {
        if (epochs < 1) throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        if (!(learningRate > 0)) throw new IllegalArgumentException("learning rate must be > 0, got " + learningRate);
        if (warmupEpochs < 0 || earlyStop < 0) throw new IllegalArgumentException("warm-up and early stop must be >= 0");
        if (warmupEpochs > 0 && warmupLoss == null) throw new IllegalArgumentException("warm-up epochs need a warm-up loss");
        if (warmupEpochs == 0) warmupLoss = null;
    }

    /** The paper's ANN settings for a loss; Dice gets one BCE warm-up epoch. */
    public static TrainingSettings ann(Losses.Kind loss, int epochs, long seed) {
        return new TrainingSettings(loss, epochs, 26, 1e-3, seed, ReduceLrOnPlateau.DEFAULT_FACTOR,
                ReduceLrOnPlateau.DEFAULT_PATIENCE, loss == Losses.Kind.DICE ? 1 : 0, Losses.Kind.BCE, 0);
    }

    /**
     * Spike-based BPTT settings (fine-tuning, direct training): {@code bceWarmup} epochs of BCE-Dice
     * start a BCE run (0: none, the paper's), and are refused for the other losses.
     */
    public static TrainingSettings bptt(Losses.Kind loss, int epochs, int batchSize, double learningRate, long seed,
                                        int plateauPatience, int bceWarmup, int earlyStop) {
        if (bceWarmup < 0 || (bceWarmup > 0 && loss != Losses.Kind.BCE)) {
            throw new IllegalArgumentException("the BCE-Dice warm-up is for the bce loss, in epochs >= 0; got " + bceWarmup + " with " + loss.id());
        }
        return new TrainingSettings(loss, epochs, batchSize, learningRate, seed, ReduceLrOnPlateau.DEFAULT_FACTOR, plateauPatience,
                bceWarmup, bceWarmup > 0 ? Losses.Kind.BCE_DICE : null, earlyStop);
    }

    public JsonObject toJson() {
        return new Gson().toJsonTree(this).getAsJsonObject();
    }
}
