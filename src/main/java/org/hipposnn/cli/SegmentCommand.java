package org.hipposnn.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hipposnn.engine.Backend;
import org.hipposnn.io.VolumeFiles;
import org.hipposnn.model.ModelBundle;
import org.hipposnn.model.ModelFiles;
import org.hipposnn.model.ShippedModel;
import org.hipposnn.segment.FolderSegmentation;
import org.hipposnn.segment.Predictors;
import org.hipposnn.segment.Segmenter;
import org.hipposnn.segment.SlicePredictor;
import org.hipposnn.snn.SnnPredictor;
import org.hipposnn.snn.SpikeTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Segments one file or every image of a folder: a label image on each input's own grid, and a CSV
 * of volumes (and Dice, given ground truth). With an SNN model, also the spike statistics of the
 * whole run per slice ({@link SpikeTable}'s columns): {@code spikes.csv} in the output folder, or
 * {@code <output>.spikes.csv} beside one output file. Outputs are written atomically; a bad input is
 * reported by name and the others still run.
 */
@Command(name = "segment", mixinStandardHelpOptions = true,
        description = "Segment the hippocampus in .nii, .nii.gz or .tif images; writes label images and volumes.csv (and spikes.csv for an SNN).")
final class SegmentCommand implements Callable<Integer> {

    @Option(names = "--model", description = "Model bundle (.zip) made by train-ann, convert, finetune or train-snn (default: the shipped SNN, models/hippo-snn.zip).")
    Path model;

    @Option(names = "--input", required = true, description = "An image file, or a folder of them.")
    Path input;

    @Option(names = "--output", required = true, description = "Label file (for one input) or folder (for a folder).")
    Path output;

    @Option(names = "--labels", description = "Folder of ground-truth labels with the inputs' file names: adds Dice to the CSV.")
    Path labels;

    @Option(names = "--csv", description = "Where the per-case CSV goes (default: volumes.csv in the output folder, or beside the output file).")
    Path csv;

    @Option(names = "--time-steps", defaultValue = "0", description = "SNN models: T to simulate (0: the model's own T). Ignored for an ANN.")
    int timeSteps;

    @Option(names = "--threads", defaultValue = "0", description = "CPU threads (0: all cores).")
    int threads;

    @Override
    public Integer call() throws Exception {
        if (timeSteps < 0) throw new IllegalArgumentException("--time-steps must be >= 0 (0: the model's own T), got " + timeSteps);
        Backend.start(threads);
        if (model == null) {
            model = ShippedModel.locate();
            System.err.println("segment: the shipped model " + model);
        }
        ModelBundle bundle = ModelFiles.load(model);
        if (timeSteps > 0 && bundle.kind() != ModelBundle.Kind.SNN) System.err.println("segment: --time-steps ignored: " + model + " is an ANN");
        SlicePredictor predictor = Predictors.forBundle(bundle, timeSteps);
        Segmenter segmenter = new Segmenter(bundle.preprocessing(), predictor);
        boolean folder = Files.isDirectory(input);
        List<Path> inputs = folder ? FolderSegmentation.images(input) : List.of(input);
        if (inputs.isEmpty()) throw new IllegalArgumentException(input + ": no " + VolumeFiles.SUPPORTED + " images in this folder");
        if (Files.exists(output) && Files.isSameFile(input, output)) {
            throw new IllegalArgumentException(output + ": the output is the input; the images would be overwritten");
        }
        if (folder) Files.createDirectories(output);
        else if (Files.isDirectory(output)) throw new IllegalArgumentException(output + " is a folder; give a file name for one input");
        Path table = csv != null ? csv : (folder ? output.resolve("volumes.csv")
                : output.toAbsolutePath().resolveSibling("volumes.csv"));

        FolderSegmentation batch = new FolderSegmentation(segmenter).groundTruth(labels).listener(c -> {
            if (c.ok()) System.out.printf(Locale.ROOT, "%s: %.1f mm3 -> %s%n", c.input().getFileName(), c.volumeMm3(), c.output());
            else System.err.println("segment: " + c.error());
        });
        // same name and format as the input
        List<FolderSegmentation.Case> cases = batch.run(inputs, in -> folder ? output.resolve(in.getFileName().toString()) : output, table);
        System.out.println("wrote " + table);
        if (predictor instanceof SnnPredictor snn && cases.stream().anyMatch(FolderSegmentation.Case::ok)) {
            // the spike statistics of every slice segmented, per slice, as convert writes them
            Path spikes = folder ? output.resolve("spikes.csv") : output.resolveSibling(output.getFileName() + ".spikes.csv");
            SpikeTable.writeCsv(spikes, snn.layerStats());
            System.out.println("wrote " + spikes);
        }
        return cases.stream().allMatch(FolderSegmentation.Case::ok) ? 0 : 1;
    }
}
