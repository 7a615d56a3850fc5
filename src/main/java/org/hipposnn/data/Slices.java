package org.hipposnn.data;

import net.imglib2.Interval;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * 2-D slices of a 3-D volume along one axis, as views or packed into one float array.
 * <p>
 * The network is a 2-D U-Net: it sees a cropped box one slice at a time. The default
 * {@link #DEFAULT_AXIS slicing axis} is ImgLib2 dim 0, which turns the 24 x 56 x 48 default box
 * into 24 slices of 56 x 48.
 * <p>
 * <b>Packed layout.</b> For slicing axis {@code a}, let {@code r0 < r1} be the two other ImgLib2
 * dims. {@link #copySlices} writes slice {@code s}, row {@code h}, column {@code w} at index
 * {@code (s * H + h) * W + w}, where {@code s} runs along dim {@code a}, {@code h} along dim
 * {@code r0} (H = its size) and {@code w} along dim {@code r1} (W = its size), each counted from
 * the volume's min. That is NCHW with C = 1 and N = the number of slices: for axis 0, H is dim 1
 * and W is dim 2; for axis 1, H is dim 0 and W is dim 2; for axis 2, H is dim 0 and W is dim 1.
 * Note that W (the fastest-varying index in the array) is the <i>higher</i> ImgLib2 dim, the
 * opposite of ImgLib2's own flat order.
 */
public final class Slices {

    /** The default slicing axis, ImgLib2 dim 0. */
    public static final int DEFAULT_AXIS = 0;

    private Slices() {
    }

    /**
     * The 2-D slice at coordinate {@code index} along {@code axis} (a view; {@code index} is an
     * absolute coordinate, so for a volume with min 0 it is the slice number). The slice keeps
     * the two remaining dims in ascending order (H then W of the packed layout).
     */
    public static <T> RandomAccessibleInterval<T> slice(RandomAccessibleInterval<T> volume, int axis, long index) {
        checkAxis(volume, axis);
        if (index < volume.min(axis) || index > volume.max(axis)) {
            throw new IllegalArgumentException("Slice index " + index + " outside [" + volume.min(axis) + ", "
                    + volume.max(axis) + "] along axis " + axis);
        }
        return Views.hyperSlice(volume, axis, index);
    }

    /** The number of slices along {@code axis}. */
    public static long count(Interval volume, int axis) {
        checkAxis(volume, axis);
        return volume.dimension(axis);
    }

    /** The packed shape {@code {N, H, W}} of {@link #copySlices} for this volume and axis. */
    public static long[] shape(Interval volume, int axis) {
        check3D(volume);
        checkAxis(volume, axis);
        int[] r = remaining(axis);
        return new long[] {volume.dimension(axis), volume.dimension(r[0]), volume.dimension(r[1])};
    }

    /** Copies all slices into a new array in the packed layout described in the class javadoc. */
    public static float[] copySlices(RandomAccessibleInterval<? extends RealType<?>> volume, int axis) {
        float[] data = new float[checkedLength(volume, axis)];
        int[] r = remaining(axis);
        long n = volume.dimension(axis), h = volume.dimension(r[0]), w = volume.dimension(r[1]);
        RandomAccess<? extends RealType<?>> ra = volume.randomAccess();
        long[] pos = new long[3];
        int i = 0;
        for (long s = 0; s < n; s++) {
            pos[axis] = volume.min(axis) + s;
            for (long y = 0; y < h; y++) {
                pos[r[0]] = volume.min(r[0]) + y;
                pos[r[1]] = volume.min(r[1]);
                ra.setPosition(pos);
                for (long x = 0; x < w; x++) {
                    if (x > 0) {
                        ra.fwd(r[1]);
                    }
                    data[i++] = ra.get().getRealFloat();
                }
            }
        }
        return data;
    }

    /**
     * The inverse of {@link #copySlices}: writes packed slices into {@code target} (values are
     * set with {@code setReal}, so integer targets round as their type does).
     *
     * @throws IllegalArgumentException if {@code data.length} does not match the target's size
     */
    public static void writeSlices(float[] data, int axis, RandomAccessibleInterval<? extends RealType<?>> target) {
        int length = checkedLength(target, axis);
        if (data.length != length) {
            throw new IllegalArgumentException("Packed slices hold " + data.length + " values, target "
                    + java.util.Arrays.toString(shape(target, axis)) + " needs " + length);
        }
        int[] r = remaining(axis);
        long n = target.dimension(axis), h = target.dimension(r[0]), w = target.dimension(r[1]);
        RandomAccess<? extends RealType<?>> ra = target.randomAccess();
        long[] pos = new long[3];
        int i = 0;
        for (long s = 0; s < n; s++) {
            pos[axis] = target.min(axis) + s;
            for (long y = 0; y < h; y++) {
                pos[r[0]] = target.min(r[0]) + y;
                pos[r[1]] = target.min(r[1]);
                ra.setPosition(pos);
                for (long x = 0; x < w; x++) {
                    if (x > 0) {
                        ra.fwd(r[1]);
                    }
                    ra.get().setReal(data[i++]);
                }
            }
        }
    }

    /** The two dims other than {@code axis}, ascending (H dim, W dim). */
    static int[] remaining(int axis) {
        return switch (axis) {
            case 0 -> new int[] {1, 2};
            case 1 -> new int[] {0, 2};
            case 2 -> new int[] {0, 1};
            default -> throw new IllegalArgumentException("Axis must be 0, 1 or 2, got " + axis);
        };
    }

    private static int checkedLength(Interval volume, int axis) {
        check3D(volume);
        checkAxis(volume, axis);
        long size = volume.dimension(0) * volume.dimension(1) * volume.dimension(2);
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("Volume too large to pack into one array: " + size + " voxels");
        }
        return (int) size;
    }

    private static void check3D(Interval volume) {
        if (volume.numDimensions() != 3) {
            throw new IllegalArgumentException("Volume must be 3-D, got " + volume.numDimensions() + " dims");
        }
    }

    private static void checkAxis(Interval volume, int axis) {
        if (axis < 0 || axis >= volume.numDimensions()) {
            throw new IllegalArgumentException("Axis " + axis + " out of range for a " + volume.numDimensions() + "-D volume");
        }
    }
}
