package org.hipposnn.cli;

import com.google.gson.GsonBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hipposnn.model.ModelBundle;
import org.hipposnn.model.ModelFiles;
import org.hipposnn.training.Trainer;
import org.hipposnn.training.TrainingListener;

/**
 * How every training command ends: the job runs with a console progress bar and a checkpoint
 * beside the output, the bundle is written, the finished run's checkpoint removed; a diverged loss
 * or running out of memory ends with one line and exit code 3, the last epoch's checkpoint kept.
 */
final class TrainingRun {
    /** A training step configured with where its progress and checkpoint go. */
    interface Job {
        ModelBundle run(TrainingListener progress, Path checkpoint) throws Exception;
    }

    private TrainingRun() {}

    /** @param memoryAdvice what to try when memory runs out, for this command */
    static int write(Path out, String command, String memoryAdvice, Job job) throws Exception {
        Path checkpoint = out.resolveSibling(out.getFileName() + ".checkpoint");
        try {
            ModelBundle b = job.run(new ConsoleProgress(System.err), checkpoint);
            ModelFiles.save(out, b);
            Files.deleteIfExists(checkpoint);
            System.out.println("wrote " + out);
            System.out.println(new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create()
                    .toJson(b.metrics()));
            return 0;
        } catch (Trainer.DivergedException e) {
            System.err.println(command + ": " + e.getMessage());
            return 3;
        } catch (OutOfMemoryError e) {
            System.err.println(command + ": out of memory; " + memoryAdvice
                    + ". The checkpoint of the last finished epoch is kept in " + checkpoint);
            return 3;
        }
    }
}
