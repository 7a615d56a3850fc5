package org.hipposnn.conversion;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.hipposnn.data.DataSplit;
import org.hipposnn.data.MsdDataset;
import org.hipposnn.eval.Evaluation;
import org.hipposnn.eval.LatencyCurve;
import org.hipposnn.model.ModelBundle;
import org.hipposnn.segment.Predictors;
import org.hipposnn.snn.LayerSpikeStats;
import org.hipposnn.snn.SnnPredictor;
import org.hipposnn.snn.SpikeTable;

/**
 * Step 2 as both front ends run it (the command line's {@code convert}, Fiji's Convert to SNN):
 * convert the ANN ({@link SnnConversion}), then score the SNN on the ANN's own test fold at its T,
 * and along the way at the other T of a latency curve (one simulation of the longest), with the
 * spike statistics of that simulation. The scores and the spike table go into the bundle's metrics.
 */
public final class ConvertAndScore {

    /** The SNN bundle (metrics filled in), its test report at each T scored, and the spike statistics. */
    public record Result(ModelBundle snn, Map<Integer, Evaluation.Report> byTimeSteps, List<LayerSpikeStats> spikes) {
        /** The report at the model's own T. */
        public Evaluation.Report test() { return byTimeSteps.get(snn.spiking().timeSteps()); }
    }

    private ConvertAndScore() {}

    /**
     * @param curve    further T to score at (null or empty: only the model's T); each >= 1
     * @param subjects score only the first N test subjects (0: all)
     * @param progress told what is happening (a line per scored subject); may be null. It may throw
     *                 (e.g. a {@link java.util.concurrent.CancellationException}) to stop the run.
     */
    public static Result run(ModelBundle ann, MsdDataset data, DataSplit split, ConversionSettings settings,
                             int[] curve, int subjects, Consumer<String> progress) throws IOException {
        Consumer<String> tell = progress == null ? m -> {} : progress;
        checkCurve(curve, settings.timeSteps()); // before the conversion's minutes, not after
        // With no test fold (a model trained on every subject) the validation subjects are scored, and named so.
        boolean heldOut = !split.test().isEmpty();
        List<MsdDataset.Case> test = data.select(heldOut ? split.test() : split.validation());
        if (subjects > 0) test = test.subList(0, Math.min(subjects, test.size()));
        if (test.isEmpty()) throw new IllegalArgumentException("the model's split has no test or validation subjects to score");

        tell.accept("converting (" + settings.method() + ", " + settings.slices() + " training slices)");
        return score(new SnnConversion(ann, data, split, settings).run(), test, curve, heldOut, tell);
    }

    /**
     * Scores a converted SNN as {@link #run} does, on the given subjects (held out: "test", otherwise
     * "validation" in its metrics); for a bundle converted before, e.g. one a grid adopts.
     */
    public static Result score(ModelBundle snn, List<MsdDataset.Case> test, int[] curve, boolean heldOut, Consumer<String> tell)
            throws IOException {
        int timeSteps = snn.spiking().timeSteps();
        int[] steps = checkCurve(curve, timeSteps);
        SnnPredictor predictor = new SnnPredictor(snn.network(), snn.weights(), snn.spiking(), timeSteps, Predictors.SEED,
                Predictors.BATCH);
        int[] done = {0};
        int total = test.size();
        Map<Integer, Evaluation.Report> reports = LatencyCurve.run(predictor, snn.preprocessing(), test, steps,
                id -> tell.accept("scored " + id + " (" + ++done[0] + "/" + total + ")"));
        List<LayerSpikeStats> spikes = predictor.layerStats();

        JsonObject metrics = new JsonObject();
        metrics.add(heldOut ? "test" : "validation", reports.get(timeSteps).toJson());
        JsonObject byT = new JsonObject();
        reports.forEach((t, r) -> byT.add(Integer.toString(t), r.toJson()));
        metrics.add("diceByTimeSteps", byT);
        metrics.add("spikes", SpikeTable.toJson(spikes));
        return new Result(snn.withMetrics(metrics), reports, spikes);
    }

    /** The step counts to score at, sorted: the curve's and the model's own. */
    private static int[] checkCurve(int[] curve, int timeSteps) {
        int[] steps = IntStream.concat(curve == null ? IntStream.empty() : Arrays.stream(curve), IntStream.of(timeSteps))
                .distinct().sorted().toArray();
        if (steps[0] < 1) throw new IllegalArgumentException("the latency curve takes step counts >= 1, got " + steps[0]);
        return steps;
    }
}
