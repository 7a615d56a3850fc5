package org.hipposnn.fiji;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import java.io.File;
import org.hipposnn.engine.Backend;
import org.hipposnn.model.ModelBundle;
import org.hipposnn.segment.Predictors;
import org.hipposnn.segment.Segmenter;
import org.hipposnn.segment.SlicePredictor;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Plugins &gt; Hippocampus SNN &gt; Segment Hippocampus: an open image or a file in; the label
 * stack, its volume and a per-layer table out. Thin: {@link ModelChoice} picks the model,
 * {@link ImageSegmentation} runs the engine's {@link Segmenter}.
 *
 * <p>{@code layer_statistics}: for an SNN model, the spike statistics of this segmentation's
 * simulation per weighted layer plus a total row, with the command line's spike CSV columns
 * (threshold, firing rate, spikes, synaptic operations, ANN MACs, energy estimates); for an ANN,
 * each layer's multiply-accumulates per slice (see {@link LayerStatistics}). {@code time_steps}
 * applies to SNN models only (0: the model's own T). Bad input cancels the command with a message
 * naming the file and the problem (shown by Fiji, logged when headless).
 */
@Plugin(type = Command.class, menuPath = "Plugins>Hippocampus SNN>Segment Hippocampus", headless = true)
public class SegmentHippocampusCommand extends ContextCommand {

    @Parameter(label = "Open image", required = false, description = "Used when no input file is given")
    private ImagePlus image;

    @Parameter(label = "Or image file (.nii, .nii.gz, .tif)", required = false, style = "open")
    private File input_file;

    @Parameter(label = "Model bundle (empty: bundled model)", required = false, style = "open")
    private File model_file;

    @Parameter(label = "Time steps (SNN only; 0: the model's own)", min = "0")
    private int time_steps = 0;

    @Parameter(type = ItemIO.OUTPUT)
    private ImagePlus labels;

    @Parameter(type = ItemIO.OUTPUT)
    private double volume_mm3;

    @Parameter(type = ItemIO.OUTPUT)
    private ResultsTable layer_statistics;

    @Parameter
    private LogService log;

    @Override
    public void run() {
        try {
            Backend.start(0);
            ModelBundle bundle = ModelChoice.load(model_file, time_steps);
            SlicePredictor predictor = Predictors.forBundle(bundle, time_steps);
            ImageSegmentation.Result r = ImageSegmentation.segment(new Segmenter(bundle.preprocessing(), predictor), image, input_file);
            labels = r.labels();
            volume_mm3 = r.volumeMm3();
            layer_statistics = LayerStatistics.of(bundle, predictor);
            log.info(String.format(java.util.Locale.ROOT, "Hippo SNN: %s: %.1f mm3", labels.getTitle(), volume_mm3));
        } catch (Exception e) {
            String m = Failures.message(e);
            log.error("Segment Hippocampus: " + m);
            cancel(m);
        }
    }
}
