package org.hipposnn.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.hipposnn.engine.Backend;
import org.hipposnn.engine.MallocTunables;
import org.hipposnn.engine.TrainStepBenchmark;
import org.hipposnn.network.UNetSpec;
import org.hipposnn.snn.SnnStepBenchmark;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The engine's speed, printed line for line like shared/bench/torch_reference.py (same options,
 * same names, same units), so the two compare as ratios in one session (BENCH.md).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time the engine on random data; same options and output lines as torch_reference.py.")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--width", defaultValue = "32") int width;
    @Option(names = "--batch", defaultValue = "26") int batch;
    @Option(names = "--h", defaultValue = "56") int h;
    @Option(names = "--w", defaultValue = "48") int w;
    @Option(names = "--T", defaultValue = "20", description = "Time steps for the SNN lines.") int timeSteps;
    @Option(names = "--threads", defaultValue = "2") int threads;
    @Option(names = "--reps", defaultValue = "5") int reps;
    @Option(names = "--chunk", defaultValue = "0", description = "SNN inference: time steps simulated at once (0: all T, like the reference).") int chunk;
    @Option(names = "--only", description = "ann, snn, snn-infer or snn-train (default: everything).") String only;

    @Override
    public Integer call() throws Exception {
        Backend.start(threads);
        // the reference network has no dropout
        UNetSpec spec = new UNetSpec(h, w, width, UNetSpec.DEFAULT_DEPTH, UNetSpec.DEFAULT_KERNEL, 0);
        double gflop = 2.0 * spec.macs() / 1e9; // one forward pass per slice (or slice-timestep)
        if (only == null || only.equals("ann")) {
            double train = TrainStepBenchmark.annTrain(spec, batch, reps);
            double infer = TrainStepBenchmark.annInfer(spec, batch, reps);
            System.out.printf(Locale.ROOT, "ann-train %.1f slices/s%n", train);
            System.out.printf(Locale.ROOT, "ann-infer %.1f slices/s%n", infer);
            System.out.printf(Locale.ROOT, "# dense-equivalent: ann-infer %.1f GFLOP/s, ann-train %.1f GFLOP/s (3x forward)%n",
                    infer * gflop, train * 3 * gflop);
        }
        if (only != null && !java.util.List.of("ann", "snn", "snn-infer", "snn-train").contains(only)) {
            throw new IllegalArgumentException("--only takes ann, snn, snn-infer or snn-train, not '" + only + "'");
        }
        double infer = 0;
        if (only == null || only.equals("snn") || only.equals("snn-infer")) {
            infer = SnnStepBenchmark.snnInfer(spec, batch, timeSteps, chunk > 0 ? chunk : timeSteps, reps);
            System.out.printf(Locale.ROOT, "snn-infer %.1f slice-timesteps/s (T=%d)%n", infer, timeSteps);
        }
        if (only == null || only.equals("snn") || only.equals("snn-train")) {
            double train = SnnStepBenchmark.snnTrain(spec, batch, timeSteps, reps);
            System.out.printf(Locale.ROOT, "snn-train %.1f slice-timesteps/s (T=%d)%n", train, timeSteps);
            System.out.printf(Locale.ROOT, "snn-train-peak-rss %d MB (the whole process: VmHWM)%n", SnnStepBenchmark.peakRssKb() / 1024);
            System.out.printf(Locale.ROOT, "# dense-equivalent: snn-infer %.1f GFLOP/s, snn-train %.1f GFLOP/s%n",
                    infer * gflop, train * 3 * gflop);
        }
        System.out.printf(Locale.ROOT, "# sgemm 1024x1024 on this machine: %.1f GFLOP/s%n", sgemm());
        // malloc's settings change the SNN lines several-fold where page faults are costly (docs/benchmarks.md)
        System.out.println("# " + MallocTunables.VARIABLE + "=" + java.util.Objects.requireNonNullElse(System.getenv(MallocTunables.VARIABLE), "(unset)"));
        return 0;
    }

    /** The practical ceiling: single-precision matrix multiply on these threads. */
    private static double sgemm() {
        int n = 1024;
        INDArray a = Nd4j.rand(DataType.FLOAT, n, n), b = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray c = Nd4j.createUninitialized(DataType.FLOAT, n, n);
        double s = TrainStepBenchmark.time(() -> Nd4j.gemm(a, b, c, false, false, 1.0, 0.0), 5);
        return 2.0 * n * n * n / s / 1e9;
    }
}
