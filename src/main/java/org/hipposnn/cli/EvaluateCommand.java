package org.hipposnn.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.hipposnn.conversion.SnnConversion;
import org.hipposnn.data.DataSplit;
import org.hipposnn.data.MsdDataset;
import org.hipposnn.engine.Backend;
import org.hipposnn.eval.CaseScore;
import org.hipposnn.eval.Evaluation;
import org.hipposnn.eval.LatencyCurve;
import org.hipposnn.io.AtomicFiles;
import org.hipposnn.model.ModelBundle;
import org.hipposnn.model.ModelFiles;
import org.hipposnn.segment.Predictors;
import org.hipposnn.segment.Segmenter;
import org.hipposnn.snn.SnnPredictor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Scores any bundle (ANN or SNN) on its own held-out fold, so that stages can be compared on the
 * same subjects and at the same T; per-subject scores go to a CSV.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Score a model on its own test fold (3-D and slice-wise Dice, volumes); SNNs at one or several T.")
final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "Model bundle (ANN or SNN).") Path model;
    @Option(names = "--data", required = true, description = "The MSD-layout folder the model was trained on.") Path data;
    @Option(names = "--time-steps", split = ",", description = "SNN only: T to score at, e.g. 10,25,200 (default: the model's T).") int[] timeSteps;
    @Option(names = "--subjects", defaultValue = "0", description = "Score only the first N test subjects (0: all).") int subjects;
    @Option(names = "--csv", description = "Per-subject scores (case, T, dice3d, volumes) to this CSV.") Path csv;
    @Option(names = "--threads", defaultValue = "0", description = "CPU threads (0: all cores).") int threads;

    @Override
    public Integer call() throws Exception {
        Backend.start(threads);
        ModelBundle b = ModelFiles.load(model);
        MsdDataset dataset = MsdDataset.open(data);
        DataSplit split = SnnConversion.splitOf(b, dataset);
        if (split.test().isEmpty()) {
            throw new IllegalArgumentException(model + ": trained on every subject (folds 1); there is no held-out test fold to score");
        }
        List<MsdDataset.Case> test = dataset.select(split.test());
        if (subjects > 0) test = test.subList(0, Math.min(subjects, test.size()));
        Map<Integer, Evaluation.Report> reports;
        if (b.kind() == ModelBundle.Kind.ANN) {
            if (timeSteps != null) throw new IllegalArgumentException("--time-steps applies to SNN models only");
            reports = Map.of(0, Evaluation.run(new Segmenter(b.preprocessing(), Predictors.forBundle(b)), b.preprocessing(), test, null));
        } else {
            int[] steps = timeSteps == null ? new int[] {b.spiking().timeSteps()} : IntStream.of(timeSteps).sorted().distinct().toArray();
            SnnPredictor p = new SnnPredictor(b.network(), b.weights(), b.spiking(), steps[steps.length - 1], Predictors.SEED, Predictors.BATCH);
            reports = LatencyCurve.run(p, b.preprocessing(), test, steps, id -> System.err.println("scored " + id));
        }
        StringBuilder rows = new StringBuilder("case,time_steps,dice3d,predicted_mm3,truth_mm3\n");
        System.out.println("model\tT\tsubjects\t3-D Dice\t2-D Dice");
        for (var e : reports.entrySet()) {
            String t = e.getKey() == 0 ? "-" : e.getKey().toString();
            System.out.printf(Locale.ROOT, "%s\t%s\t%d\t%s\t%s%n", model.getFileName(), t, test.size(), e.getValue().dice3d(), e.getValue().dice2d());
            for (CaseScore c : e.getValue().cases()) {
                rows.append(String.format(Locale.ROOT, "%s,%s,%.4f,%.1f,%.1f%n", c.id(), t, c.dice3d(), c.predictedMm3(), c.truthMm3()));
            }
        }
        if (csv != null) AtomicFiles.writeStream(csv, o -> o.write(rows.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return 0;
    }
}
