package org.hipposnn.fiji;

import ij.measure.ResultsTable;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hipposnn.data.MsdDataset;
import org.hipposnn.engine.Backend;
import org.hipposnn.model.ModelBundle;
import org.hipposnn.model.ModelFiles;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Plugins &gt; Hippocampus SNN &gt; Cross-validate: trains the ANN on every fold for one loss and
 * scores each held-out fold, as the paper's tables report (mean and spread over folds). A loop
 * over the same training as Train ANN; each fold's bundle is kept in output_dir when one is given.
 */
@Plugin(type = Command.class, menuPath = "Plugins>Hippocampus SNN>Cross-validate", headless = true)
public class CrossValidateCommand extends ContextCommand {

    @Parameter(label = "Data folder (imagesTr/, labelsTr/)", style = "directory")
    private File data_dir;

    @Parameter(label = "Loss", choices = {"bce-dice", "bce", "dice"})
    private String loss = "bce-dice";

    @Parameter(label = "Epochs", min = "1")
    private int epochs = 100;

    @Parameter(label = "Folds", min = "2")
    private int folds = 5;

    @Parameter(label = "Width (channels of the first level)", min = "1")
    private int width = 32;

    @Parameter(label = "Folder for the fold models (optional)", style = "directory", required = false)
    private File output_dir;

    @Parameter(type = ItemIO.OUTPUT)
    private ResultsTable fold_dice;

    @Parameter
    private StatusService status;

    @Parameter
    private LogService log;

    @Override
    public void run() {
        try {
            Backend.start(0);
            MsdDataset data = FoldTraining.open(data_dir);
            ResultsTable table = new ResultsTable();
            for (int fold = 0; fold < folds; fold++) {
                Path model = output_dir == null ? null : output_dir.toPath().resolve("ann-" + loss + "-fold" + fold + ".zip");
                Path checkpoint = model == null ? null : model.resolveSibling(model.getFileName() + ".checkpoint");
                StatusProgress progress = new StatusProgress(status, log, this::isCanceled, "Cross-validate fold " + fold);
                ModelBundle b = FoldTraining.train(data, FoldTraining.loss(loss), epochs, fold, folds, width, progress, checkpoint);
                if (progress.wasCancelled()) { cancel("Cross-validate was cancelled at fold " + fold); return; }
                if (model != null) { ModelFiles.save(model, b); Files.deleteIfExists(checkpoint); }
                FoldTraining.addScores(table, fold, b);
                log.info("Cross-validate: fold " + fold + " test Dice " + FoldTraining.testMetric(b, "dice3dMean"));
            }
            fold_dice = table;
        } catch (Exception e) {
            String m = Failures.message(e);
            log.error("Cross-validate: " + m);
            cancel(m);
        }
    }
}
