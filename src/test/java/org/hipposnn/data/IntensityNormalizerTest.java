package org.hipposnn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.real.FloatType;
import org.junit.jupiter.api.Test;

class IntensityNormalizerTest {

    /** Values 0..100 in a 101 x 1 x 1 volume, shuffled order. */
    private static ArrayImg<ShortType, ShortArray> ramp() {
        short[] v = new short[101];
        for (int i = 0; i < v.length; i++) {
            v[i] = (short) ((i * 37) % 101); // a permutation of 0..100
        }
        return ArrayImgs.shorts(v, 101, 1, 1);
    }

    @Test
    void percentilesOfHandMadeVolume() {
        var img = ramp();
        assertArrayEquals(new double[] {10, 90}, new IntensityNormalizer(10, 90).range(img), 1e-12);
        assertArrayEquals(new double[] {0, 100}, new IntensityNormalizer(0, 100).range(img), 1e-12);
        // rank 0.5 * 100 / 100 = 0.5 -> interpolation between 0 and 1
        assertArrayEquals(new double[] {0.5, 99.5}, IntensityNormalizer.DEFAULT.range(img), 1e-12);
    }

    @Test
    void interpolatesBetweenOrderStatistics() {
        var img = ArrayImgs.floats(new float[] {4, 1, 3, 2}, 2, 2, 1);
        // ranks 0.25 * 3 = 0.75 -> 1.75; 0.75 * 3 = 2.25 -> 3.25
        assertArrayEquals(new double[] {1.75, 3.25}, new IntensityNormalizer(25, 75).range(img), 1e-12);
    }

    @Test
    void normalizeIsClippedView() {
        var img = ramp();
        RandomAccessibleInterval<FloatType> n = new IntensityNormalizer(10, 90).normalize(img);
        RandomAccess<FloatType> ra = n.randomAccess();
        var src = img.randomAccess();
        for (int x = 0; x < 101; x++) {
            ra.setPosition(new long[] {x, 0, 0});
            src.setPosition(new long[] {x, 0, 0});
            double v = src.get().getRealDouble();
            double expected = Math.max(0, Math.min(1, (v - 10) / 80));
            assertEquals(expected, ra.get().getRealDouble(), 1e-6, "at value " + v);
        }
        // it is a view: changing the source changes the result
        src.setPosition(new long[] {0, 0, 0});
        src.get().set((short) 50);
        ra.setPosition(new long[] {0, 0, 0});
        assertEquals(0.5, ra.get().getRealDouble(), 1e-6);
    }

    @Test
    void constantVolumeMapsToZero() {
        var img = ArrayImgs.floats(new float[] {7, 7, 7, 7, 7, 7, 7, 7}, 2, 2, 2);
        assertArrayEquals(new double[] {7, 7}, IntensityNormalizer.DEFAULT.range(img), 0);
        for (FloatType t : IntensityNormalizer.DEFAULT.normalize(img)) {
            assertEquals(0f, t.get());
        }
    }

    @Test
    void nanIsIgnoredAndMapsToZero() {
        var img = ArrayImgs.floats(new float[] {Float.NaN, 0, 10, 20}, 4, 1, 1);
        assertArrayEquals(new double[] {0, 20}, new IntensityNormalizer(0, 100).range(img), 0);
        var ra = new IntensityNormalizer(0, 100).normalize(img).randomAccess();
        ra.setPosition(new long[] {0, 0, 0});
        assertEquals(0f, ra.get().get());
    }

    @Test
    void rejectsBadPercentiles() {
        assertThrows(IllegalArgumentException.class, () -> new IntensityNormalizer(-1, 50));
        assertThrows(IllegalArgumentException.class, () -> new IntensityNormalizer(50, 50));
        assertThrows(IllegalArgumentException.class, () -> new IntensityNormalizer(60, 50));
        assertThrows(IllegalArgumentException.class, () -> new IntensityNormalizer(0, 100.5));
        assertThrows(IllegalArgumentException.class, () -> new IntensityNormalizer(Double.NaN, 50));
    }
}
