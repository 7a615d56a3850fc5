package org.hipposnn.engine;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Starts ND4J once per JVM the way the engine needs it: float32, a set number of CPU threads, and
 * the context class loader pointed at ND4J's own (inside Fiji, the plugin class loader is not the
 * one ServiceLoader searches, and the backend would not be found; FIJI.md).
 */
public final class Backend {
    private static boolean started;

    private Backend() {}

    /** @param threads CPU threads for ND4J's kernels; 0 keeps ND4J's default (all cores) */
    public static synchronized void start(int threads) {
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(Nd4j.class.getClassLoader());
        try {
            if (!started) {
                Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
                started = true;
            }
            if (threads > 0) {
                Nd4j.getEnvironment().setMaxThreads(threads);
                Nd4j.getEnvironment().setMaxMasterThreads(threads);
                NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
            }
        } finally {
            t.setContextClassLoader(previous);
        }
    }
}
