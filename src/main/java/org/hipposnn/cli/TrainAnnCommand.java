package org.hipposnn.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hipposnn.ann.AnnTraining;
import org.hipposnn.data.DataSplit;
import org.hipposnn.data.LabelMapping;
import org.hipposnn.data.MsdDataset;
import org.hipposnn.data.Preprocessing;
import org.hipposnn.engine.Backend;
import org.hipposnn.engine.Losses;
import org.hipposnn.network.UNetSpec;
import org.hipposnn.training.ReduceLrOnPlateau;
import org.hipposnn.training.TrainingSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Trains the ANN on one fold and writes its model bundle. */
@Command(name = "train-ann", mixinStandardHelpOptions = true,
        description = "Train the bias-free U-Net (the ANN) on one cross-validation fold of an MSD-layout folder.")
final class TrainAnnCommand implements Callable<Integer> {

    @Option(names = "--data", defaultValue = "test-data", description = "MSD-layout folder (imagesTr/, labelsTr/); default ${DEFAULT-VALUE}.")
    Path data;

    @Option(names = "--out", required = true, description = "Model bundle to write (e.g. ann.zip).")
    Path out;

    @Option(names = "--loss", defaultValue = "bce-dice", converter = LossConverter.class,
            description = "bce, dice or bce-dice (default ${DEFAULT-VALUE}).")
    Losses.Kind loss;

    @Option(names = "--epochs", defaultValue = "100", description = "Epochs (paper: 100; default ${DEFAULT-VALUE}).")
    int epochs;

    @picocli.CommandLine.Mixin
    SplitOptions split = new SplitOptions();

    @Option(names = "--width", defaultValue = "32", description = "Channels of the first level (default ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--dropout", defaultValue = "0.1", description = "Dropout rate (default ${DEFAULT-VALUE}).")
    double dropout;

    @Option(names = "--batch", defaultValue = "26", description = "Slices per step (paper: 26).")
    int batch;

    @Option(names = "--lr", defaultValue = "1e-3", description = "Adam learning rate (paper: 1e-3).")
    double lr;

    @Option(names = "--patience", defaultValue = "" + ReduceLrOnPlateau.DEFAULT_PATIENCE,
            description = "ReduceLROnPlateau patience in epochs; also defines convergence (default ${DEFAULT-VALUE}).")
    int patience;

    @Option(names = "--bce-warmup", description = "Epochs of BCE before a Dice loss (default: 1 for dice, 0 otherwise).")
    Integer bceWarmup;

    @Option(names = "--early-stop", defaultValue = "0", description = "Stop after this many epochs without improvement (0: never).")
    int earlyStop;

    @Option(names = "--seed", defaultValue = "1", description = "Seed for initialisation, shuffling and dropout (default ${DEFAULT-VALUE}).")
    long seed;

    @picocli.CommandLine.Mixin
    PreprocessingOptions pre = new PreprocessingOptions();

    @Option(names = "--threads", defaultValue = "0", description = "CPU threads (0: all cores).")
    int threads;

    @Override
    public Integer call() throws Exception {
        Backend.start(threads);
        Preprocessing p = pre.preprocessing();
        int[] shape = p.sliceShape();
        UNetSpec spec = new UNetSpec(shape[1], shape[2], width, UNetSpec.DEFAULT_DEPTH, UNetSpec.DEFAULT_KERNEL, dropout);
        TrainingSettings settings = new TrainingSettings(loss, epochs, batch, lr, seed, ReduceLrOnPlateau.DEFAULT_FACTOR,
                patience, bceWarmup != null ? bceWarmup : (loss == Losses.Kind.DICE ? 1 : 0), Losses.Kind.BCE, earlyStop);
        MsdDataset dataset = MsdDataset.open(data);
        DataSplit s = split.split(dataset);
        return TrainingRun.write(out, "train-ann", "try a smaller --batch or --width, or more heap (java -Xmx...)",
                (progress, checkpoint) -> new AnnTraining(dataset, s, spec, p, settings).listener(progress).checkpoint(checkpoint).run());
    }
}
