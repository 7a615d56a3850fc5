package org.hipposnn.data;

import java.util.Arrays;

import net.imglib2.FinalInterval;
import net.imglib2.Interval;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.loops.LoopBuilder;
import net.imglib2.type.NativeType;
import net.imglib2.type.Type;
import net.imglib2.type.numeric.NumericType;
import net.imglib2.util.Intervals;
import net.imglib2.util.Util;
import net.imglib2.view.Views;

/**
 * The fixed-size 3-D box the network sees, cut out of a volume, and the way back.
 * <p>
 * The paper crops every case to a 24 x 56 x 48 voxel box so that all inputs share one shape;
 * the box may extend outside the volume, in which case the crop is zero-padded, and on the way
 * back the parts of a prediction that lie outside the volume are dropped. Instances are
 * immutable: the origin (the box's minimum corner, in volume coordinates) and size arrays are
 * copied in and out.
 */
public final class CropBox {

    /** The paper's box size, {24, 56, 48} (ImgLib2 dims 0, 1, 2). Do not modify; see {@link #defaultSize()}. */
    public static final long[] DEFAULT_SIZE = {24, 56, 48};

    private final long[] origin;
    private final long[] size;

    private CropBox(long[] origin, long[] size) {
        this.origin = origin;
        this.size = size;
    }

    /** A fresh copy of {@link #DEFAULT_SIZE}. */
    public static long[] defaultSize() {
        return new long[] {24, 56, 48};
    }

    /**
     * A box whose minimum corner is {@code origin}.
     *
     * @throws IllegalArgumentException if the arrays are not 3-D or a size is not positive
     */
    public static CropBox at(long[] origin, long[] size) {
        long[] s = checkSize(size);
        long[] o = check3D(origin, "origin");
        return new CropBox(o, s);
    }

    /**
     * A box centred on a voxel: along each dim its origin is {@code centre - floor(size / 2)}, so
     * for an even size the centre voxel is the first of the upper half.
     */
    public static CropBox around(long[] centre, long[] size) {
        long[] s = checkSize(size);
        long[] c = check3D(centre, "centre");
        long[] o = new long[3];
        for (int d = 0; d < 3; d++) {
            o[d] = c[d] - s[d] / 2;
        }
        return new CropBox(o, s);
    }

    /**
     * A box centred on the volume: along each dim its origin is
     * {@code min + floor((dimension - size) / 2)} (floor towards minus infinity). When the
     * difference is odd the box therefore sits one voxel nearer the volume's minimum: a smaller
     * box leaves the extra voxel after it, a larger box puts the extra padding voxel before the
     * volume.
     *
     * @throws IllegalArgumentException if the volume is not 3-D or the size is invalid
     */
    public static CropBox centred(Interval volume, long[] size) {
        long[] s = checkSize(size);
        if (volume.numDimensions() != 3) {
            throw new IllegalArgumentException("Volume must be 3-D, got " + volume.numDimensions() + " dims");
        }
        long[] o = new long[3];
        for (int d = 0; d < 3; d++) {
            o[d] = volume.min(d) + Math.floorDiv(volume.dimension(d) - s[d], 2L);
        }
        return new CropBox(o, s);
    }

    /** The box's minimum corner in volume coordinates (a copy). */
    public long[] origin() {
        return origin.clone();
    }

    /** The box's size (a copy). */
    public long[] size() {
        return size.clone();
    }

    /** The box in volume coordinates; it may extend outside the volume. */
    public Interval interval() {
        long[] max = new long[3];
        for (int d = 0; d < 3; d++) {
            max[d] = origin[d] + size[d] - 1;
        }
        return new FinalInterval(origin.clone(), max);
    }

    /**
     * A view of the box's content with min at 0, zero outside the volume.
     *
     * @throws IllegalArgumentException if the volume is not 3-D
     */
    public <T extends NumericType<T>> RandomAccessibleInterval<T> crop(RandomAccessibleInterval<T> volume) {
        requireDims(volume, "volume");
        return Views.zeroMin(Views.interval(Views.extendZero(volume), interval()));
    }

    /**
     * Writes a box-sized prediction into {@code target} (a volume on the original grid), at the
     * box's place. Only the part of the box that lies inside {@code target} is written; the rest of
     * {@code target} is left as it is.
     *
     * @param prediction box-sized (its min is ignored: treated as starting at 0)
     * @throws IllegalArgumentException if the prediction is not box-sized or target is not 3-D
     */
    public <T extends Type<T>> void pasteInto(RandomAccessibleInterval<T> prediction, RandomAccessibleInterval<T> target) {
        requireBoxSized(prediction);
        requireDims(target, "target");
        Interval inside = Intervals.intersect(interval(), target);
        if (Intervals.isEmpty(inside)) {
            return;
        }
        RandomAccessibleInterval<T> src = Views.interval(Views.translate(Views.zeroMin(prediction), origin), inside);
        RandomAccessibleInterval<T> dst = Views.interval(target, inside);
        LoopBuilder.setImages(src, dst).forEachPixel((s, t) -> t.set(s));
    }

    /**
     * A new image on the original grid holding the prediction at the box's place and zero
     * elsewhere. The returned {@link Img} has min 0: it is {@code originalGrid} translated by
     * {@code -originalGrid.min()} (the same grid when that min is 0, as for loaded files).
     *
     * @param type a type instance used to create the image (its value is ignored)
     */
    public <T extends NativeType<T> & NumericType<T>> Img<T> pasteBack(
            RandomAccessibleInterval<T> prediction, Interval originalGrid, T type) {
        requireBoxSized(prediction);
        requireDims(originalGrid, "originalGrid");
        T t = type.createVariable();
        Img<T> out = Util.getArrayOrCellImgFactory(originalGrid, t).create(originalGrid);
        // a new native image is zero-initialised
        pasteInto(prediction, Views.translate(out, Intervals.minAsLongArray(originalGrid)));
        return out;
    }

    private void requireBoxSized(Interval prediction) {
        requireDims(prediction, "prediction");
        long[] dims = Intervals.dimensionsAsLongArray(prediction);
        if (!Arrays.equals(dims, size)) {
            throw new IllegalArgumentException("Prediction must be box-sized " + Arrays.toString(size)
                    + ", got " + Arrays.toString(dims));
        }
    }

    private static void requireDims(Interval interval, String name) {
        if (interval.numDimensions() != 3) {
            throw new IllegalArgumentException(name + " must be 3-D like the crop box, got "
                    + interval.numDimensions() + " dims");
        }
    }

    private static long[] checkSize(long[] size) {
        long[] s = check3D(size, "size");
        for (int d = 0; d < 3; d++) {
            if (s[d] <= 0) {
                throw new IllegalArgumentException("Crop box size must be positive in every dim, got " + Arrays.toString(s));
            }
        }
        return s;
    }

    private static long[] check3D(long[] a, String name) {
        if (a == null) {
            throw new IllegalArgumentException("Crop box " + name + " must not be null");
        }
        if (a.length != 3) {
            throw new IllegalArgumentException("Crop box " + name + " must be 3-D, got " + a.length + " values: " + Arrays.toString(a));
        }
        return a.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CropBox b && Arrays.equals(origin, b.origin) && Arrays.equals(size, b.size);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(origin) + Arrays.hashCode(size);
    }

    @Override
    public String toString() {
        return "CropBox[origin=" + Arrays.toString(origin) + ", size=" + Arrays.toString(size) + "]";
    }
}
