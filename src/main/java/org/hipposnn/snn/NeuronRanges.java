package org.hipposnn.snn;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Runs a per-neuron recurrence over contiguous ranges of a layer's neurons side by side, one range
 * per thread of ND4J's kernels (OpenMP's count, which {@code --threads} sets through
 * {@code Backend.start}; ND4J's {@code Environment.maxThreads} does not follow it): while the IF recurrence runs in plain
 * Java, ND4J's kernel threads are idle, so the recurrence may use them. The calling thread runs the
 * first range; the others run on a shared pool of daemon threads. Ranges are at least
 * {@link #MIN_RANGE} neurons, so small layers (and small batches) stay on the calling thread.
 */
final class NeuronRanges {
    /** What runs over neurons [lo, lo+len); {@code part} numbers the range from 0. Returns a sum (spikes). */
    interface Body {
        double run(int part, int lo, int len);
    }

    /** Below this many neurons per range, handing a range to another thread costs more than it saves. */
    static final int MIN_RANGE = 1 << 14;

    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "hippo-snn-neurons");
        t.setDaemon(true);
        return t;
    });

    private NeuronRanges() {}

    /** How many ranges {@code n} neurons are cut into: ND4J's kernel threads, fewer for small layers. */
    static int parts(int n) {
        return Math.max(1, Math.min(NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads(), n / MIN_RANGE));
    }

    /** Start of range {@code part} of {@code parts} over {@code n} neurons (contiguous, sizes differ by at most 1). */
    static int start(int n, int parts, int part) {
        return (int) ((long) n * part / parts);
    }

    /**
     * Runs {@code body} over {@code parts} contiguous ranges covering [0, n) and returns the sum of
     * their results. Returns only once every range has finished, also when one fails (the ranges
     * write into buffers the caller may free); the first failure is rethrown.
     */
    static double run(int n, int parts, Body body) {
        if (parts <= 1) return body.run(0, 0, n);
        List<Future<Double>> others = new ArrayList<>(parts - 1);
        for (int p = 1; p < parts; p++) {
            final int part = p, lo = start(n, parts, p), len = start(n, parts, p + 1) - lo;
            others.add(POOL.submit(() -> body.run(part, lo, len)));
        }
        double sum = 0;
        Throwable failure = null;
        try {
            sum = body.run(0, 0, start(n, parts, 1));
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        boolean interrupted = false;
        for (Future<Double> f : others) {
            while (true) {
                try {
                    sum += f.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // keep waiting: the range is still writing; the flag is restored below
                } catch (ExecutionException e) {
                    if (failure == null) failure = e.getCause();
                    break;
                }
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        if (failure instanceof RuntimeException r) throw r;
        if (failure instanceof Error err) throw err;
        if (failure != null) throw new IllegalStateException(failure);
        return sum;
    }
}
