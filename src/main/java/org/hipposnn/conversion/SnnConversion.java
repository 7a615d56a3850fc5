package org.hipposnn.conversion;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.Map;
import org.hipposnn.data.DataSplit;
import org.hipposnn.data.MsdDataset;
import org.hipposnn.engine.UNet;
import org.hipposnn.model.ModelBundle;
import org.hipposnn.model.SpikingSettings;
import org.hipposnn.snn.ConversionMethod;
import org.hipposnn.snn.Converter;
import org.hipposnn.snn.PositiveStatistic;
import org.hipposnn.snn.SnnPredictor;
import org.hipposnn.snn.SpikingUNet;
import org.hipposnn.snn.ThresholdBalancer;
import org.hipposnn.snn.WeightNormalisation;
import org.hipposnn.training.SliceSet;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Step 2 of the pipeline: the trained ANN becomes an integrate-and-fire SNN with the same
 * network and weights, its thresholds (or weights) set from the activity on training slices of the
 * ANN's own fold. The test fold is never looked at here.
 */
public final class SnnConversion {
    private final ModelBundle ann;
    private final MsdDataset data;
    private final DataSplit split;
    private final ConversionSettings settings;

    public SnnConversion(ModelBundle ann, MsdDataset data, DataSplit split, ConversionSettings settings) {
        if (ann.kind() != ModelBundle.Kind.ANN) throw new IllegalArgumentException("conversion needs an ANN model, got " + ann.kind());
        this.ann = ann;
        this.data = data;
        this.split = split;
        this.settings = settings;
    }

    /** The split the ANN was trained with, read from its bundle, so every stage uses the same fold. */
    public static DataSplit splitOf(ModelBundle model, MsdDataset data) {
        JsonObject s = model.training().getAsJsonObject("split");
        if (s == null) throw new IllegalArgumentException("the model does not record its data split");
        return DataSplit.of(data.ids(), s);
    }

    public ModelBundle run() throws IOException {
        SliceSet train = SliceSet.of(data.select(split.train()), ann.preprocessing());
        INDArray slices = sample(train);
        UNet net = new UNet(ann.network(), 0);
        ann.weights().forEach((k, w) -> net.weights().get(k).assign(w));
        SpikingUNet snn = new SpikingUNet(net);
        snn.setEncoder(SnnPredictor.encoder(settings.encoder()));
        snn.setSeed(settings.seed());
        PositiveStatistic statistic = settings.percentile() >= 100 ? PositiveStatistic.max() : new PositiveStatistic(settings.percentile());
        Map<String, Double> thresholds = settings.method() == ConversionMethod.WEIGHT_NORMALISATION
                ? Converter.weightNormalisation(snn, slices, new WeightNormalisation(statistic, 26))
                : Converter.thresholdBalancing(snn, slices, new ThresholdBalancer(settings.balanceSteps(), statistic, settings.scale()));

        JsonObject training = ann.training().deepCopy();
        training.addProperty("stage", "converted");
        training.add("conversion", settings.toJson());
        return new ModelBundle(ModelBundle.Kind.SNN, ann.network(), ann.preprocessing(), net.weights(),
                new SpikingSettings(settings.timeSteps(), settings.encoder(), thresholds), training, new JsonObject());
    }

    /** A seeded random sample of training slices (with and without hippocampus, as they come). */
    private INDArray sample(SliceSet train) {
        int n = Math.min(settings.slices(), train.size());
        int[] order = org.hipposnn.training.Trainer.shuffled(train.size(), settings.seed());
        return train.images(order, 0, n);
    }
}
