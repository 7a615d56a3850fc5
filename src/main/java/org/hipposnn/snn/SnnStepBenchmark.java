package org.hipposnn.snn;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.hipposnn.engine.Adam;
import org.hipposnn.engine.Buffers;
import org.hipposnn.engine.Losses;
import org.hipposnn.engine.UNet;
import org.hipposnn.network.UNetSpec;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Times the SNN as shared/bench/torch_reference.py does (random data, Poisson input, IF neurons with
 * thresholds 1, BCE, one Adam step), printing
 * <pre>
 *   snn-infer X slice-timesteps/s (T=20)
 *   snn-train X slice-timesteps/s (T=20)
 *   snn-train-peak-rss X MB
 * </pre>
 * Options: --width 32 --batch 26 --h 56 --w 48 --T 20 --threads 2 --reps 5 --chunk K (inference
 * chunk, default T: all steps stacked, like the reference) --only train|infer --dropout 0.
 * Like the reference: two untimed calls, then the mean of reps (training: max(1, reps / 2)).
 * The peak RSS is the process's VmHWM (Linux) after the last part run, so with --only train it
 * is the training step's peak (plus the JVM).
 */
public final class SnnStepBenchmark {
    private SnnStepBenchmark() {}

    public static void main(String[] args) throws Exception {
        int width = 32, batch = 26, h = 56, w = 48, steps = 20, threads = 2, reps = 5, chunk = -1;
        double dropout = 0;
        String only = "";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--width" -> width = Integer.parseInt(args[++i]);
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--h" -> h = Integer.parseInt(args[++i]);
                case "--w" -> w = Integer.parseInt(args[++i]);
                case "--T" -> steps = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--reps" -> reps = Integer.parseInt(args[++i]);
                case "--chunk" -> chunk = Integer.parseInt(args[++i]);
                case "--dropout" -> dropout = Double.parseDouble(args[++i]);
                case "--only" -> only = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (chunk < 1) chunk = steps;
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        NativeOps nat = NativeOpsHolder.getInstance().getDeviceNativeOps();
        nat.setOmpNumThreads(threads);
        System.err.printf("# onednn built-in: %s, omp threads: %d, T=%d, inference chunk %d%n",
                nat.buildInfo().contains("HAVE_ONEDNN"), nat.ompGetMaxThreads(), steps, chunk);

        UNetSpec spec = new UNetSpec(h, w, width, UNetSpec.DEFAULT_DEPTH, UNetSpec.DEFAULT_KERNEL, dropout);
        if (!only.equals("train")) {
            System.out.printf("snn-infer %.1f slice-timesteps/s (T=%d)%n", snnInfer(spec, batch, steps, chunk, reps), steps);
        }
        if (!only.equals("infer")) {
            System.out.printf("snn-train %.1f slice-timesteps/s (T=%d)%n", snnTrain(spec, batch, steps, reps), steps);
            System.out.printf("snn-train-peak-rss %d MB%n", peakRssKb() / 1024);
        }
        System.err.printf("# dense-equivalent forward: %.3f GFLOP per slice-step%n", 2e-9 * spec.macs());
    }

    /** Slice-timesteps per second of SNN inference (Poisson input, thresholds 1), K steps at a time. */
    public static double snnInfer(UNetSpec spec, int batch, int steps, int chunk, int reps) {
        SpikingUNet snn = randomSnn(spec, steps);
        INDArray x = Nd4j.rand(DataType.FLOAT, batch, 1, spec.height(), spec.width());
        long n0 = snn.neuron().nanosInRecurrence();
        double s = time(() -> Buffers.release(snn.infer(x, chunk)), reps);
        System.err.printf("# infer: %.3f s per pass, of which IF recurrence %.3f s%n", s,
                (snn.neuron().nanosInRecurrence() - n0) / 1e9 / (reps + 2));
        Buffers.release(x);
        return (double) batch * steps / s;
    }

    /** Slice-timesteps per second of one BPTT training step (forward over T, BCE, backward, Adam). */
    public static double snnTrain(UNetSpec spec, int batch, int steps, int reps) {
        SpikingUNet snn = randomSnn(spec, steps);
        Adam adam = new Adam(1e-3);
        INDArray x = Nd4j.rand(DataType.FLOAT, batch, 1, spec.height(), spec.width());
        INDArray y = Nd4j.rand(DataType.FLOAT, batch, 1, spec.height(), spec.width()).gt(0.5).castTo(DataType.FLOAT);
        Runnable train = () -> {
            INDArray z = snn.forward(x, true);
            Losses.Value v = Losses.bce(z, y);
            Map<String, INDArray> g = snn.backward(v.gradient());
            Buffers.release(z, v.gradient());
            adam.step(snn.network().weights(), g);
        };
        long n0 = snn.neuron().nanosInRecurrence();
        int r = Math.max(1, reps / 2); // as the reference
        double s = time(train, r);
        System.err.printf("# train: %.3f s per step, of which IF recurrence (fwd+bwd) %.3f s%n", s,
                (snn.neuron().nanosInRecurrence() - n0) / 1e9 / (r + 2));
        return (double) batch * steps / s;
    }

    private static SpikingUNet randomSnn(UNetSpec spec, int steps) {
        SpikingUNet snn = new SpikingUNet(new UNet(spec, 0));
        snn.setTimeSteps(steps);
        snn.setSeed(0);
        return snn;
    }

    static double time(Runnable r, int reps) {
        r.run(); r.run();
        long t = System.nanoTime();
        for (int i = 0; i < reps; i++) r.run();
        return (System.nanoTime() - t) / 1e9 / reps;
    }

    public static long peakRssKb() throws java.io.IOException {
        Path p = Path.of("/proc/self/status");
        if (!Files.exists(p)) return -1;
        for (String line : Files.readAllLines(p))
            if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D", ""));
        return -1;
    }
}
