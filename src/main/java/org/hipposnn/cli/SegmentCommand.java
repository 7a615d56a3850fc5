package org.hipposnn.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import org.hipposnn.data.MsdDataset;
import org.hipposnn.engine.Backend;
import org.hipposnn.eval.OverlapCounts;
import org.hipposnn.io.AtomicFiles;
import org.hipposnn.io.NiftiReader;
import org.hipposnn.io.Volume;
import org.hipposnn.io.VolumeFiles;
import org.hipposnn.model.ModelBundle;
import org.hipposnn.model.ModelFiles;
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
        List<Path> inputs = folder ? images(input) : List.of(input);
        if (inputs.isEmpty()) throw new IllegalArgumentException(input + ": no " + VolumeFiles.SUPPORTED + " images in this folder");
        if (Files.exists(output) && Files.isSameFile(input, output)) {
            throw new IllegalArgumentException(output + ": the output is the input; the images would be overwritten");
        }
        if (folder) Files.createDirectories(output);
        else if (Files.isDirectory(output)) throw new IllegalArgumentException(output + " is a folder; give a file name for one input");
        Path table = csv != null ? csv : (folder ? output.resolve("volumes.csv")
                : output.toAbsolutePath().resolveSibling("volumes.csv"));

        StringBuilder rows = new StringBuilder(labels != null ? "case,volume_mm3,dice\n" : "case,volume_mm3\n");
        int failures = 0;
        for (Path in : inputs) {
            String name = in.getFileName().toString();
            Path target = folder ? output.resolve(name) : output; // same name and format as the input
            try {
                Volume image = VolumeFiles.read(in);
                Segmenter.Segmentation s = segmenter.segment(image);
                VolumeFiles.writeLabels(target, s.labels(), image);
                rows.append(csvField(MsdDataset.idOf(name.replaceFirst("\\.tiff?$", "")))).append(',')
                        .append(String.format(Locale.ROOT, "%.1f", s.volumeMm3()));
                if (labels != null) rows.append(',').append(String.format(Locale.ROOT, "%.4f", dice(s.labels(), image, labels.resolve(name))));
                rows.append('\n');
                System.out.printf(Locale.ROOT, "%s: %.1f mm3 -> %s%n", name, s.volumeMm3(), target);
            } catch (IOException | RuntimeException e) {
                System.err.println("segment: " + InspectCommand.message(e, in));
                failures++;
            }
        }
        AtomicFiles.writeStream(table, o -> o.write(rows.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        System.out.println("wrote " + table);
        return failures == 0 ? 0 : 1;
    }

    private static double dice(RandomAccessibleInterval<UnsignedByteType> prediction, Volume image, Path truthFile) throws IOException {
        Volume truth = NiftiReader.read(truthFile);
        NiftiReader.requireSameGrid(image, truth);
        return OverlapCounts.of(prediction, truth.values()).dice();
    }

    private static List<Path> images(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(VolumeFiles::isSupported).filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(Files::isRegularFile).sorted().forEach(out::add);
        }
        return out;
    }

    private static String csvField(String s) {
        return s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
