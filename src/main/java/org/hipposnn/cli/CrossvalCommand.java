package org.hipposnn.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.hipposnn.data.DataSplit;
import org.hipposnn.data.MsdDataset;
import org.hipposnn.engine.Backend;
import org.hipposnn.experiment.CrossValidation;
import org.hipposnn.experiment.Protocol;
import org.hipposnn.experiment.Report;
import org.hipposnn.experiment.Stage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The paper's experiments: subject-wise k-fold cross-validation over the losses, ANN -> converted
 * -> fine-tuned SNN per fold, plus direct training. Every (fold, loss, stage) is a resumable job
 * with its own result file; --fold, --losses and --stages pick a part of the grid (to spread it
 * over machines), and the report is assembled from whatever result files exist.
 */
@Command(name = "crossval", mixinStandardHelpOptions = true,
        description = "Cross-validate ANN, converted, fine-tuned and directly trained SNNs over folds and losses; writes results.csv, table1.md and figures.")
final class CrossvalCommand implements Callable<Integer> {
    @Option(names = "--data", defaultValue = "test-data", description = "MSD-layout folder; default ${DEFAULT-VALUE}.") Path data;
    @Option(names = "--out", required = true, description = "Experiment folder: fold-K/<loss>/<stage>.{zip,json}, report/.") Path out;
    @Option(names = "--folds", defaultValue = "5", description = "Number of folds (paper: 5).") int folds;
    @Option(names = "--split-seed", defaultValue = "" + DataSplit.DEFAULT_SEED, description = "Seed of the subject-wise split.") long splitSeed;
    @Option(names = "--fold", split = ",", description = "Run only these folds (default: all).") int[] only;
    @Option(names = "--losses", split = ",", defaultValue = "bce,dice,bce-dice", description = "Losses (default ${DEFAULT-VALUE}).") List<String> losses;
    @Option(names = "--stages", split = ",", defaultValue = "ann,converted,fine-tuned,direct", description = "Stages (default ${DEFAULT-VALUE}).") List<String> stages;
    @picocli.CommandLine.Mixin ProtocolOptions protocol = new ProtocolOptions();
    @Option(names = "--report-only", description = "Only assemble the report from the result files there.") boolean reportOnly;
    @Option(names = "--threads", defaultValue = "0", description = "CPU threads (0: all cores).") int threads;

    @Override
    public Integer call() throws Exception {
        Protocol p = protocol.protocol("reduced");
        var lossKinds = losses.stream().map(org.hipposnn.engine.Losses.Kind::of).toList();
        var stageList = stages.stream().map(Stage::of).toList();
        if (!reportOnly) {
            Backend.start(threads);
            CrossValidation cv = new CrossValidation(MsdDataset.open(data), out, folds, splitSeed, p)
                    .listener(new ConsoleProgress(System.err)).log(System.err::println);
            cv.run(only, lossKinds, stageList);
        }
        // the report names the protocol the results were made with, whatever this call's flags say
        String made = CrossValidation.protocolOf(out).orElse(p).toString();
        String table = Report.read(out).write(out.resolve("report"), out, made
                + (only != null ? "; folds run here: " + Arrays.toString(only) : ""));
        System.out.println(table);
        System.out.println("wrote " + out.resolve("report"));
        return 0;
    }
}
