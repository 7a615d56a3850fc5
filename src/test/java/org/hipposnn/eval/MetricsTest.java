package org.hipposnn.eval;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.view.Views;
import org.junit.jupiter.api.Test;

/** Pins the metrics on hand-made volumes whose answers are known by counting. */
class MetricsTest {

    private static Img<UnsignedByteType> volume(int... ones) {
        Img<UnsignedByteType> img = ArrayImgs.unsignedBytes(4, 3, 2);
        var ra = img.randomAccess();
        for (int i : ones) { // linear index, x fastest
            ra.setPosition(new long[] {i % 4, (i / 4) % 3, i / 12});
            ra.get().set(1);
        }
        return img;
    }

    @Test
    void identicalMasksScoreOne() {
        assertEquals(1.0, OverlapCounts.of(volume(0, 5, 13), volume(0, 5, 13)).dice());
    }

    @Test
    void disjointMasksScoreZero() {
        assertEquals(0.0, OverlapCounts.of(volume(0, 1), volume(2, 3)).dice());
    }

    @Test
    void halfOverlap() {
        // |P| = 2, |T| = 2, |P∩T| = 1 -> 2·1 / 4
        assertEquals(0.5, OverlapCounts.of(volume(0, 1), volume(1, 2)).dice(), 1e-12);
        // |P| = 4, |T| = 2, both of T inside P -> 4/6
        assertEquals(4.0 / 6, OverlapCounts.of(volume(0, 1, 2, 3), volume(1, 2)).dice(), 1e-12);
    }

    @Test
    void emptyAgainstEmptyIsUndefinedAndEmptyAgainstSomethingIsZero() {
        OverlapCounts both = OverlapCounts.of(volume(), volume());
        assertFalse(both.defined());
        assertTrue(Double.isNaN(both.dice()));
        assertEquals(0.0, OverlapCounts.of(volume(), volume(3)).dice());
    }

    @Test
    void labelValuesAboveZeroAllCountAsForeground() {
        Img<UnsignedByteType> twoClasses = volume(0, 5);
        twoClasses.randomAccess().setPositionAndGet(0, 0, 0).set(2);
        assertEquals(1.0, OverlapCounts.of(twoClasses, volume(0, 5)).dice());
    }

    @Test
    void differentGridsAreRejected() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> OverlapCounts.of(ArrayImgs.unsignedBytes(4, 3, 2), ArrayImgs.unsignedBytes(4, 3, 3)));
        assertTrue(e.getMessage().contains("same grid"), e.getMessage());
    }

    @Test
    void sliceDiceExcludesSlicesEmptyOnBothSides() {
        // slices along axis 2: slice 0 holds P={0,1}, T={1}; slice 1 empty on both sides
        SliceDice.Result r = SliceDice.compute(volume(0, 1), volume(1), 2);
        assertEquals(List.of(2.0 / 3), r.scores());
        assertEquals(1, r.excluded());
        // along axis 0 (x): x=0 has P and not T -> 0; x=1 has both -> 1; x=2,3 empty -> excluded
        SliceDice.Result r0 = SliceDice.compute(volume(0, 1), volume(1), 0);
        assertEquals(List.of(0.0, 1.0), r0.scores());
        assertEquals(2, r0.excluded());
    }

    @Test
    void volumeUsesVoxelSize() {
        assertEquals(3 * 0.5 * 2 * 1.5, HippocampalVolume.mm3(volume(0, 5, 13), new double[] {0.5, 2, 1.5}), 1e-12);
        assertEquals(0, HippocampalVolume.mm3(volume(), new double[] {1, 1, 1}));
    }

    @Test
    void sliceOfAViewKeepsItsOwnCoordinates() {
        var shifted = Views.translate(volume(0, 1), 10, 20, 30);
        SliceDice.Result r = SliceDice.compute(shifted, Views.translate(volume(1), 10, 20, 30), 2);
        assertEquals(List.of(2.0 / 3), r.scores());
    }

    @Test
    void summaryIsMeanAndSampleStd() {
        Summary s = Summary.of(List.of(0.8, 0.9, 1.0));
        assertEquals(0.9, s.mean(), 1e-12);
        assertEquals(0.1, s.std(), 1e-12);
        assertEquals(3, s.n());
    }
}
