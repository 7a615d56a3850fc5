package org.hipposnn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.imglib2.FinalInterval;
import net.imglib2.Interval;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

class CropBoxTest {

    private static final long[] DIMS = {10, 12, 9};

    /** A volume whose voxel values encode their position (never 0). */
    private static Img<FloatType> coded() {
        Img<FloatType> img = ArrayImgs.floats(DIMS);
        var c = img.localizingCursor();
        while (c.hasNext()) {
            c.fwd();
            c.get().set(1 + c.getLongPosition(0) + 100 * c.getLongPosition(1) + 10000 * c.getLongPosition(2));
        }
        return img;
    }

    static Stream<CropBox> boxes() {
        return Stream.of(
                CropBox.at(new long[] {2, 3, 1}, new long[] {4, 5, 6}),      // inside
                CropBox.at(new long[] {-2, 8, 5}, new long[] {5, 6, 7}),     // over the edges
                CropBox.centred(new FinalInterval(DIMS), new long[] {14, 17, 20}), // larger than volume
                CropBox.at(new long[] {20, 20, 20}, new long[] {3, 3, 3}),   // entirely outside
                CropBox.centred(new FinalInterval(DIMS), CropBox.DEFAULT_SIZE));
    }

    @ParameterizedTest
    @MethodSource("boxes")
    void cropThenPasteBackRoundTrip(CropBox box) {
        Img<FloatType> vol = coded();
        RandomAccessibleInterval<FloatType> crop = box.crop(vol);
        assertArrayEquals(box.size(), Intervals.dimensionsAsLongArray(crop));
        assertArrayEquals(new long[3], Intervals.minAsLongArray(crop));

        // crop: source inside the volume, zero outside
        Interval bi = box.interval();
        RandomAccess<FloatType> vra = vol.randomAccess();
        long[] o = box.origin();
        for (var c = Views.flatIterable(crop).localizingCursor(); c.hasNext(); ) {
            c.fwd();
            long[] p = c.positionAsLongArray();
            long[] q = {p[0] + o[0], p[1] + o[1], p[2] + o[2]};
            float expected = 0;
            if (Intervals.contains(vol, new net.imglib2.Point(q))) {
                vra.setPosition(q);
                expected = vra.get().get();
            }
            assertEquals(expected, c.get().get());
        }

        Img<FloatType> back = box.pasteBack(crop, vol, new FloatType());
        assertArrayEquals(DIMS, Intervals.dimensionsAsLongArray(back));
        RandomAccess<FloatType> bra = back.randomAccess();
        for (var c = vol.localizingCursor(); c.hasNext(); ) {
            c.fwd();
            bra.setPosition(c);
            float expected = Intervals.contains(bi, c) ? c.get().get() : 0f;
            assertEquals(expected, bra.get().get(), "at " + java.util.Arrays.toString(c.positionAsLongArray()));
        }
    }

    @Test
    void pasteIntoLeavesOutsideUntouched() {
        Img<FloatType> target = ArrayImgs.floats(DIMS);
        for (FloatType t : target) {
            t.set(-1);
        }
        CropBox box = CropBox.at(new long[] {8, -1, 0}, new long[] {4, 3, 2});
        Img<FloatType> pred = ArrayImgs.floats(4, 3, 2);
        for (FloatType t : pred) {
            t.set(5);
        }
        box.pasteInto(pred, target);
        long fives = 0, minus = 0;
        for (FloatType t : target) {
            if (t.get() == 5) fives++;
            else if (t.get() == -1) minus++;
        }
        // inside part: x 8..9, y 0..1, z 0..1
        assertEquals(2 * 2 * 2, fives);
        assertEquals(Intervals.numElements(DIMS) - 8, minus);
    }

    @Test
    void pasteBackOnGridWithNonZeroMin() {
        Interval grid = new FinalInterval(new long[] {5, 5, 5}, new long[] {9, 9, 9});
        CropBox box = CropBox.at(new long[] {4, 6, 7}, new long[] {2, 2, 2});
        Img<FloatType> pred = ArrayImgs.floats(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, 2, 2, 2);
        Img<FloatType> back = box.pasteBack(pred, grid, new FloatType());
        var ra = back.randomAccess();
        ra.setPosition(new long[] {0, 1, 2}); // grid (5,6,7) = box (1,0,0)
        assertEquals(2f, ra.get().get());
        ra.setPosition(new long[] {0, 2, 3}); // grid (5,7,8) = box (1,1,1)
        assertEquals(8f, ra.get().get());
        double sum = 0;
        for (FloatType t : back) sum += t.get();
        assertEquals(2 + 4 + 6 + 8, sum);
    }

    @Test
    void centredPicksFloor() {
        Interval vol = new FinalInterval(36, 50, 37);
        CropBox box = CropBox.centred(vol, CropBox.DEFAULT_SIZE);
        // (36-24)/2 = 6; floor((50-56)/2) = -3; floor((37-48)/2) = floor(-5.5) = -6
        assertArrayEquals(new long[] {6, -3, -6}, box.origin());
        assertArrayEquals(new long[] {29, 52, 41}, Intervals.maxAsLongArray(box.interval()));
        CropBox odd = CropBox.centred(vol, new long[] {23, 50, 36});
        // floor(13/2) = 6, 0, floor(1/2) = 0
        assertArrayEquals(new long[] {6, 0, 0}, odd.origin());
    }

    @Test
    void aroundUsesHalfSize() {
        CropBox box = CropBox.around(new long[] {18, 25, 18}, new long[] {24, 56, 47});
        assertArrayEquals(new long[] {6, -3, -5}, box.origin());
        assertEquals(box, CropBox.at(new long[] {6, -3, -5}, new long[] {24, 56, 47}));
    }

    @Test
    void immutable() {
        long[] o = {1, 2, 3};
        long[] s = {4, 5, 6};
        CropBox box = CropBox.at(o, s);
        o[0] = 99;
        s[0] = 99;
        box.origin()[1] = 99;
        box.size()[1] = 99;
        assertArrayEquals(new long[] {1, 2, 3}, box.origin());
        assertArrayEquals(new long[] {4, 5, 6}, box.size());
    }

    @Test
    void validates() {
        assertThrows(IllegalArgumentException.class, () -> CropBox.at(new long[] {0, 0, 0}, new long[] {1, 0, 1}));
        assertThrows(IllegalArgumentException.class, () -> CropBox.at(new long[] {0, 0}, new long[] {1, 1, 1}));
        assertThrows(IllegalArgumentException.class, () -> CropBox.at(new long[] {0, 0, 0}, new long[] {1, 1}));
        assertThrows(IllegalArgumentException.class, () -> CropBox.centred(new FinalInterval(4, 4), new long[] {1, 1, 1}));
        CropBox box = CropBox.at(new long[] {0, 0, 0}, new long[] {2, 2, 2});
        assertThrows(IllegalArgumentException.class, () -> box.crop(ArrayImgs.floats(4, 4)));
        assertThrows(IllegalArgumentException.class,
                () -> box.pasteBack(ArrayImgs.floats(2, 2, 3), new FinalInterval(4, 4, 4), new FloatType()));
    }
}
