package org.hipposnn.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.view.Views;
import org.hipposnn.io.Volume;
import org.hipposnn.io.VolumeFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Prints what a user needs to know before segmenting a file: grid, datatype, voxel size, intensity
 * range, and for label files their values and voxel counts. Every file is tried; a bad one is
 * reported with its problem and makes the exit code non-zero.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Print dimensions, datatype, voxel size and intensities of image files "
                + "(.nii, .nii.gz, .tif); label values and voxel counts for label files.")
final class InspectCommand implements Callable<Integer> {

    /** A file with at most this many distinct non-negative integer values is shown as labels. */
    static final int MAX_LABEL_VALUES = 16;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Files, or folders whose image files are inspected.")
    List<Path> inputs;

    @Option(names = "--labels", description = "Treat every file as a label image (default: decided from its values).")
    boolean forceLabels;

    @Option(names = "--first-volume", description = "Take the first volume of a 4-D file instead of refusing it.")
    boolean firstVolume;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        int failures = 0;
        for (Path file : expand(inputs)) {
            try {
                describe(VolumeFiles.read(file, firstVolume), out);
            } catch (IOException | RuntimeException e) {
                System.err.println("inspect: " + message(e, file));
                failures++;
            }
        }
        return failures == 0 ? 0 : 1;
    }

    private void describe(Volume v, PrintStream out) {
        long[] d = v.dimensions();
        double[] s = v.voxelSize();
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY, sum = 0;
        boolean labelLike = true;
        Map<Long, Long> counts = new TreeMap<>();
        for (DoubleType t : Views.iterable(v.values())) {
            double x = t.get();
            min = Math.min(min, x);
            max = Math.max(max, x);
            sum += x;
            if (labelLike && (x < 0 || x != Math.rint(x) || counts.size() > MAX_LABEL_VALUES)) {
                labelLike = false;
            }
            if (labelLike) counts.merge((long) x, 1L, Long::sum);
        }
        out.println(v.source());
        out.printf(Locale.ROOT, "  dimensions  %d x %d x %d%n", d[0], d[1], d[2]);
        out.printf(Locale.ROOT, "  datatype    %s%s%n", v.header().datatype(),
                v.header().hasScaling() ? String.format(Locale.ROOT, " (scaled: x%g %+g)",
                        v.header().sclSlope(), v.header().sclInter()) : "");
        out.printf(Locale.ROOT, "  voxel size  %s x %s x %s %s%n", num(s[0]), num(s[1]), num(s[2]), v.header().spatialUnit());
        out.printf(Locale.ROOT, "  intensity   min %s, max %s, mean %s%n", num(min), num(max), num(sum / v.raw().size()));
        if (forceLabels || (labelLike && counts.size() <= MAX_LABEL_VALUES)) {
            out.println("  labels      " + counts.entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue() + " voxels")
                    .collect(Collectors.joining(", ")));
        }
    }

    /** Folders become their supported files, in name order; files are kept as given. */
    private static List<Path> expand(List<Path> inputs) {
        List<Path> files = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(VolumeFiles::isSupported)
                            .filter(f -> !f.getFileName().toString().startsWith("."))
                            .sorted().forEach(files::add);
                } catch (IOException e) {
                    files.add(p); // reading it will report the problem
                }
            } else {
                files.add(p);
            }
        }
        return files;
    }

    /** Integers as integers, other values to 5 significant digits. */
    static String num(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x)
                : new java.math.BigDecimal(x).round(new java.math.MathContext(5)).stripTrailingZeros().toPlainString();
    }

    static String message(Exception e, Path file) {
        String m = e.getMessage();
        if (m == null) m = e.getClass().getSimpleName();
        return m.contains(file.getFileName().toString()) ? m : file + ": " + m;
    }
}
