package org.hipposnn.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hipposnn.experiment.LearningCurve;
import org.hipposnn.experiment.Stage;
import org.hipposnn.model.ModelFiles;
import org.hipposnn.training.EpochRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** How models trained, epoch by epoch: to see convergence and compare hybrid with direct training. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Print the per-epoch training history each model bundle records (ANN, fine-tuning, direct training) "
                + "and its convergence epoch; optionally plot validation Dice against epoch.")
final class HistoryCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "MODEL", description = "Model bundles (.zip).") List<Path> models;
    @Option(names = "--stage", split = ",", description = "Only these stages: ann, fine-tuned, direct (default: all).") List<String> stages;
    @Option(names = "--png", description = "Write validation Dice against epoch to this PNG.") Path png;
    @Option(names = "--csv", description = "Write every epoch of every curve to this CSV.") Path csv;

    @Override
    public Integer call() throws IOException {
        List<String> wanted = stages == null ? null : stages.stream().map(s -> Stage.of(s).id()).toList(); // unknown: a clear error
        List<LearningCurve> curves = new ArrayList<>();
        for (Path m : models) {
            String label = m.getFileName().toString().replaceFirst("\\.zip$", "");
            var training = ModelFiles.load(m).training();
            List<LearningCurve> found;
            try {
                found = LearningCurve.of(label, training).stream().filter(c -> wanted == null || wanted.contains(c.stage())).toList();
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(m + ": the training history in model.json is damaged (" + e + ")", e);
            }
            if (found.isEmpty()) {
                throw new IllegalArgumentException(m + ": records no training history"
                        + (wanted == null ? "" : " for stage " + String.join(" or ", wanted)));
            }
            curves.addAll(found);
        }
        for (LearningCurve c : curves) {
            System.out.printf(Locale.ROOT, "%s  %s: %s%n", c.label(), c.stage(), c.convergence());
            System.out.println("epoch\ttrain loss\tval loss\tval Dice\tlr\tseconds");
            for (EpochRecord r : c.epochs()) {
                System.out.printf(Locale.ROOT, "%d\t%.4f\t%.4f\t%.4f\t%.1e\t%.1f%s%n", r.epoch(), r.trainLoss(), r.validationLoss(),
                        r.validationDice(), r.learningRate(), r.seconds(), r.epoch() == c.convergenceEpoch() ? "\tbest" : "");
            }
            System.out.println();
        }
        if (csv != null) LearningCurve.writeCsv(csv, curves);
        if (png != null) LearningCurve.plot(png, "Validation Dice against epoch", curves);
        return 0;
    }
}
