package org.hipposnn.ann;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import org.hipposnn.data.DataSplit;
import org.hipposnn.data.MsdDataset;
import org.hipposnn.data.Preprocessing;
import org.hipposnn.engine.UNet;
import org.hipposnn.eval.Evaluation;
import org.hipposnn.model.ModelBundle;
import org.hipposnn.network.UNetSpec;
import org.hipposnn.segment.Segmenter;
import org.hipposnn.training.SliceSet;
import org.hipposnn.training.Trainer;
import org.hipposnn.training.TrainingListener;
import org.hipposnn.training.TrainingSettings;

/**
 * Step 1 of the pipeline: train the bias-free U-Net on one fold's training subjects, keep the
 * epoch with the best validation loss, score it on the fold's test subjects, and return a bundle.
 * Knows nothing of SciJava or the command line (both call it).
 */
public final class AnnTraining {

    private final MsdDataset data;
    private final DataSplit split;
    private final UNetSpec network;
    private final Preprocessing preprocessing;
    private final TrainingSettings settings;
    private TrainingListener listener = TrainingListener.NONE;
    private Path checkpoint;
    private boolean score = true;

    public AnnTraining(MsdDataset data, DataSplit split, UNetSpec network, Preprocessing preprocessing,
                       TrainingSettings settings) {
        int[] shape = preprocessing.sliceShape();
        if (shape[1] != network.height() || shape[2] != network.width()) {
            throw new IllegalArgumentException("the crop box gives " + shape[1] + "x" + shape[2]
                    + " slices but the network takes " + network.height() + "x" + network.width());
        }
        this.data = data;
        this.split = split;
        this.network = network;
        this.preprocessing = preprocessing;
        this.settings = settings;
    }

    public AnnTraining listener(TrainingListener l) { this.listener = l; return this; }

    /** Where to keep the per-epoch checkpoint; an existing one is resumed. */
    public AnnTraining checkpoint(Path file) { this.checkpoint = file; return this; }

    /** Whether run() scores the test fold into the bundle's metrics (default true; an experiment scores it itself). */
    public AnnTraining scoring(boolean score) { this.score = score; return this; }

    public ModelBundle run() throws IOException {
        listener.message("loading " + split.train().size() + " training, " + split.validation().size()
                + " validation subjects");
        SliceSet train = SliceSet.of(data.select(split.train()), preprocessing);
        SliceSet validation = SliceSet.of(data.select(split.validation()), preprocessing);
        UNet net = new UNet(network, settings.seed());
        Trainer.Result r = new Trainer(net, settings, checkpoint, listener).fit(train, validation);

        JsonObject training = new JsonObject();
        training.addProperty("stage", "ann");
        training.addProperty("data", data.root().toAbsolutePath().normalize().toString());
        training.add("split", split.toJson());
        training.add("settings", settings.toJson());
        training.addProperty("epochsRun", r.history().size());
        training.addProperty("bestEpoch", r.bestEpoch());
        training.addProperty("converged", r.converged());
        training.addProperty("bestValidationLoss", r.bestValidationLoss());
        training.add("history", new com.google.gson.GsonBuilder().serializeSpecialFloatingPointValues().create()
                .toJsonTree(r.history()));

        ModelBundle bundle = new ModelBundle(ModelBundle.Kind.ANN, network, preprocessing, r.bestWeights(), null,
                training, null);
        JsonObject metrics = new JsonObject();
        if (score && !split.test().isEmpty() && !r.cancelled()) {
            listener.message("scoring " + split.test().size() + " test subjects");
            Segmenter segmenter = new Segmenter(preprocessing, new AnnPredictor(network, r.bestWeights(), settings.batchSize()));
            metrics.add("test", Evaluation.run(segmenter, preprocessing, data.select(split.test()), null).toJson());
        }
        return bundle.withMetrics(metrics);
    }
}
