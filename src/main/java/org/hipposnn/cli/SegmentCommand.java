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
import org.hipposnn.segment.FolderSegmentation;
import org.hipposnn.segment.Predictors;
import org.hipposnn.segment.Segmenter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Segments one file or every image of a folder: a label image on each input's own grid, and a CSV
 * of volumes (and Dice, given ground truth). Outputs are written atomically; a bad input is
 * reported by name and the others still run.
 */
@Command(name = "segment", mixinStandardHelpOptions = true,
        description = "Segment the hippocampus in .nii, .nii.gz or .tif images; writes label images and volumes.csv.")
final class SegmentCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, description = "Model bundle (.zip) made by train-ann.")
    Path model;

    @Option(names = "--input", required = true, description = "An image file, or a folder of them.")
    Path input;

    @Option(names = "--output", required = true, description = "Label file (for one input) or folder (for a folder).")
    Path output;

    @Option(names = "--labels", description = "Folder of ground-truth labels with the inputs' file names: adds Dice to the CSV.")
    Path labels;

    @Option(names = "--csv", description = "Where the per-case CSV goes (default: volumes.csv in the output folder, or beside the output file).")
    Path csv;

    @Option(names = "--threads", defaultValue = "0", description = "CPU threads (0: all cores).")
    int threads;

    @Override
    public Integer call() throws Exception {
        Backend.start(threads);
        ModelBundle bundle = ModelFiles.load(model);
        Segmenter segmenter = new Segmenter(bundle.preprocessing(), Predictors.forBundle(bundle));
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
        return cases.stream().allMatch(FolderSegmentation.Case::ok) ? 0 : 1;
    }
}
