package org.hipposnn.data;

import java.util.Arrays;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.Converters;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Per-case robust intensity normalisation to [0, 1].
 * <p>
 * MR intensities have no absolute scale and differ between scanners and cases, and a few
 * outlier voxels (vessels, artefacts) would dominate a min/max scaling. This class maps the
 * {@code lowPercentile}-th percentile of a volume to 0 and the {@code highPercentile}-th to 1,
 * clipping values outside that range.
 * <p>
 * Percentiles are exact, computed on a sorted copy of the (non-NaN) voxel values with linear
 * interpolation between order statistics (the definition used by NumPy's default
 * {@code percentile}): the p-th percentile of n sorted values {@code v} is taken at rank
 * {@code p / 100 * (n - 1)}. NaN voxels are ignored when computing the range and map to 0.
 * Instances are immutable and thread-safe.
 */
public final class IntensityNormalizer {

    /** The defaults 0.5 and 99.5 percentiles. */
    public static final IntensityNormalizer DEFAULT = new IntensityNormalizer(0.5, 99.5);

    private final double lowPercentile;
    private final double highPercentile;

    /**
     * @param lowPercentile  percentile mapped to 0, in [0, 100)
     * @param highPercentile percentile mapped to 1, in (lowPercentile, 100]
     * @throws IllegalArgumentException unless {@code 0 <= lowPercentile < highPercentile <= 100}
     */
    public IntensityNormalizer(double lowPercentile, double highPercentile) {
        if (!(lowPercentile >= 0 && lowPercentile < highPercentile && highPercentile <= 100)) {
            throw new IllegalArgumentException("Percentiles must satisfy 0 <= low < high <= 100, got low="
                    + lowPercentile + ", high=" + highPercentile);
        }
        this.lowPercentile = lowPercentile;
        this.highPercentile = highPercentile;
    }

    public double lowPercentile() {
        return lowPercentile;
    }

    public double highPercentile() {
        return highPercentile;
    }

    /**
     * The two percentile values of the volume.
     *
     * @return {@code {lo, hi}} with {@code lo <= hi}; {@code {0, 0}} for a volume with no non-NaN voxel
     * @throws IllegalArgumentException if the volume has more than {@code Integer.MAX_VALUE - 8} voxels
     */
    public double[] range(RandomAccessibleInterval<? extends RealType<?>> volume) {
        double[] values = values(volume);
        if (values.length == 0) {
            return new double[] {0, 0};
        }
        Arrays.sort(values);
        return new double[] {percentile(values, lowPercentile), percentile(values, highPercentile)};
    }

    /**
     * A view of the volume mapped to [0, 1] with this normaliser's percentiles (computed once, now).
     * A constant volume maps to 0 everywhere.
     */
    public RandomAccessibleInterval<FloatType> normalize(RandomAccessibleInterval<? extends RealType<?>> volume) {
        double[] r = range(volume);
        return normalize(volume, r[0], r[1]);
    }

    /**
     * A view of the volume mapped with {@code (v - lo) / (hi - lo)} clipped to [0, 1]; when
     * {@code hi <= lo} (constant volume) every voxel maps to 0. NaN maps to 0.
     */
    public static RandomAccessibleInterval<FloatType> normalize(
            RandomAccessibleInterval<? extends RealType<?>> volume, double lo, double hi) {
        return convert(volume, lo, hi);
    }

    private static <R extends RealType<?>> RandomAccessibleInterval<FloatType> convert(
            RandomAccessibleInterval<R> volume, double lo, double hi) {
        final double width = hi - lo;
        final boolean degenerate = !(width > 0);
        return Converters.convert(volume, (in, out) -> {
            if (degenerate) {
                out.setZero();
                return;
            }
            double v = (in.getRealDouble() - lo) / width;
            out.setReal(v > 0 ? Math.min(v, 1.0) : 0.0); // also maps NaN to 0
        }, new FloatType());
    }

    /** The p-th percentile of sorted values, linear interpolation between order statistics. */
    static double percentile(double[] sorted, double p) {
        double rank = p / 100.0 * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, sorted.length - 1);
        double frac = rank - below;
        return sorted[below] + frac * (sorted[above] - sorted[below]);
    }

    private static double[] values(RandomAccessibleInterval<? extends RealType<?>> volume) {
        long n = volume.size();
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("Volume too large for exact percentiles: " + n + " voxels");
        }
        double[] values = new double[(int) n];
        int i = 0;
        for (RealType<?> t : volume) {
            double v = t.getRealDouble();
            if (!Double.isNaN(v)) {
                values[i++] = v;
            }
        }
        return i == values.length ? values : Arrays.copyOf(values, i);
    }

    @Override
    public String toString() {
        return "IntensityNormalizer[" + lowPercentile + ", " + highPercentile + "]";
    }
}
