package org.hipposnn.finetune;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hipposnn.data.DataSplit;
import org.hipposnn.data.Preprocessing;
import org.hipposnn.network.LayerSpec;
import org.hipposnn.network.UNetSpec;
import org.hipposnn.data.MsdDataset;
import org.hipposnn.engine.UNet;
import org.hipposnn.eval.Evaluation;
import org.hipposnn.model.ModelBundle;
import org.hipposnn.model.SpikingSettings;
import org.hipposnn.segment.Segmenter;
import org.hipposnn.snn.ResetGradient;
import org.hipposnn.snn.SnnPredictor;
import org.hipposnn.snn.SpikingUNet;
import org.hipposnn.snn.Surrogate;
import org.hipposnn.training.SliceSet;
import org.hipposnn.training.Trainer;
import org.hipposnn.training.TrainingListener;
import org.hipposnn.training.TrainingSettings;

/**
 * Step 3, the paper's contribution: spike-based backpropagation through time over T steps,
 * starting from a converted SNN (weights and thresholds; thresholds stay fixed, only weights learn,
 * one dropout mask held for all T steps). The same loop trains an SNN from random weights for the
 * direct-training baseline. The output is the accumulated potential / T through the sigmoid
 * (Eq. 3) into the loss; the spike's derivative is the linear surrogate (Eq. 5).
 */
public final class SnnFineTuning {
    private final ModelBundle start;
    private final MsdDataset data;
    private final DataSplit split;
    private final TrainingSettings settings;
    private final int timeSteps;
    private final Surrogate surrogate;
    private final ResetGradient reset;
    private TrainingListener listener = TrainingListener.NONE;
    private Path checkpoint;
    private String stage = "fine-tuned";
    private boolean score = true;

    /**
     * @param start     a converted SNN bundle (or, for direct training, a fresh one)
     * @param timeSteps T simulated in every training forward pass (and stored as the model's T)
     */
    public SnnFineTuning(ModelBundle start, MsdDataset data, DataSplit split, TrainingSettings settings, int timeSteps,
                         Surrogate surrogate, ResetGradient reset) {
        if (start.kind() != ModelBundle.Kind.SNN) throw new IllegalArgumentException("fine-tuning needs an SNN model (run convert first)");
        this.start = start;
        this.data = data;
        this.split = split;
        this.settings = settings;
        this.timeSteps = timeSteps;
        this.surrogate = surrogate;
        this.reset = reset;
    }

    /**
     * Fine-tuning with the command line's defaults (Adam, batch 26, seed 1, ReduceLROnPlateau's
     * patience, no early stop, the threshold-units surrogate with alpha 0.3, detached reset) on the
     * data split recorded in the bundle, so the SNN keeps its ANN's test fold. What Fiji offers;
     * the command line exposes every one of these. {@code bceWarmup}: epochs of BCE-Dice before a
     * BCE run (0: none, the paper's; BCE alone can leave the converted SNN's foreground silent).
     */
    public static SnnFineTuning withDefaults(ModelBundle snn, MsdDataset data, org.hipposnn.engine.Losses.Kind loss,
                                             int epochs, double learningRate, int timeSteps, int bceWarmup) {
        if (snn.kind() != ModelBundle.Kind.SNN) throw new IllegalArgumentException("fine-tuning needs an SNN model (run convert first)");
        if (timeSteps < 1) throw new IllegalArgumentException("time steps must be >= 1, got " + timeSteps);
        TrainingSettings settings = TrainingSettings.bptt(loss, epochs, org.hipposnn.segment.Predictors.BATCH, learningRate, 1,
                org.hipposnn.training.ReduceLrOnPlateau.DEFAULT_PATIENCE, bceWarmup, 0);
        return new SnnFineTuning(snn, data, org.hipposnn.conversion.SnnConversion.splitOf(snn, data), settings, timeSteps,
                Surrogate.defaults(), ResetGradient.DETACHED);
    }

    public SnnFineTuning listener(TrainingListener l) { this.listener = l; return this; }

    public SnnFineTuning checkpoint(Path file) { this.checkpoint = file; return this; }

