package org.hipposnn.fiji;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hipposnn.engine.Backend;
import org.hipposnn.finetune.SnnFineTuning;
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
 * Plugins &gt; Hippocampus SNN &gt; Fine-tune SNN: step 3 of the pipeline, spike-based BPTT from a
 * converted SNN (made by Convert to SNN) on the fold recorded in its bundle, with the command
 * line's defaults for everything not asked here ({@link SnnFineTuning#withDefaults}). Progress goes
 * to the status bar and the log ({@link StatusProgress}); cancelling stops after the current batch
 * and keeps the checkpoint beside output_model_file, so running again with the same file resumes.
 */
@Plugin(type = Command.class, menuPath = "Plugins>Hippocampus SNN>Fine-tune SNN", headless = true)
public class FineTuneSnnCommand extends ContextCommand {

    @Parameter(label = "SNN model bundle (from Convert to SNN)", style = "open")
    private File snn_model_file;

    @Parameter(label = "Data folder it was converted on (imagesTr/, labelsTr/)", style = "directory")
    private File data_dir;

    @Parameter(label = "Time steps T of every training pass", min = "1")
    private int time_steps = 20;

    @Parameter(label = "Epochs", min = "1")
    private int epochs = 35;

    @Parameter(label = "Learning rate (Adam)", min = "0")
    private double lr = 1e-4;

    @Parameter(label = "Loss", choices = {"bce-dice", "bce", "dice"})
    private String loss = "bce-dice";

    @Parameter(label = "BCE only: epochs of BCE-Dice first (0: none, as in the paper)", min = "0")
    private int bce_warmup = 0;

    @Parameter(label = "Fine-tuned model bundle to write (.zip)", style = "save")
    private File output_model_file;

    @Parameter(type = ItemIO.OUTPUT)
    private double test_dice;

    @Parameter
    private StatusService status;

    @Parameter
    private LogService log;

    @Override
    public void run() {
        try {
            if (output_model_file == null || output_model_file.getPath().isBlank()) throw new IllegalArgumentException("no output_model_file given");
            if (!(lr > 0)) throw new IllegalArgumentException("lr must be > 0, got " + lr);
            if (snn_model_file == null || snn_model_file.getPath().isBlank()) throw new IllegalArgumentException("no snn_model_file given");
            Backend.start(0);
            ModelBundle snn = ModelFiles.load(ModelChoice.resolve(snn_model_file));
            Path out = output_model_file.toPath(), checkpoint = out.resolveSibling(out.getFileName() + ".checkpoint");
            StatusProgress progress = new StatusProgress(status, log, this::isCanceled, "Fine-tune SNN");
            ModelBundle tuned = SnnFineTuning.withDefaults(snn, FoldTraining.open(data_dir), FoldTraining.loss(loss), epochs, lr,
                    time_steps, bce_warmup).listener(progress).checkpoint(checkpoint).run();
            if (progress.wasCancelled()) {
                cancel("Fine-tune SNN was cancelled; " + (Files.exists(checkpoint) ? "running it again with the same"
                        + " output_model_file resumes from " + checkpoint : "no epoch had finished, so nothing was kept"));
                return;
            }
            ModelFiles.save(out, tuned);
            Files.deleteIfExists(checkpoint);
            test_dice = FoldTraining.testMetric(tuned, "dice3dMean");
            log.info("Fine-tune SNN: wrote " + out + ", test Dice " + test_dice + " at T = " + time_steps);
        } catch (OutOfMemoryError e) {
            String m = "out of memory (BPTT keeps T steps of every layer); try fewer time_steps";
            log.error("Fine-tune SNN: " + m);
            cancel(m);
        } catch (Exception e) {
            String m = Failures.message(e);
            log.error("Fine-tune SNN: " + m);
            cancel(m);
        }
    }
}
