package org.hipposnn.segment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.hipposnn.data.MsdDataset;
import org.hipposnn.eval.OverlapCounts;
import org.hipposnn.io.AtomicFiles;
import org.hipposnn.io.NiftiReader;
import org.hipposnn.io.Volume;
import org.hipposnn.io.VolumeFiles;

/**
 * Segments a list of image files, writes each label image and one CSV of volumes (and Dice, given
 * ground truth). Shared by the command line's {@code segment} and Fiji's macro entry points so a
 * batch of scans gives the same files whichever front end ran it. A bad input is reported by name
 * and the others still run; every file is written atomically.
 */
public final class FolderSegmentation {

    /** One input's outcome: its volume (and Dice, or NaN), or the error that stopped it. */
    public record Case(Path input, Path output, double volumeMm3, double dice, String error) {
        public boolean ok() { return error == null; }
    }

    private final Segmenter segmenter;
    private Path groundTruth;
    private Consumer<Case> listener = c -> {};

    public FolderSegmentation(Segmenter segmenter) {
        this.segmenter = segmenter;
    }

    /** Folder of ground-truth labels named like the inputs: adds a Dice column. */
    public FolderSegmentation groundTruth(Path labelsDir) { this.groundTruth = labelsDir; return this; }

    /** Told after each input, on the calling thread. */
    public FolderSegmentation listener(Consumer<Case> l) { this.listener = l; return this; }

    /** The readable images of a folder ({@link VolumeFiles#SUPPORTED}), hidden files skipped, in name order. */
    public static List<Path> images(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(VolumeFiles::isSupported).filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(Files::isRegularFile).sorted().forEach(out::add);
        }
        return out;
    }

    /** Every image of {@code inputDir} to the same name in {@code outputDir}, and {@code outputDir/volumes.csv}. */
    public List<Case> folder(Path inputDir, Path outputDir) throws IOException {
        if (!Files.isDirectory(inputDir)) throw new java.nio.file.NoSuchFileException(inputDir.toString(), null, "no such folder");
        List<Path> inputs = images(inputDir);
        if (inputs.isEmpty()) throw new IllegalArgumentException(inputDir + ": no " + VolumeFiles.SUPPORTED + " images in this folder");
        if (Files.exists(outputDir) && Files.isSameFile(inputDir, outputDir)) {
            throw new IllegalArgumentException(outputDir + ": the output is the input; the images would be overwritten");
        }
        Files.createDirectories(outputDir);
        return run(inputs, in -> outputDir.resolve(in.getFileName().toString()), outputDir.resolve("volumes.csv"));
    }

    /** Segments each input to {@code target.apply(input)} (same format as its name says) and writes the CSV. */
    public List<Case> run(List<Path> inputs, UnaryOperator<Path> target, Path csv) throws IOException {
        StringBuilder rows = new StringBuilder(groundTruth != null ? "case,volume_mm3,dice\n" : "case,volume_mm3\n");
        List<Case> cases = new ArrayList<>();
        for (Path in : inputs) {
            String name = in.getFileName().toString();
            Path out = target.apply(in);
            Case c;
            try {
                Volume image = VolumeFiles.read(in);
                Segmenter.Segmentation s = segmenter.segment(image);
                VolumeFiles.writeLabels(out, s.labels(), image);
                double dice = groundTruth == null ? Double.NaN : dice(s, image, groundTruth.resolve(name));
                c = new Case(in, out, s.volumeMm3(), dice, null);
                rows.append(csvField(MsdDataset.idOf(name.replaceFirst("\\.tiff?$", "")))).append(',')
                        .append(String.format(Locale.ROOT, "%.1f", s.volumeMm3()));
                if (groundTruth != null) rows.append(',').append(String.format(Locale.ROOT, "%.4f", dice));
                rows.append('\n');
            } catch (IOException | RuntimeException e) {
                c = new Case(in, out, Double.NaN, Double.NaN, message(e, in));
            }
            cases.add(c);
            listener.accept(c);
        }
        AtomicFiles.writeStream(csv, o -> o.write(rows.toString().getBytes(StandardCharsets.UTF_8)));
        return cases;
    }

    private static double dice(Segmenter.Segmentation s, Volume image, Path truthFile) throws IOException {
        Volume truth = NiftiReader.read(truthFile);
        NiftiReader.requireSameGrid(image, truth);
        return OverlapCounts.of(s.labels(), truth.values()).dice();
    }

    /** The exception's message, naming the file when it does not already. */
    public static String message(Exception e, Path file) {
        String m = e.getMessage();
        if (m == null) m = e.getClass().getSimpleName();
        return m.contains(file.getFileName().toString()) ? m : file + ": " + m;
    }

    private static String csvField(String s) {
        return s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
