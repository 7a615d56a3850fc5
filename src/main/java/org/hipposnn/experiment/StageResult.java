package org.hipposnn.experiment;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import org.hipposnn.io.AtomicFiles;

/**
 * What one (fold, loss, stage) job measured, on the fold's held-out subjects: the file a report
 * is assembled from. Its presence marks the job done, so an interrupted grid resumes where it stopped.
 *
 * @param timeSteps        T the stage was scored at (0 for the ANN)
 * @param epochsRun        training epochs run (0 for the conversion)
 * @param convergenceEpoch the epoch of the best validation loss (METHOD.md's definition; 0 where nothing trains)
 * @param dice3dByT        3-D Dice mean at other T (SNN stages), T ascending
 * @param layers           per-layer spike statistics at {@code timeSteps} (SNN stages; empty for the ANN)
 * @param snnEnergyNj      estimated energy per slice of the SNN (0 for the ANN)
 * @param annEnergyNj      estimated energy per slice of the same network as an ANN
 * @param patience         the scheduler's patience the job trained with: its convergence test (0 where nothing trains)
 */
public record StageResult(int fold, String loss, String stage, int timeSteps, int subjects,
                          double dice3dMean, double dice3dStd, double dice2dMean, double dice2dStd,
                          int epochsRun, int convergenceEpoch, double seconds, SortedMap<Integer, Double> dice3dByT,
                          List<Layer> layers, double snnEnergyNj, double annEnergyNj, int patience) {

    /** One layer's firing rate (spikes per neuron per step) and threshold. */
    public record Layer(String name, double threshold, double firingRate) {}

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();

    /** The result file of a job: {@code fold-K/<loss>/<stage>.json} under the experiment folder. */
    public static Path file(Path root, int fold, String loss, Stage stage) {
        return root.resolve("fold-" + fold).resolve(loss).resolve(stage.id() + ".json");
    }

    public void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFiles.writeStream(file, o -> o.write(GSON.toJson(this).getBytes(StandardCharsets.UTF_8)));
    }

    public static StageResult read(Path file) throws IOException {
        try {
            StageResult r = GSON.fromJson(Files.readString(file), StageResult.class);
            if (r == null || r.stage == null || r.loss == null || r.dice3dByT == null || r.layers == null) {
                throw new IOException(file + ": not a stage result (fields missing)");
            }
            Stage.of(r.stage);
            if (r.patience == 0 && r.epochsRun > 0) { // written before results recorded it: every job then trained with the default
                r = new StageResult(r.fold, r.loss, r.stage, r.timeSteps, r.subjects, r.dice3dMean, r.dice3dStd, r.dice2dMean,
                        r.dice2dStd, r.epochsRun, r.convergenceEpoch, r.seconds, r.dice3dByT, r.layers, r.snnEnergyNj, r.annEnergyNj,
                        org.hipposnn.training.ReduceLrOnPlateau.DEFAULT_PATIENCE);
            }
            return r;
        } catch (com.google.gson.JsonParseException | IllegalArgumentException e) {
            throw new IOException(file + ": not a stage result (" + e.getMessage() + ")");
        }
    }
}
