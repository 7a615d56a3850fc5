package org.hipposnn.fiji;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.hipposnn.engine.Backend;
import org.hipposnn.io.Volume;
import org.hipposnn.io.VolumeFiles;
import org.hipposnn.model.ModelBundle;
import org.hipposnn.segment.FolderSegmentation;
import org.hipposnn.segment.Predictors;
import org.hipposnn.segment.Segmenter;

/**
 * Entry points for ImageJ 1.x macros, which can call any public static method that takes and
 * returns Strings, in plain ImageJ 1.x and in Fiji alike:
 * <pre>
 * v = call("org.hipposnn.fiji.Macros.segment", "/in/t1.nii.gz", "/out/t1.nii.gz", "");
 * r = call("org.hipposnn.fiji.Macros.segmentFolder", "/in", "/out", "/models/ann.zip");
 * </pre>
 * Users' batch macros depend on these names and this argument order: do not change them. An empty
 * model path means the bundled model. Nothing is thrown: failures come back as a message starting
 * with {@code ERROR:}, which a macro can test with {@code startsWith(r, "ERROR:")}.
 */
public final class Macros {

    private Macros() {}

    /**
     * Segments one image file (.nii, .nii.gz, .tif) into a label file of the output's format.
     *
     * @return the hippocampal volume in mm³ (e.g. {@code "3412.5"}), or {@code "ERROR: ..."}
     */
    public static String segment(String inputPath, String outputPath, String modelPath) {
        try {
            Path in = path(inputPath, "inputPath"), out = path(outputPath, "outputPath");
            if (Files.exists(out) && Files.isSameFile(in, out)) {
                throw new IllegalArgumentException(out + ": the output is the input; the image would be overwritten");
            }
            Segmenter segmenter = segmenter(modelPath);
            Volume image = VolumeFiles.read(in);
            Segmenter.Segmentation s = segmenter.segment(image);
            VolumeFiles.writeLabels(out, s.labels(), image);
            return String.format(Locale.ROOT, "%.1f", s.volumeMm3());
        } catch (Exception e) {
            return "ERROR: " + Failures.message(e);
        }
    }

    /**
     * Segments every .nii, .nii.gz and .tif (and .tiff) image of a folder into the same file names
     * in outputDir, and writes outputDir/volumes.csv (case,volume_mm3). Images that fail are left
     * out of the CSV.
     *
     * @return the path of volumes.csv, or {@code "ERROR: ..."} (when any image failed: how many,
     *         and the first failure; the CSV then lists the others)
     */
    public static String segmentFolder(String inputDir, String outputDir, String modelPath) {
        try {
            Path out = path(outputDir, "outputDir");
            List<FolderSegmentation.Case> cases = new FolderSegmentation(segmenter(modelPath))
                    .folder(path(inputDir, "inputDir"), out);
            List<FolderSegmentation.Case> failed = cases.stream().filter(c -> !c.ok()).toList();
            Path csv = out.resolve("volumes.csv").toAbsolutePath();
            if (failed.isEmpty()) return csv.toString();
            return "ERROR: " + failed.size() + " of " + cases.size() + " images failed (first: " + failed.get(0).error()
                    + "); " + csv + " lists the others";
        } catch (Exception e) {
            return "ERROR: " + Failures.message(e);
        }
    }

    private static Segmenter segmenter(String modelPath) throws java.io.IOException {
        Backend.start(0);
        ModelBundle bundle = ModelChoice.load(modelPath == null ? null : new File(modelPath), 0);
        return new Segmenter(bundle.preprocessing(), Predictors.forBundle(bundle));
    }

    private static Path path(String s, String name) {
        if (s == null || s.isBlank()) throw new IllegalArgumentException(name + " is empty");
        return Path.of(s);
    }
}
