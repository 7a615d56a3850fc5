package org.hipposnn.model;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hipposnn.data.DataSplit;
import org.hipposnn.data.MsdDataset;
import org.hipposnn.network.LayerSpec;

/** Tiny (width-4, random) bundles for the front-end tests: an ANN or an SNN that records a split of test-data. */
public final class TinyBundles {
    private TinyBundles() {}

    /** {@link ModelFilesTest#bundle}'s ANN, recording fold {@code fold} of 2 over test-data, as train-ann would. */
    public static ModelBundle annWithSplit(long seed, int fold) throws IOException {
        ModelBundle ann = ModelFilesTest.bundle(seed);
        JsonObject training = ann.training().deepCopy();
        MsdDataset data = MsdDataset.open(Path.of("test-data"));
        training.add("split", DataSplit.of(data.ids(), fold, 2, DataSplit.DEFAULT_SEED, DataSplit.DEFAULT_VALIDATION_FRACTION).toJson());
        return new ModelBundle(ann.kind(), ann.network(), ann.preprocessing(), ann.weights(), null, training, null);
    }

    /** The same weights as an SNN: threshold 1 for every spiking layer, Poisson input, T = {@code timeSteps}. */
    public static ModelBundle snn(long seed, int fold, int timeSteps) throws IOException {
        ModelBundle ann = annWithSplit(seed, fold);
        Map<String, Double> thresholds = new LinkedHashMap<>();
        for (LayerSpec l : ann.network().layers()) if (l.hasNeuron()) thresholds.put(l.name(), 1.0);
        return new ModelBundle(ModelBundle.Kind.SNN, ann.network(), ann.preprocessing(), ann.weights(),
                new SpikingSettings(timeSteps, "poisson", thresholds), ann.training(), null);
    }
}
