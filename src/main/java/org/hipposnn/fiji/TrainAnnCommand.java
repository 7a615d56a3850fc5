package org.hipposnn.fiji;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Plugins &gt; Hippocampus SNN &gt; Train ANN: step 1 of the pipeline on one fold of an MSD-layout
 * folder, written as a model bundle. Thin over the engine's AnnTraining (through
 * {@link FoldTraining}); progress goes to the status bar and the log ({@link StatusProgress}).
 * Cancelling stops after the current batch and keeps the checkpoint beside model_file, so running
 * again with the same model_file resumes.
 */
@Plugin(type = Command.class, menuPath = "Plugins>Hippocampus SNN>Train ANN", headless = true)
public class TrainAnnCommand extends ContextCommand {

    @Parameter(label = "Data folder (imagesTr/, labelsTr/)", style = "directory")
    private File data_dir;

    @Parameter(label = "Loss", choices = {"bce-dice", "bce", "dice"})
    private String loss = "bce-dice";

    @Parameter(label = "Epochs", min = "1")
    private int epochs = 100;

    @Parameter(label = "Test fold (0-based)", min = "0")
    private int fold = 0;

    @Parameter(label = "Folds", min = "2")
    private int folds = 5;

    @Parameter(label = "Width (channels of the first level)", min = "1")
    private int width = 32;

    @Parameter(label = "Model bundle to write (.zip)", style = "save")
    private File model_file;

    @Parameter(type = ItemIO.OUTPUT)
    private double test_dice;

    @Parameter
    private StatusService status;

    @Parameter
    private LogService log;

    @Override
    public void run() {
        try {
            Backend.start(0);
            Path out = model_file.toPath(), checkpoint = out.resolveSibling(out.getFileName() + ".checkpoint");
            StatusProgress progress = new StatusProgress(status, log, this::isCanceled, "Train ANN fold " + fold);
            ModelBundle bundle = FoldTraining.train(FoldTraining.open(data_dir), FoldTraining.loss(loss), epochs, fold,
                    folds, width, progress, checkpoint);
            if (progress.wasCancelled()) {
                cancel("Train ANN was cancelled; " + (Files.exists(checkpoint) ? "running it again with the same model_file"
                        + " resumes from " + checkpoint : "no epoch had finished, so nothing was kept"));
                return;
            }
            ModelFiles.save(out, bundle);
            Files.deleteIfExists(checkpoint);
            test_dice = FoldTraining.testMetric(bundle, "dice3dMean");
            log.info("Train ANN: wrote " + out + ", test Dice " + test_dice);
        } catch (Exception e) {
            String m = Failures.message(e);
            log.error("Train ANN: " + m);
            cancel(m);
        }
    }
}
