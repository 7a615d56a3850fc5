package org.hipposnn.fiji;

import com.google.gson.JsonObject;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.hipposnn.ann.AnnTraining;
import org.hipposnn.data.DataSplit;
import org.hipposnn.data.MsdDataset;
import org.hipposnn.data.Preprocessing;
import org.hipposnn.engine.Losses;
import org.hipposnn.model.ModelBundle;
import org.hipposnn.network.UNetSpec;
import org.hipposnn.training.TrainingListener;
import org.hipposnn.training.TrainingSettings;

/**
 * The ANN recipe the Fiji commands offer: the paper's preprocessing and settings, a chosen loss,
 * epochs, width and fold; the same defaults as the command line's train-ann. Anything finer is the
 * command line's job.
 */
final class FoldTraining {

    private FoldTraining() {}

    /** The loss by the name the paper (and the macro key {@code loss}) uses. */
    static Losses.Kind loss(String name) {
        return Losses.Kind.of(name);
    }

    /** The MSD-layout folder, with a message naming what is wrong. */
    static MsdDataset open(File dataDir) throws IOException {
        if (dataDir == null) throw new IllegalArgumentException("no data_dir given");
        if (!Files.isDirectory(dataDir.toPath())) throw new NoSuchFileException(dataDir.toString(), null, "no such folder");
        return MsdDataset.open(dataDir.toPath());
    }

    static ModelBundle train(MsdDataset data, Losses.Kind loss, int epochs, int fold, int folds, int width,
                             TrainingListener listener, Path checkpoint) throws IOException {
        Preprocessing p = Preprocessing.defaults();
        int[] shape = p.sliceShape();
        UNetSpec spec = new UNetSpec(shape[1], shape[2], width, UNetSpec.DEFAULT_DEPTH, UNetSpec.DEFAULT_KERNEL,
                UNetSpec.DEFAULT_DROPOUT);
        DataSplit split = DataSplit.of(data.ids(), fold, folds, DataSplit.DEFAULT_SEED, DataSplit.DEFAULT_VALIDATION_FRACTION);
        return new AnnTraining(data, split, spec, p, TrainingSettings.ann(loss, epochs, 1))
                .listener(listener).checkpoint(checkpoint).run();
    }

    /** A figure of the bundle's held-out scores (Evaluation.Report.toJson names), NaN when absent. */
    static double testMetric(ModelBundle b, String name) {
        JsonObject test = b.metrics().getAsJsonObject("test");
        return test == null || !test.has(name) ? Double.NaN : test.get(name).getAsDouble();
    }
}
