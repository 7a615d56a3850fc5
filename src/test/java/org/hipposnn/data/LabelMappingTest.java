package org.hipposnn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.view.Views;
import org.junit.jupiter.api.Test;

class LabelMappingTest {

    private static int[] values(RandomAccessibleInterval<UnsignedByteType> img) {
        return Views.flatIterable(img).stream().mapToInt(UnsignedByteType::get).toArray();
    }

    @Test
    void binaryMergesPositiveLabels() {
        var labels = ArrayImgs.floats(new float[] {0, 1, 2, 0, 2, 1}, 3, 2, 1);
        assertArrayEquals(new int[] {0, 1, 1, 0, 1, 1}, values(LabelMapping.BINARY.apply(labels)));
        assertEquals(LabelMapping.BINARY, LabelMapping.DEFAULT);
        assertEquals(2, LabelMapping.BINARY.classes());
    }

    @Test
    void keepClassesKeepsValues() {
        var labels = ArrayImgs.unsignedShorts(new short[] {0, 1, 2, 0, 2, 1}, 3, 2, 1);
        assertArrayEquals(new int[] {0, 1, 2, 0, 2, 1}, values(LabelMapping.KEEP_CLASSES.apply(labels)));
        assertArrayEquals(new int[] {0, 1, 2, 0, 2, 1}, values(LabelMapping.KEEP_CLASSES.copy(labels, "x.nii.gz")));
        assertEquals(3, LabelMapping.KEEP_CLASSES.classes());
    }

    @Test
    void applyIsView() {
        var labels = ArrayImgs.bytes(new byte[] {0, 0}, 2, 1, 1);
        var mapped = LabelMapping.BINARY.apply(labels);
        labels.firstElement().set((byte) 2);
        assertArrayEquals(new int[] {1, 0}, values(mapped));
    }

    @Test
    void validateRejectsNonIntegerAndNegativeNamingTheFile() {
        var frac = ArrayImgs.floats(new float[] {0, 1.5f}, 2, 1, 1);
        var e = assertThrows(IllegalArgumentException.class, () -> LabelMapping.validate(frac, "hippocampus_001.nii.gz"));
        assertTrue(e.getMessage().contains("hippocampus_001.nii.gz"), e.getMessage());
        assertTrue(e.getMessage().contains("not an integer"), e.getMessage());
        assertTrue(e.getMessage().contains("[1, 0, 0]"), e.getMessage());
        var neg = ArrayImgs.floats(new float[] {-1, 1}, 2, 1, 1);
        e = assertThrows(IllegalArgumentException.class, () -> LabelMapping.BINARY.copy(neg, "bad.nii"));
        assertTrue(e.getMessage().contains("negative") && e.getMessage().contains("bad.nii"), e.getMessage());
        var nan = ArrayImgs.floats(new float[] {Float.NaN}, 1, 1, 1);
        assertThrows(IllegalArgumentException.class, () -> LabelMapping.validate(nan, "nan"));
        assertDoesNotThrow(() -> LabelMapping.validate(ArrayImgs.floats(new float[] {0, 1, 2}, 3, 1, 1), "ok"));
    }
}
