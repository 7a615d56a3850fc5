package org.hipposnn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.imglib2.FinalInterval;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlicesTest {

    private static Img<FloatType> coded(long... dims) {
        Img<FloatType> img = ArrayImgs.floats(dims);
        var c = img.localizingCursor();
        while (c.hasNext()) {
            c.fwd();
            c.get().set(c.getLongPosition(0) + 100 * c.getLongPosition(1) + 10000 * c.getLongPosition(2));
        }
        return img;
    }

    @Test
    void defaultBoxGives24SlicesOf56x48() {
        var box = new FinalInterval(CropBox.DEFAULT_SIZE);
        assertEquals(24, Slices.count(box, Slices.DEFAULT_AXIS));
        assertArrayEquals(new long[] {24, 56, 48}, Slices.shape(box, Slices.DEFAULT_AXIS));
        RandomAccessibleInterval<FloatType> s = Slices.slice(ArrayImgs.floats(CropBox.DEFAULT_SIZE), 0, 3);
        assertArrayEquals(new long[] {56, 48}, Intervals.dimensionsAsLongArray(s));
        assertArrayEquals(new long[] {5, 24, 48}, Slices.shape(new FinalInterval(24, 5, 48), 1));
        assertArrayEquals(new long[] {48, 24, 5}, Slices.shape(new FinalInterval(24, 5, 48), 2));
    }

    @Test
    void sliceIsView() {
        Img<FloatType> img = coded(3, 4, 5);
        var s = Slices.slice(img, 1, 2);
        var ra = s.randomAccess();
        ra.setPosition(new long[] {1, 3}); // dims 0 and 2
        assertEquals(1 + 200 + 30000, ra.get().get());
        assertThrows(IllegalArgumentException.class, () -> Slices.slice(img, 1, 4));
        assertThrows(IllegalArgumentException.class, () -> Slices.slice(img, 3, 0));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void packedLayoutIsSliceRowCol(int axis) {
        Img<FloatType> img = coded(3, 4, 5);
        float[] data = Slices.copySlices(img, axis);
        long[] shape = Slices.shape(img, axis);
        int[] r = Slices.remaining(axis);
        assertEquals(60, data.length);
        var ra = img.randomAccess();
        long[] pos = new long[3];
        for (int s = 0; s < shape[0]; s++) {
            for (int h = 0; h < shape[1]; h++) {
                for (int w = 0; w < shape[2]; w++) {
                    pos[axis] = s;
                    pos[r[0]] = h;
                    pos[r[1]] = w;
                    ra.setPosition(pos);
                    assertEquals(ra.get().get(), data[(int) ((s * shape[1] + h) * shape[2] + w)]);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void writeSlicesInvertsCopySlices(int axis) {
        // non-zero min to check offsets are relative to min
        RandomAccessibleInterval<FloatType> src = Views.translate(coded(3, 4, 5), 7, -2, 1);
        float[] data = Slices.copySlices(src, axis);
        RandomAccessibleInterval<FloatType> dst = Views.translate(ArrayImgs.floats(3, 4, 5), 7, -2, 1);
        Slices.writeSlices(data, axis, dst);
        var a = Views.flatIterable(src).cursor();
        var b = Views.flatIterable(dst).cursor();
        while (a.hasNext()) {
            assertEquals(a.next().get(), b.next().get());
        }
        assertThrows(IllegalArgumentException.class, () -> Slices.writeSlices(new float[59], axis, dst));
    }

    @Test
    void rejectsNon3D() {
        assertThrows(IllegalArgumentException.class, () -> Slices.copySlices(ArrayImgs.floats(3, 4), 0));
        assertThrows(IllegalArgumentException.class, () -> Slices.count(new FinalInterval(3, 4, 5), -1));
    }
}
