package org.hipposnn.engine;

import java.util.Map;

import org.hipposnn.network.UNetSpec;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Times the ANN training step (forward, BCE, backward, Adam) and the ANN forward pass on random data,
 * printing the same lines as shared/bench/torch_reference.py:
 * <pre>
 *   ann-train X slices/s
 *   ann-infer X slices/s
 * </pre>
 * Options: --width 32 --batch 26 --h 56 --w 48 --threads 2 --reps 5 --dropout 0 [--no-onednn].
 * Dropout defaults to 0 because the reference network has none. Like the reference: two untimed
 * calls, then the mean of {@code reps}.
 */
public final class TrainStepBenchmark {
    private TrainStepBenchmark() {}

    public static void main(String[] args) {
        int width = 32, batch = 26, h = 56, w = 48, threads = 2, reps = 5;
        double dropout = 0;
        boolean onednn = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--width" -> width = Integer.parseInt(args[++i]);
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--h" -> h = Integer.parseInt(args[++i]);
                case "--w" -> w = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--reps" -> reps = Integer.parseInt(args[++i]);
                case "--dropout" -> dropout = Double.parseDouble(args[++i]);
                case "--no-onednn" -> onednn = false;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.getEnvironment().allowHelpers(onednn);
        NativeOps nat = NativeOpsHolder.getInstance().getDeviceNativeOps();
        nat.setOmpNumThreads(threads);
        String info = nat.buildInfo();
        System.err.printf("# onednn built-in: %s, helpers allowed: %s, omp threads: %d%n",
                info.contains("HAVE_ONEDNN"), Nd4j.getEnvironment().helpersAllowed(), nat.ompGetMaxThreads());

        UNetSpec spec = new UNetSpec(h, w, width, UNetSpec.DEFAULT_DEPTH, UNetSpec.DEFAULT_KERNEL, dropout);
        System.out.printf("ann-train %.1f slices/s%n", annTrain(spec, batch, reps));
        System.out.printf("ann-infer %.1f slices/s%n", annInfer(spec, batch, reps));
    }

    /** Slices per second of the ANN training step (forward, BCE, backward, Adam) on random data. */
    public static double annTrain(UNetSpec spec, int batch, int reps) {
        UNet net = new UNet(spec, 0);
        Adam adam = new Adam(1e-3);
        INDArray x = Nd4j.rand(DataType.FLOAT, batch, 1, spec.height(), spec.width());
        INDArray y = Nd4j.rand(DataType.FLOAT, batch, 1, spec.height(), spec.width()).gt(0.5).castTo(DataType.FLOAT);
        Runnable train = () -> {
            Losses.Value v = Losses.bce(net.forward(x, true), y);
            Map<String, INDArray> g = net.backward(v.gradient());
            Buffers.release(v.gradient());
            adam.step(net.weights(), g);
        };
        return batch / time(train, reps);
    }

    /** Slices per second of the ANN forward pass (inference mode) on random data. */
    public static double annInfer(UNetSpec spec, int batch, int reps) {
        UNet net = new UNet(spec, 0);
        INDArray x = Nd4j.rand(DataType.FLOAT, batch, 1, spec.height(), spec.width());
        return batch / time(() -> net.forward(x, false), reps);
    }

    /** Mean seconds per call after two untimed calls. */
    public static double time(Runnable r, int reps) {
        r.run(); r.run();
        long t = System.nanoTime();
        for (int i = 0; i < reps; i++) r.run();
        return (System.nanoTime() - t) / 1e9 / reps;
    }
}
