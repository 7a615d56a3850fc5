package org.hipposnn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ShortProcessor;
import net.imglib2.Cursor;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;
import org.junit.jupiter.api.Test;

/** ImagePlus and ImgLib2 images convert both ways keeping values, order and calibration. */
class ImagePlusBridgeTest {

    private static Img<FloatType> ramp(long... dims) {
        Img<FloatType> img = ArrayImgs.floats(dims);
        Cursor<FloatType> c = Views.flatIterable(img).cursor();
        float v = -3.5f;
        while (c.hasNext()) c.next().set(v += 1.25f);
        return img;
    }

    @Test
    void floatRoundTripKeepsValuesAndCalibration() {
        Img<FloatType> img = ramp(4, 3, 5);
        ImagePlus imp = ImagePlusBridge.toImagePlus(img, new double[] {0.5, 0.75, 2}, "mm", "ramp");
        assertEquals(32, imp.getBitDepth());
        assertEquals(5, imp.getStackSize());
        assertEquals("ramp", imp.getTitle());
        assertEquals("mm", imp.getCalibration().getUnit());
        assertArrayEquals(new double[] {0.5, 0.75, 2}, ImagePlusBridge.voxelSize(imp));
        // x fastest, then y, then slice
        assertEquals(img.getAt(2, 1, 3).get(), imp.getStack().getProcessor(4).getf(2, 1));
        Img<FloatType> back = ImagePlusBridge.toImg(imp);
        assertArrayEquals(new long[] {4, 3, 5}, back.dimensionsAsLongArray());
        Cursor<FloatType> a = Views.flatIterable(img).cursor(), b = Views.flatIterable(back).cursor();
        while (a.hasNext()) assertEquals(a.next().get(), b.next().get());
    }

    @Test
    void labelsBecome8Bit() {
        Img<FloatType> labels = ArrayImgs.floats(new float[] {0, 1, 2, 255}, 2, 2, 1);
        ImagePlus imp = ImagePlusBridge.toLabelImagePlus(labels, new double[] {1, 1, 1}, "mm", "seg");
        assertEquals(8, imp.getBitDepth());
        assertEquals(255, imp.getProcessor().get(1, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImagePlusBridge
                .toLabelImagePlus(ArrayImgs.floats(new float[] {0, 1.5f}, 2, 1, 1), new double[] {1, 1, 1}, "mm", "seg"));
        assertTrue(e.getMessage().contains("1.5"), e.getMessage());
    }

    @Test
    void sixteenBitAndVolumeConveniences() {
        ImageStack stack = new ImageStack(2, 1);
        stack.addSlice(new ShortProcessor(2, 1, new short[] {1000, (short) 60000}, null));
        stack.addSlice(new ShortProcessor(2, 1, new short[] {7, 8}, null));
        ImagePlus imp = new ImagePlus("sixteen", stack);
        imp.getCalibration().pixelWidth = 0.9;
        imp.getCalibration().pixelHeight = 0.8;
        imp.getCalibration().pixelDepth = 3;
        imp.getCalibration().setUnit("mm");
        Volume v = ImagePlusBridge.toVolume(imp);
        assertEquals(60000f, ((FloatType) v.raw().getAt(1, 0, 0)).get());
        assertEquals(8f, ((FloatType) v.raw().getAt(1, 0, 1)).get());
        assertArrayEquals(new double[] {0.9, 0.8, 3}, v.voxelSize(), 1e-6);
        assertEquals("mm", v.header().spatialUnit());
        ImagePlus again = ImagePlusBridge.toImagePlus(v);
        assertEquals(60000f, again.getStack().getProcessor(1).getf(1, 0));
        assertEquals(3, again.getCalibration().pixelDepth, 1e-6);
    }

    @Test
    void refusesRgbAndHyperstacks() {
        ImagePlus rgb = IJ.createImage("colour", "RGB black", 4, 4, 2);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ImagePlusBridge.toImg(rgb))
                .getMessage().contains("RGB"));
        ImagePlus hyper = IJ.createImage("multi", "8-bit black", 4, 4, 2, 3, 1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ImagePlusBridge.toImg(hyper))
                .getMessage().contains("2 channels"));
    }
}
