package org.hipposnn.io;

import java.nio.file.Path;
import java.util.Arrays;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.Converter;
import net.imglib2.converter.Converters;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.DoubleType;

/**
 * One 3-D image in memory: where it came from, its geometry (the NIfTI header) and its stored
 * values.
 *
 * <p>The stored values are kept in their file type so that writing them back is exact; what the
 * values mean (after {@code scl_slope}/{@code scl_inter}) is {@link #values()}. Immutable apart
 * from the pixels of {@link #raw()}: the header is copied in and out.
 */
public final class Volume {

    private final Path source;
    private final NiftiHeader header;
    private final Img<? extends RealType<?>> raw;

    /**
     * @param source the file it was read from, or null
     * @param header its geometry; dim[1..3] must equal the size of {@code raw}
     * @param raw the stored values, 3-D x, y, z
     */
    public Volume(Path source, NiftiHeader header, Img<? extends RealType<?>> raw) {
        if (header == null || raw == null) throw new NullPointerException("header and raw are required");
        if (raw.numDimensions() != 3) {
            throw new IllegalArgumentException("a Volume is 3-D, got " + raw.numDimensions() + " dimensions");
        }
        long[] size = raw.dimensionsAsLongArray();
        int[] h = header.dimensions();
        if (size[0] != h[0] || size[1] != h[1] || size[2] != h[2]) {
            throw new IllegalArgumentException("header says " + header.dimensionsText()
                    + " but the image is " + size[0] + "x" + size[1] + "x" + size[2]);
        }
        this.source = source;
        this.header = header.copy();
        this.raw = raw;
    }

    /** The file it was read from, or null. */
    public Path source() {
        return source;
    }

    /** A copy of its header. */
    public NiftiHeader header() {
        return header.copy();
    }

    /** The stored values, 3-D x, y, z, of the type its header's datatype says. */
    public Img<? extends RealType<?>> raw() {
        return raw;
    }

    /**
     * The values as meant: {@code raw * scl_slope + scl_inter} when scl_slope is non-zero and
     * finite, otherwise the raw values (the NIfTI-1 rule). A lazy view; nothing is copied.
     */
    public RandomAccessibleInterval<DoubleType> values() {
        double slope = header.sclSlope();
        double inter = header.sclInter();
        boolean scaled = slope != 0 && Double.isFinite(slope);
        if (scaled && !Double.isFinite(inter)) inter = 0;
        return scaled ? view(raw, slope, inter) : view(raw, 1, 0);
    }

    private static <T extends RealType<?>> RandomAccessibleInterval<DoubleType> view(
            RandomAccessibleInterval<T> img, double slope, double inter) {
        Converter<T, DoubleType> c = slope == 1 && inter == 0
                ? (in, out) -> out.set(in.getRealDouble())
                : (in, out) -> out.set(in.getRealDouble() * slope + inter);
        return Converters.convert(img, c, new DoubleType());
    }

    /** |pixdim[1..3]|. */
    public double[] voxelSize() {
        return header.voxelSize();
    }

    /** Size along x, y, z. */
    public long[] dimensions() {
        return raw.dimensionsAsLongArray();
    }

    /** The file name, or "(unsaved)". */
    public String name() {
        return NiftiFormatException.label(source);
    }

    @Override
    public String toString() {
        return name() + " " + Arrays.toString(dimensions());
    }
}
