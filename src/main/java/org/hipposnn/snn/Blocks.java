package org.hipposnn.snn;

import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Direct, copy-free access to the off-heap data of a dense (C-order, contiguous) float32 or
 * float64 INDArray, one block of {@code n} consecutive elements at a time: block t of a
 * [T*B, C, H, W] stack is time step t. Loads and stores go through a heap {@code double[]} so that
 * the IF recurrence ({@link IfNeuron}) is one piece of code for both precisions (float32 in
 * production, float64 in the gradient check). The float path bulk-copies (memcpy) into the caller's
 * float[] and widens in a vectorisable loop. With the caller's float scratch, threads may load and
 * store disjoint blocks of one instance at once (absolute bulk gets and puts leave the buffer's
 * position alone); the short forms use the instance's own scratch, one thread at a time.
 */
final class Blocks {
    private final FloatBuffer f;
    private final DoubleBuffer d;
    private float[] tmp = new float[0];

    private Blocks(FloatBuffer f, DoubleBuffer d) { this.f = f; this.d = d; }

    /** A view of {@code a}'s data; {@code a} must own a dense C-order buffer (not a strided view). */
    static Blocks of(INDArray a) {
        if (!dense(a)) throw new IllegalArgumentException("need a dense C-order array, got a view " + a.shapeInfoToString());
        long bytes = a.length() * a.dataType().width();
        Pointer p = a.data().addressPointer();
        java.nio.ByteBuffer bb = new Pointer(p) { { address = p.address() + a.offset() * a.dataType().width(); capacity = bytes; limit = bytes; } }
                .asByteBuffer().order(ByteOrder.nativeOrder());
        if (a.dataType() == DataType.FLOAT) return new Blocks(bb.asFloatBuffer(), null);
        if (a.dataType() == DataType.DOUBLE) return new Blocks(null, bb.asDoubleBuffer());
        throw new IllegalArgumentException("float32 or float64 only, got " + a.dataType());
    }

    static boolean dense(INDArray a) {
        return a.ordering() == 'c' && a.elementWiseStride() == 1 && !a.isView();
    }

    /** dst[0..n) = elements [from, from+n), with this instance's scratch (one thread at a time). */
    void load(long from, double[] dst, int n) { load(from, dst, tmp(n), n); }

    /** elements [from, from+n) = src[0..n), with this instance's scratch (one thread at a time). */
    void store(long from, double[] src, int n) { store(from, src, tmp(n), n); }

    /** dst[0..n) = elements [from, from+n); {@code t} is float scratch of at least n (unused for float64). */
    void load(long from, double[] dst, float[] t, int n) {
        if (d != null) { d.get((int) from, dst, 0, n); return; }
        f.get((int) from, t, 0, n);
        for (int i = 0; i < n; i++) dst[i] = t[i];
    }

    /** elements [from, from+n) = src[0..n); {@code t} is float scratch of at least n (unused for float64). */
    void store(long from, double[] src, float[] t, int n) {
        if (d != null) { d.put((int) from, src, 0, n); return; }
        for (int i = 0; i < n; i++) t[i] = (float) src[i];
        f.put((int) from, t, 0, n);
    }

    /** dst[0..n) = elements [from, from+n) of a float32 array (bulk copy, no widening). */
    void loadFloats(long from, float[] dst, int n) {
        f.get((int) from, dst, 0, n);
    }

    /** elements [from, from+n) of a float32 array = src[0..n). */
    void storeFloats(long from, float[] src, int n) {
        f.put((int) from, src, 0, n);
    }

    private float[] tmp(int n) {
        if (d == null && tmp.length < n) tmp = new float[n];
        return tmp;
    }
}
