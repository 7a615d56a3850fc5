package org.hipposnn.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.hipposnn.io.NiftiReader;
import org.hipposnn.io.Volume;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * NIfTI decoding speed as a ratio to {@code gzip -dc} of the same files in the same run: machines
 * here are shared and noisy, so only the ratio means something (BENCH.md).
 */
@Command(name = "bench-io", mixinStandardHelpOptions = true,
        description = "Time decoding every .nii/.nii.gz under a folder against gzip -dc of the same files.")
final class BenchIoCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, description = "Folder searched recursively for .nii and .nii.gz files.")
    Path data;

    @Option(names = "--reps", defaultValue = "5", description = "Timed repetitions; the best is kept (default ${DEFAULT-VALUE}).")
    int reps;

    @Override
    public Integer call() throws Exception {
        List<Path> files = niftiFiles(data);
        if (files.isEmpty()) {
            System.err.println("bench-io: no .nii or .nii.gz files under " + data);
            return 2;
        }
        long voxelBytes = 0;
        for (Path f : files) { // warm-up, and the uncompressed size for MB/s
            Volume v = NiftiReader.read(f);
            voxelBytes += (long) v.header().datatype().bytesPerVoxel() * v.raw().size();
        }
        double ours = Double.MAX_VALUE;
        double gzip = Double.MAX_VALUE;
        for (int r = 0; r < reps; r++) { // interleaved, so both see the same machine load
            long t0 = System.nanoTime();
            for (Path f : files) NiftiReader.read(f);
            ours = Math.min(ours, (System.nanoTime() - t0) / 1e9);
            gzip = Math.min(gzip, gunzipSeconds(files));
        }
        double mb = voxelBytes / 1e6;
        System.out.printf(Locale.ROOT, "files %d, voxel data %.1f MB%n", files.size(), mb);
        System.out.printf(Locale.ROOT, "nifti-decode %.1f MB/s (%.3f s)%n", mb / ours, ours);
        System.out.printf(Locale.ROOT, "gzip-dc %.1f MB/s (%.3f s)%n", mb / gzip, gzip);
        System.out.printf(Locale.ROOT, "ratio %.2fx of gzip -dc%n", gzip / ours);
        return 0;
    }

    static List<Path> niftiFiles(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> {
                        String n = p.getFileName().toString();
                        return !n.startsWith(".") && (n.endsWith(".nii") || n.endsWith(".nii.gz"));
                    })
                    .sorted().toList();
        }
    }

    /** One gzip process over all files, output discarded: what gunzip itself costs. */
    private static double gunzipSeconds(List<Path> files) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("gzip", "-dcf"));
        files.forEach(f -> cmd.add(f.toString()));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (p.waitFor() != 0) throw new IOException("gzip -dc failed with exit code " + p.exitValue());
        return (System.nanoTime() - t0) / 1e9;
    }
}
