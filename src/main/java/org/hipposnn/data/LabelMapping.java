package org.hipposnn.data;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.Converters;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.loops.LoopBuilder;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.util.Intervals;

/**
 * How reference label values become training classes.
 * <p>
 * The MSD hippocampus labels are 0 (background), 1 (anterior) and 2 (posterior). The paper's
 * task is binary (hippocampus versus background), so {@link #BINARY}, the default, merges
 * every positive label into 1; {@link #KEEP_CLASSES} keeps the label values as they are.
 * {@link #apply} is a cheap view that does not check its input; call {@link #validate} (or use
 * {@link #copy}, which does) once per file so that malformed label files fail with a clear
 * message naming the file.
 */
public enum LabelMapping {

    /** Any value greater than 0 becomes 1 (hippocampus), everything else 0. */
    BINARY {
        @Override
        int map(double v) {
            return v > 0 ? 1 : 0;
        }

        @Override
        public int classes() {
            return 2;
        }
    },

    /** Values kept as integers (0, 1, 2 for the MSD labels). */
    KEEP_CLASSES {
        @Override
        int map(double v) {
            if (!(v > 0)) {
                return 0;
            }
            return (int) Math.min(Math.round(v), MAX_LABEL);
        }

        @Override
        public int classes() {
            return 3;
        }
    };

    /** The mapping used by the paper. */
    public static final LabelMapping DEFAULT = BINARY;

    /** The largest label value accepted (it must fit in an unsigned byte). */
    public static final int MAX_LABEL = 255;

    abstract int map(double v);

    /**
     * The number of classes including background: 2 for {@link #BINARY}, 3 for
     * {@link #KEEP_CLASSES} (the MSD labels 0, 1, 2).
     */
    public abstract int classes();

    /**
     * A converted view of the labels. Does not validate: a view cannot report a bad voxel
     * usefully, so non-integers are rounded and values outside [0, 255] clamped (see {@link #validate}).
     */
    public RandomAccessibleInterval<UnsignedByteType> apply(RandomAccessibleInterval<? extends RealType<?>> labels) {
        return convert(labels, this);
    }

    /** Validates the labels (see {@link #validate}) and copies the mapped values into a new image. */
    public Img<UnsignedByteType> copy(RandomAccessibleInterval<? extends RealType<?>> labels, String name) {
        validate(labels, name);
        Img<UnsignedByteType> out = ArrayImgs.unsignedBytes(Intervals.dimensionsAsLongArray(labels));
        LoopBuilder.setImages(net.imglib2.view.Views.zeroMin(apply(labels)), out)
                .forEachPixel((s, t) -> t.set(s));
        return out;
    }

    /**
     * Checks that every label is an integer in [0, {@value #MAX_LABEL}].
     *
     * @param name the file (or case) name used in the error message
     * @throws IllegalArgumentException at the first bad voxel, naming {@code name}, the position and the value
     */
    public static void validate(RandomAccessibleInterval<? extends RealType<?>> labels, String name) {
        Cursor<? extends RealType<?>> c = labels.localizingCursor();
        while (c.hasNext()) {
            double v = c.next().getRealDouble();
            if (!(v >= 0 && v <= MAX_LABEL && v == Math.rint(v))) {
                String why = v < 0 ? "negative" : v > MAX_LABEL ? "above " + MAX_LABEL : "not an integer";
                throw new IllegalArgumentException("Label image '" + name + "' has a value that is " + why + ": "
                        + v + " at " + java.util.Arrays.toString(c.positionAsLongArray()));
            }
        }
    }

    private static <R extends RealType<?>> RandomAccessibleInterval<UnsignedByteType> convert(
            RandomAccessibleInterval<R> labels, LabelMapping mapping) {
        return Converters.convert(labels, (in, out) -> out.set(mapping.map(in.getRealDouble())), new UnsignedByteType());
    }
}
