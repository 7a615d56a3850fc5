package org.hipposnn.fiji;

import ij.measure.ResultsTable;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.hipposnn.data.DataSplit;
import org.hipposnn.data.MsdDataset;
import org.hipposnn.engine.Backend;
import org.hipposnn.engine.Losses;
import org.hipposnn.experiment.CrossValidation;
import org.hipposnn.experiment.Protocol;
import org.hipposnn.experiment.Report;
import org.hipposnn.experiment.Stage;
import org.hipposnn.experiment.StageResult;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Plugins &gt; Hippocampus SNN &gt; Cross-validate: the paper's experiment grid, as the command
 * line's {@code crossval} runs it: per fold and loss the ANN, the converted SNN, the fine-tuned SNN
 * and (optionally) the directly trained SNN, each a resumable job in output_dir; then the report
 * (results.csv, table1.md, figures) in output_dir/report. Running it again with the same output_dir
 * resumes where it stopped.
 */
@Plugin(type = Command.class, menuPath = "Plugins>Hippocampus SNN>Cross-validate", headless = true)
public class CrossValidateCommand extends ContextCommand {

    @Parameter(label = "Data folder (imagesTr/, labelsTr/)", style = "directory")
    private File data_dir;

    @Parameter(label = "Output folder (jobs, models, report)", style = "directory")
    private File output_dir;

    @Parameter(label = "Losses", choices = {"bce, dice, bce-dice", "bce-dice", "bce", "dice"})
    private String losses = "bce, dice, bce-dice";

    @Parameter(label = "Protocol", choices = {"reduced", "quick", "quick-t20", "quick-t20-decay", "quick-t20-constant", "recipe", "convergence", "paper", "small"})
    private String protocol = "reduced";

    @Parameter(label = "Folds", min = "2")
    private int folds = 5;

    @Parameter(label = "ANN epochs (0: the protocol's)", min = "0")
    private int ann_epochs = 0;

    @Parameter(label = "Fine-tuning epochs (0: the protocol's)", min = "0")
    private int fine_tune_epochs = 0;

    @Parameter(label = "Direct-training epochs (0: the protocol's)", min = "0")
    private int direct_epochs = 0;

    @Parameter(label = "Include the direct-training baseline")
    private boolean direct = true;

    @Parameter(type = ItemIO.OUTPUT)
    private ResultsTable results;

    @Parameter(type = ItemIO.OUTPUT)
    private String table1;

    @Parameter
    private StatusService status;

    @Parameter
    private LogService log;

    @Override
    public void run() {
        try {
            Backend.start(0);
            MsdDataset data = FoldTraining.open(data_dir);
            if (output_dir == null) throw new IllegalArgumentException("no output_dir given");
            Protocol p = Protocol.named(protocol).withEpochs(ann_epochs, fine_tune_epochs, direct_epochs);
            List<Losses.Kind> kinds = new ArrayList<>();
            for (String l : losses.split(",")) kinds.add(FoldTraining.loss(l));
            List<Stage> stages = new ArrayList<>(List.of(Stage.ANN, Stage.CONVERTED, Stage.FINE_TUNED));
            if (direct) stages.add(Stage.DIRECT);
            StatusProgress progress = new StatusProgress(status, log, this::isCanceled, "Cross-validate");
            CrossValidation cv = new CrossValidation(data, output_dir.toPath(), folds, DataSplit.DEFAULT_SEED, p)
                    .listener(progress).log(m -> log.info("Cross-validate: " + m));
            cv.run(null, kinds, stages);
            Report report = Report.read(cv.root());
            table1 = report.write(cv.root().resolve("report"), cv.root(), p.toString());
            results = table(report.results());
            log.info("Cross-validate: report in " + cv.root().resolve("report"));
        } catch (java.util.concurrent.CancellationException e) {
            cancel("Cross-validate was cancelled; run it again with the same output folder to resume");
        } catch (Exception e) {
            String m = Failures.message(e);
            log.error("Cross-validate: " + m);
            cancel(m);
        }
    }

    private static ResultsTable table(List<StageResult> rs) {
        ResultsTable t = new ResultsTable();
        for (StageResult r : rs) {
            t.incrementCounter();
            t.addValue("fold", r.fold());
            t.addValue("loss", r.loss());
            t.addValue("stage", r.stage());
            t.addValue("time_steps", r.timeSteps());
            t.addValue("test_subjects", r.subjects());
            t.addValue("dice3d_mean", r.dice3dMean());
            t.addValue("dice3d_std", r.dice3dStd());
            t.addValue("dice2d_mean", r.dice2dMean());
            t.addValue("epochs_run", r.epochsRun());
            t.addValue("best_epoch", r.convergenceEpoch());
            t.addValue("converged", Report.converged(r) ? "yes" : "no");
        }
        return t;
    }
}
