package org.hipposnn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;
import org.junit.jupiter.api.Test;

/** The data path a training/inference run takes, with a perfect "network" (the labels themselves). */
class PipelineRoundTripTest {

    @Test
    void phantomThroughCropSlicesAndBackKeepsEveryLabel() {
        var phantom = new PhantomGenerator(9).generate(1);
        CropBox box = CropBox.centred(phantom.image(), CropBox.DEFAULT_SIZE);

        RandomAccessibleInterval<FloatType> input = IntensityNormalizer.DEFAULT.normalize(box.crop(phantom.image()));
        float[] x = Slices.copySlices(input, Slices.DEFAULT_AXIS);
        assertArrayEquals(new long[] {24, 56, 48}, Slices.shape(input, Slices.DEFAULT_AXIS));
        assertEquals(24 * 56 * 48, x.length);
        for (float v : x) {
            assertTrue(v >= 0 && v <= 1);
        }

        LabelMapping.validate(phantom.labels(), phantom.id());
        RandomAccessibleInterval<UnsignedByteType> target = LabelMapping.BINARY.apply(box.crop(phantom.labels()));
        float[] y = Slices.copySlices(target, Slices.DEFAULT_AXIS);

        // "predict" the target, unpack, paste back onto the original grid
        Img<UnsignedByteType> predicted = ArrayImgs.unsignedBytes(box.size());
        Slices.writeSlices(y, Slices.DEFAULT_AXIS, predicted);
        Img<UnsignedByteType> back = box.pasteBack(predicted, phantom.labels(), new UnsignedByteType());
        assertArrayEquals(Intervals.dimensionsAsLongArray(phantom.labels()), Intervals.dimensionsAsLongArray(back));

        var expected = Views.flatIterable(LabelMapping.BINARY.apply(phantom.labels())).cursor();
        var actual = Views.flatIterable(back).cursor();
        long foreground = 0;
        while (expected.hasNext()) {
            int e = expected.next().get();
            assertEquals(e, actual.next().get());
            foreground += e;
        }
        assertTrue(foreground > 0);
    }

    @Test
    void phantomOnLargerGridStillLabelled() {
        var p = new PhantomGenerator(3).generate(0, new long[] {48, 64, 48});
        long fg = Views.flatIterable(p.labels()).stream().filter(t -> t.get() > 0).count();
        assertTrue(fg > 300, "foreground voxels: " + fg);
    }
}
