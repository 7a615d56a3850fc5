package org.hipposnn.data;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import net.imglib2.loops.LoopBuilder;
import org.hipposnn.io.NiftiReader;
import org.hipposnn.io.Volume;
import org.junit.jupiter.api.Test;

class PreprocessingTest {

    @Test
    void labelsGoThroughSlicesAndBackOntoTheGridUnchanged() throws Exception {
        Preprocessing p = Preprocessing.defaults();
        Volume labels = NiftiReader.read(Path.of("test-data/labelsTr/phantom_002.nii.gz"));
        float[] slices = p.labelSlices(labels);
        assertArrayEquals(new int[] {24, 56, 48}, p.sliceShape());
        assertEquals(24 * 56 * 48, slices.length);
        var back = p.labelsOnGrid(slices, labels, 0.5);
        long[] diff = {0};
        LoopBuilder.setImages(back, LabelMapping.BINARY.apply(labels.values()))
                .forEachPixel((a, b) -> { if (a.get() != b.get()) diff[0]++; });
        assertEquals(0, diff[0], "the phantom's labels lie inside the default box, so nothing may change");
    }

    @Test
    void imageSlicesAreNormalisedToTheUnitInterval() throws Exception {
        float[] x = Preprocessing.defaults().imageSlices(NiftiReader.read(Path.of("test-data/imagesTr/phantom_000.nii.gz")));
        float min = Float.MAX_VALUE, max = -Float.MAX_VALUE;
        for (float v : x) { min = Math.min(min, v); max = Math.max(max, v); }
        assertEquals(0f, min);
        assertEquals(1f, max);
    }

    @Test
    void settingsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new Preprocessing(new long[] {24, 56}, 0, 0.5, 99.5, LabelMapping.BINARY));
        assertThrows(IllegalArgumentException.class, () -> new Preprocessing(new long[] {24, 56, 48}, 3, 0.5, 99.5, LabelMapping.BINARY));
        assertThrows(IllegalArgumentException.class, () -> new Preprocessing(new long[] {24, 56, 48}, 0, 99.5, 0.5, LabelMapping.BINARY));
        assertEquals(Preprocessing.defaults(), Preprocessing.defaults());
    }
}
