package org.hipposnn.experiment;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hipposnn.io.AtomicFiles;
import org.hipposnn.training.EpochRecord;

/**
 * The per-epoch history one training stage left in a model bundle (the ANN's, the SNN fine-tuning's
 * or direct training's), with its convergence epoch: what {@code history} prints and plots to compare
 * how fast the hybrid and the direct scheme converge.
 *
 * @param label            what the curve is called (e.g. the bundle's file name)
 * @param stage            ann, fine-tuned or direct
 * @param convergenceEpoch the epoch of the best validation loss (METHOD.md)
 * @param converged        whether the scheduler's patience then passed without improvement
 * @param patience         that patience
 */
public record LearningCurve(String label, String stage, List<EpochRecord> epochs, int convergenceEpoch, boolean converged,
                            int patience) {

    public LearningCurve {
        epochs = List.copyOf(epochs);
    }

    /** Every stage with a history in a bundle's training record, oldest first (the ANN, then the SNN stage). */
    public static List<LearningCurve> of(String label, JsonObject training) {
        List<LearningCurve> curves = new ArrayList<>();
        // the ANN's record is the top level (its best epoch is "bestEpoch"); an SNN stage's is an object named for it
        if (training.has("history")) {
            curves.add(parse(label, Stage.ANN.id(), training, "bestEpoch"));
        }
        for (Stage stage : List.of(Stage.FINE_TUNED, Stage.DIRECT)) {
            JsonObject o = training.has(stage.id()) ? training.getAsJsonObject(stage.id()) : null;
            if (o != null && o.has("history")) curves.add(parse(label, stage.id(), o, "convergenceEpoch"));
        }
        return curves;
    }

    /** The stage's training time: its epochs' seconds summed. */
    public double seconds() {
        return epochs.stream().mapToDouble(EpochRecord::seconds).sum();
    }

    private static LearningCurve parse(String label, String stage, JsonObject o, String bestKey) {
        List<EpochRecord> epochs = new ArrayList<>();
        for (JsonElement e : o.getAsJsonArray("history")) {
            JsonObject r = e.getAsJsonObject();
            epochs.add(new EpochRecord(r.get("epoch").getAsInt(), number(r, "trainLoss"), number(r, "validationLoss"),
                    number(r, "validationDice"), number(r, "foregroundFraction"), number(r, "learningRate"), number(r, "seconds")));
        }
        JsonObject settings = o.getAsJsonObject("settings");
        int patience = settings != null && settings.has("plateauPatience") ? settings.get("plateauPatience").getAsInt() : 0;
        return new LearningCurve(label, stage, epochs, o.has(bestKey) ? o.get(bestKey).getAsInt() : 0,
                o.has("converged") && o.get("converged").getAsBoolean(), patience);
    }

    private static double number(JsonObject r, String key) {
        JsonElement v = r.get(key);
        return v == null || v.isJsonNull() ? Double.NaN : v.getAsDouble();
    }

    /** One line per (curve, epoch): label, stage, epoch, losses, validation Dice, learning rate, seconds. */
    public static void writeCsv(Path csv, List<LearningCurve> curves) throws IOException {
        AtomicFiles.write(csv, tmp -> {
            try (Writer w = java.nio.file.Files.newBufferedWriter(tmp)) {
                w.write("label,stage,epoch,train_loss,validation_loss,validation_dice,learning_rate,seconds,convergence_epoch\n");
                for (LearningCurve c : curves) {
                    for (EpochRecord r : c.epochs()) {
                        w.write(String.format(Locale.ROOT, "%s,%s,%d,%.6f,%.6f,%.6f,%.3g,%.1f,%d%n", c.label(), c.stage(),
                                r.epoch(), r.trainLoss(), r.validationLoss(), r.validationDice(), r.learningRate(), r.seconds(),
                                c.convergenceEpoch()));
                    }
                }
            }
        });
    }

    /** Validation Dice against epoch, one line per curve, its convergence epoch in the legend. */
    public static void plot(Path png, String title, List<LearningCurve> curves) throws IOException {
        Charts.learningCurves(png, title, curves);
    }

    /** "converged at epoch 34 (10 epochs without improvement followed)" or "best at epoch 33 of 35, not converged (...)". */
    public String convergence() {
        return converged ? "converged at epoch " + convergenceEpoch + " (" + patience + " epochs without improvement followed)"
                : "best at epoch " + convergenceEpoch + " of " + epochs.size() + ", not converged (patience " + patience + " not passed)";
    }
}
