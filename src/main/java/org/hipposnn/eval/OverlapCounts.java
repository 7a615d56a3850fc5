package org.hipposnn.eval;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.loops.LoopBuilder;
import net.imglib2.type.numeric.RealType;
import net.imglib2.util.Intervals;

/**
 * Foreground voxel counts of a prediction and its ground truth (foreground = value &gt; 0), from
 * which Dice follows. Counts add up, so per-slice and per-subject scores share one code path.
 */
public record OverlapCounts(long intersection, long predicted, long truth) {

    /** Counts over two images on the same grid; differing grids are an error, never a silent crop. */
    public static OverlapCounts of(RandomAccessibleInterval<? extends RealType<?>> prediction,
                                   RandomAccessibleInterval<? extends RealType<?>> truth) {
        if (!Intervals.equalDimensions(prediction, truth)) {
            throw new IllegalArgumentException("prediction " + dims(prediction)
                    + " and ground truth " + dims(truth) + " are not on the same grid");
        }
        long[] c = new long[3];
        LoopBuilder.setImages(prediction, truth).forEachPixel((p, t) -> {
            boolean a = p.getRealDouble() > 0;
            boolean b = t.getRealDouble() > 0;
            if (a) c[1]++;
            if (b) c[2]++;
            if (a && b) c[0]++;
        });
        return new OverlapCounts(c[0], c[1], c[2]);
    }

    /** True when either side has foreground: Dice is undefined for two empty masks. */
    public boolean defined() {
        return predicted + truth > 0;
    }

    /** Dice = 2|P∩T| / (|P| + |T|); NaN when both masks are empty (see {@link #defined()}). */
    public double dice() {
        return defined() ? 2.0 * intersection / (predicted + truth) : Double.NaN;
    }

    public OverlapCounts plus(OverlapCounts o) {
        return new OverlapCounts(intersection + o.intersection, predicted + o.predicted, truth + o.truth);
    }

    private static String dims(RandomAccessibleInterval<?> r) {
        return java.util.Arrays.toString(Intervals.dimensionsAsLongArray(r));
    }
}