    /** Names the stage in the bundle ("fine-tuned", or "direct" for training from scratch). */
    public SnnFineTuning stage(String name) { this.stage = name; return this; }

    /** Whether run() scores the test fold into the bundle's metrics (default true; an experiment scores it itself). */
    public SnnFineTuning scoring(boolean score) { this.score = score; return this; }

    /**
     * The start of the direct-training baseline: the same SNN from He-initialised weights, with the
     * stated threshold rule: every threshold 1 (such weights give currents of order 1 for inputs in
     * [0, 1]), so nothing is learned from an ANN.
     */
    public static ModelBundle randomStart(UNetSpec spec, Preprocessing pre, MsdDataset data, DataSplit split, int timeSteps,
                                         String encoder, long seed) {
        Map<String, Double> thresholds = new LinkedHashMap<>();
        for (LayerSpec l : spec.layers()) if (l.hasNeuron()) thresholds.put(l.name(), 1.0);
        JsonObject training = new JsonObject();
        training.addProperty("data", data.root().toAbsolutePath().normalize().toString());
        training.add("split", split.toJson());
        training.addProperty("thresholdRule", "all 1, He-initialised weights (seed " + seed + ")");
        return new ModelBundle(ModelBundle.Kind.SNN, spec, pre, new UNet(spec, seed).weights(),
                new SpikingSettings(timeSteps, encoder, thresholds), training, null);
    }

    public ModelBundle run() throws IOException {
        listener.message("loading " + split.train().size() + " training, " + split.validation().size() + " validation subjects");
        SliceSet train = SliceSet.of(data.select(split.train()), start.preprocessing());
        SliceSet validation = SliceSet.of(data.select(split.validation()), start.preprocessing());
        UNet net = new UNet(start.network(), settings.seed());
        start.weights().forEach((k, w) -> net.weights().get(k).assign(w));
        SpikingUNet snn = new SpikingUNet(net);
        snn.setThresholds(start.spiking().thresholds());
        snn.setTimeSteps(timeSteps);
        snn.setEncoder(SnnPredictor.encoder(start.spiking().encoder()));
        snn.neuron().setSurrogate(surrogate);
        snn.neuron().setResetGradient(reset);
        Trainer.Result r = new Trainer(snn, settings, checkpoint, listener).fit(train, validation);

        JsonObject training = start.training().deepCopy();
        training.addProperty("stage", stage);
        JsonObject ft = new JsonObject();
        ft.add("settings", settings.toJson());
        ft.addProperty("timeSteps", timeSteps);
        ft.addProperty("surrogate", surrogate.toString());
        ft.addProperty("resetGradient", reset.name());
        ft.addProperty("epochsRun", r.history().size());
        ft.addProperty("convergenceEpoch", r.convergenceEpoch());
        ft.addProperty("converged", r.converged());
        ft.addProperty("bestValidationLoss", r.bestValidationLoss());
        ft.add("history", new com.google.gson.GsonBuilder().serializeSpecialFloatingPointValues().create().toJsonTree(r.history()));
        training.add(stage, ft);
        ModelBundle tuned = new ModelBundle(ModelBundle.Kind.SNN, start.network(), start.preprocessing(), r.bestWeights(),
                new SpikingSettings(timeSteps, start.spiking().encoder(), start.spiking().thresholds()), training, null);
        JsonObject metrics = new JsonObject();
        if (score && !split.test().isEmpty() && !r.cancelled()) {
            listener.message("scoring " + split.test().size() + " test subjects at T = " + timeSteps);
            SnnPredictor p = new SnnPredictor(tuned.network(), tuned.weights(), tuned.spiking(), timeSteps, 1, settings.batchSize());
            metrics.add("test", Evaluation.run(new Segmenter(tuned.preprocessing(), p), tuned.preprocessing(),
                    data.select(split.test()), null).toJson());
            metrics.add("spikes", org.hipposnn.snn.SpikeTable.toJson(p.layerStats()));
        }
        return tuned.withMetrics(metrics);
    }
}
