package org.hipposnn.fiji;

import ij.measure.ResultsTable;
import java.io.File;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import org.hipposnn.conversion.ConversionSettings;
import org.hipposnn.conversion.ConvertAndScore;
import org.hipposnn.conversion.SnnConversion;
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
 * Plugins &gt; Hippocampus SNN &gt; Convert to SNN: step 2 of the pipeline. The ANN bundle (made by
 * Train ANN) becomes an integrate-and-fire SNN, scored on the ANN's own test fold at time_steps
 * (and, when a curve is asked for, at each of its T from the same simulation). Thin over the
 * engine's {@link ConvertAndScore}, which the command line's {@code convert} runs too.
 *
 * <p>Outputs: {@code test_dice} (3-D Dice at time_steps), {@code dice_by_time_steps} (one row per
 * T scored) and {@code layer_statistics} (the spike statistics of the scoring simulation, the
 * columns of the command line's spike CSV). Cancelling stops after the subject being scored; no
 * model is written then.
 */
@Plugin(type = Command.class, menuPath = "Plugins>Hippocampus SNN>Convert to SNN", headless = true)
public class ConvertToSnnCommand extends ContextCommand {

    @Parameter(label = "ANN model bundle (from Train ANN)", style = "open")
    private File ann_model_file;

    @Parameter(label = "Data folder the ANN was trained on (imagesTr/, labelsTr/)", style = "directory")
    private File data_dir;

    @Parameter(label = "Time steps T", min = "1")
    private int time_steps = 200;

    @Parameter(label = "Method", choices = {"weight-normalisation", "threshold-balancing"})
    private String method = "weight-normalisation";

    @Parameter(label = "Percentile (0: the method's default, 99.9 or 100 = the maximum)", min = "0", max = "100")
    private double percentile = 0;

    @Parameter(label = "Threshold scale (threshold balancing)", min = "0")
    private double scale = ConversionSettings.DEFAULT_SCALE;

    @Parameter(label = "Input encoder", choices = {"poisson", "constant"})
    private String encoder = "poisson";

    @Parameter(label = "Training slices for the statistics (0: the method's default)", min = "0")
    private int slices = 0;

    @Parameter(label = "Also score at these T (e.g. 25,50,100; empty: none)", required = false)
    private String curve = "";

    @Parameter(label = "SNN model bundle to write (.zip)", style = "save")
    private File output_model_file;

    @Parameter(type = ItemIO.OUTPUT)
    private double test_dice;

    @Parameter(type = ItemIO.OUTPUT)
    private ResultsTable dice_by_time_steps;

    @Parameter(type = ItemIO.OUTPUT)
    private ResultsTable layer_statistics;

    @Parameter
    private StatusService status;

    @Parameter
    private LogService log;

    @Override
    public void run() {
        try {
            if (output_model_file == null || output_model_file.getPath().isBlank()) throw new IllegalArgumentException("no output_model_file given");
            ConversionSettings settings = ConversionSettings.withDefaults(method, time_steps, encoder, slices > 0 ? slices : null,
                    null, percentile > 0 ? percentile : null, scale, 1);
            int[] steps = curve(curve);
            Backend.start(0);
            ModelBundle ann = ModelFiles.load(ModelChoice.resolve(required(ann_model_file)));
            MsdDataset data = FoldTraining.open(data_dir);
            ConvertAndScore.Result r = ConvertAndScore.run(ann, data, SnnConversion.splitOf(ann, data), settings, steps, 0, line -> {
                if (isCanceled() || Thread.currentThread().isInterrupted()) throw new CancellationException();
                status.showStatus("Convert to SNN: " + line);
                log.info("Convert to SNN: " + line);
            });
            ModelFiles.save(output_model_file.toPath(), r.snn());
            // a model trained on every subject has no test fold: its validation subjects are not a test
            test_dice = r.snn().metrics().has("test") ? r.test().dice3d().mean() : Double.NaN;
            dice_by_time_steps = table(r);
            layer_statistics = LayerStatistics.spikes(r.spikes());
            log.info("Convert to SNN: wrote " + output_model_file + ", test Dice " + test_dice + " at T = " + time_steps);
        } catch (CancellationException e) {
            cancel("Convert to SNN was cancelled; no model was written");
        } catch (Exception e) {
            String m = Failures.message(e);
            log.error("Convert to SNN: " + m);
            cancel(m);
        }
    }

    private static File required(File f) {
        if (f == null || f.getPath().isBlank()) throw new IllegalArgumentException("no ann_model_file given");
        return f;
    }

    /** "25, 50,100" -> {25, 50, 100}; empty -> none. */
    static int[] curve(String s) {
        if (s == null || s.isBlank()) return new int[0];
        try {
            int[] t = Arrays.stream(s.split("[,\\s]+")).filter(x -> !x.isEmpty()).mapToInt(Integer::parseInt).toArray();
            if (Arrays.stream(t).anyMatch(x -> x < 1)) throw new NumberFormatException();
            return t;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("curve must list time steps >= 1 separated by commas (e.g. 25,50,100), not '" + s + "'");
        }
    }

    private static ResultsTable table(ConvertAndScore.Result r) {
        ResultsTable t = new ResultsTable();
        r.byTimeSteps().forEach((steps, rep) -> {
            t.incrementCounter();
            t.addValue("time_steps", steps);
            t.addValue("subjects", rep.cases().size());
            t.addValue("dice3d_mean", rep.dice3d().mean());
            t.addValue("dice3d_std", rep.dice3d().std());
            t.addValue("dice2d_mean", rep.dice2d().mean());
        });
        return t;
    }
}
