package org.hipposnn.cli;

import java.nio.file.Path;
import org.hipposnn.engine.Losses;
import org.hipposnn.finetune.SnnFineTuning;
import org.hipposnn.snn.ResetGradient;
import org.hipposnn.snn.Surrogate;
import org.hipposnn.training.ReduceLrOnPlateau;
import org.hipposnn.training.TrainingSettings;
import picocli.CommandLine.Option;

/** Options of spike-based BPTT, shared by fine-tuning and direct SNN training. */
final class BpttOptions {
    @Option(names = "--out", required = true, description = "SNN model bundle to write.") Path out;
    @Option(names = "--time-steps", defaultValue = "20", description = "T of every training pass (and the model's T); default ${DEFAULT-VALUE}.") int timeSteps;
    @Option(names = "--epochs", defaultValue = "35", description = "Maximum epochs (paper: 35).") int epochs;
    @Option(names = "--loss", defaultValue = "bce-dice", converter = LossConverter.class, description = "bce, dice or bce-dice.") Losses.Kind loss;
    @Option(names = "--batch", defaultValue = "26", description = "Slices per step (paper: 26).") int batch;
    @Option(names = "--patience", defaultValue = "" + ReduceLrOnPlateau.DEFAULT_PATIENCE, description = "ReduceLROnPlateau patience; defines convergence.") int patience;
    @Option(names = "--early-stop", defaultValue = "0", description = "Stop after this many epochs without improvement (0: never).") int earlyStop;
    @Option(names = "--alpha", defaultValue = "0.3", description = "Surrogate gradient height (Eq. 5).") double alpha;
    @Option(names = "--surrogate", defaultValue = "threshold-units", description = "threshold-units: alpha max(0, 1-|u/V-1|)/V (Rathi); paper: alpha max(0, 1-|u-V|).") String surrogate;
    @Option(names = "--reset", defaultValue = "detached", description = "Reset term in the backward pass: detached (Rathi) or included.") String reset;
    @Option(names = "--warmup", defaultValue = "0", description = "Epochs of BCE-Dice before a BCE run (0: none): BCE alone can leave "
            + "the SNN's foreground silent.") int warmup;
    @Option(names = "--seed", defaultValue = "1", description = "Seed of shuffling, dropout and input spikes.") long seed;
    @Option(names = "--threads", defaultValue = "0", description = "CPU threads (0: all cores).") int threads;

    TrainingSettings settings(double lr) {
        // named by its flag here; TrainingSettings.bptt refuses it too, for Fiji and crossval
        if (warmup > 0 && loss != Losses.Kind.BCE) throw new IllegalArgumentException("--warmup is for --loss bce (its warm-up loss is bce-dice)");
        return TrainingSettings.bptt(loss, epochs, batch, lr, seed, patience, warmup, earlyStop);
    }

    Surrogate surrogate() {
        return new Surrogate(switch (surrogate) {
            case "threshold-units" -> Surrogate.Form.THRESHOLD_UNITS;
            case "paper" -> Surrogate.Form.PAPER;
            default -> throw new IllegalArgumentException("--surrogate is threshold-units or paper, not '" + surrogate + "'");
        }, alpha);
    }

    ResetGradient reset() {
        return switch (reset) {
            case "detached" -> ResetGradient.DETACHED;
            case "included" -> ResetGradient.INCLUDED;
            default -> throw new IllegalArgumentException("--reset is detached or included, not '" + reset + "'");
        };
    }

    /** Runs the training as every training command ends ({@link TrainingRun}). */
    int run(SnnFineTuning job, String command) throws Exception {
        return TrainingRun.write(out, command, "BPTT keeps T steps of every layer; try fewer --time-steps or a smaller --batch",
                (progress, checkpoint) -> job.listener(progress).checkpoint(checkpoint).run());
    }
}
