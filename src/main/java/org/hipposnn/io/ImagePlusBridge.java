package org.hipposnn.io;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;
import java.nio.file.Path;
import java.nio.file.Paths;
import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/**
 * Converts between ImageJ 1.x {@link ImagePlus} stacks and ImgLib2 images, keeping voxel sizes.
 *
 * <p>Ours because imglib2-ij is not a dependency. Copies (no shared pixels), x fastest then y
 * then slice, which is also the NIfTI order, so a volume goes through ImageJ unchanged.
 */
public final class ImagePlusBridge {

    private ImagePlusBridge() {
    }

    /**
     * The stack as a float x, y, z image. 8- and 16-bit values go through the image's calibration
     * function when it has one (e.g. signed 16-bit), so values are as ImageJ shows them.
     *
     * @throws IllegalArgumentException for RGB, or more than one channel or time frame
     */
    public static Img<FloatType> toImg(ImagePlus imp) {
        if (imp.getNChannels() != 1 || imp.getNFrames() != 1) {
            throw new IllegalArgumentException(imp.getTitle() + ": has " + imp.getNChannels() + " channels and "
                    + imp.getNFrames() + " frames; only single-channel, single-frame stacks are supported"
                    + " (split channels or pick a frame first)");
        }
        if (imp.getBitDepth() == 24) {
            throw new IllegalArgumentException(imp.getTitle() + ": is RGB; convert it to 8-, 16- or 32-bit first");
        }
        int w = imp.getWidth(), h = imp.getHeight(), d = imp.getStackSize();
        int plane = w * h;
        float[] out = new float[Math.multiplyExact(plane, d)];
        ImageStack stack = imp.getStack();
        Calibration cal = imp.getCalibration();
        boolean calibrated = cal.calibrated() && imp.getBitDepth() != 32;
        for (int z = 0; z < d; z++) {
            ImageProcessor ip = stack.getProcessor(z + 1);
            Object pixels = ip.getPixels();
            int base = z * plane;
            if (pixels instanceof float[]) {
                System.arraycopy(pixels, 0, out, base, plane);
            } else if (pixels instanceof byte[]) {
                byte[] p = (byte[]) pixels;
                for (int i = 0; i < plane; i++) out[base + i] = value(p[i] & 0xff, cal, calibrated);
            } else if (pixels instanceof short[]) {
                short[] p = (short[]) pixels;
                for (int i = 0; i < plane; i++) out[base + i] = value(p[i] & 0xffff, cal, calibrated);
            } else {
                throw new IllegalArgumentException(imp.getTitle() + ": unsupported pixel type "
                        + pixels.getClass().getSimpleName());
            }
        }
        return ArrayImgs.floats(out, w, h, d);
    }

    private static float value(int raw, Calibration cal, boolean calibrated) {
        return calibrated ? (float) cal.getCValue(raw) : raw;
    }

    /** pixelWidth, pixelHeight, pixelDepth of the calibration. */
    public static double[] voxelSize(ImagePlus imp) {
        Calibration c = imp.getCalibration();
        return new double[] {Math.abs(c.pixelWidth), Math.abs(c.pixelHeight), Math.abs(c.pixelDepth)};
    }

    /** A 32-bit float stack of a 2-D or 3-D image, calibrated with the voxel size and unit. */
    public static ImagePlus toImagePlus(RandomAccessibleInterval<? extends RealType<?>> img, double[] voxelSize,
            String unit, String title) {
        int[] s = size(img);
        ImageStack stack = new ImageStack(s[0], s[1]);
        float[][] planes = new float[s[2]][];
        for (int z = 0; z < s[2]; z++) planes[z] = new float[s[0] * s[1]];
        fill(img, s, (z, i, v) -> planes[z][i] = (float) v);
        for (int z = 0; z < s[2]; z++) stack.addSlice(null, new FloatProcessor(s[0], s[1], planes[z]));
        ImagePlus imp = new ImagePlus(title, stack);
        imp.resetDisplayRange();
        calibrate(imp, voxelSize, unit);
        return imp;
    }

    /**
     * An 8-bit stack of a label image, calibrated with the voxel size and unit.
     *
     * @throws IllegalArgumentException when a value is not an integer 0..255
     */
    public static ImagePlus toLabelImagePlus(RandomAccessibleInterval<? extends RealType<?>> labels,
            double[] voxelSize, String unit, String title) {
        int[] s = size(labels);
        byte[][] planes = new byte[s[2]][];
        for (int z = 0; z < s[2]; z++) planes[z] = new byte[s[0] * s[1]];
        fill(labels, s, (z, i, v) -> {
            if (!(v >= 0 && v <= 255 && v == Math.rint(v))) {
                throw new IllegalArgumentException(title + ": label value " + v + " at slice " + (z + 1)
                        + " is not an integer 0..255");
            }
            planes[z][i] = (byte) v;
        });
        ImageStack stack = new ImageStack(s[0], s[1]);
        for (int z = 0; z < s[2]; z++) stack.addSlice(null, new ByteProcessor(s[0], s[1], planes[z]));
        ImagePlus imp = new ImagePlus(title, stack);
        calibrate(imp, voxelSize, unit);
        return imp;
    }

    /** The stack as a float32 Volume with its voxel size and unit; source is the file it came from, if known. */
    public static Volume toVolume(ImagePlus imp) {
        Img<FloatType> img = toImg(imp);
        NiftiHeader h = NiftiHeader.forVolume(img.dimensionsAsLongArray(), voxelSize(imp));
        h.setSpatialUnit(imp.getCalibration().getUnit());
        return new Volume(sourceOf(imp), h, img);
    }

    /** The volume's values (after scaling) as a float stack with its voxel size and unit. */
    public static ImagePlus toImagePlus(Volume v) {
        return toImagePlus(v.values(), v.voxelSize(), v.header().spatialUnit(), v.name());
    }

    private static Path sourceOf(ImagePlus imp) {
        var fi = imp.getOriginalFileInfo();
        if (fi == null || fi.fileName == null || fi.directory == null || fi.directory.isEmpty()) return null;
        return Paths.get(fi.directory, fi.fileName);
    }

    private static void calibrate(ImagePlus imp, double[] voxelSize, String unit) {
        Calibration c = imp.getCalibration();
        c.pixelWidth = voxelSize[0];
        c.pixelHeight = voxelSize[1];
        c.pixelDepth = voxelSize[2];
        c.setUnit(unit == null ? "pixel" : unit);
    }

    private static int[] size(RandomAccessibleInterval<?> img) {
        int n = img.numDimensions();
        if (n != 2 && n != 3) throw new IllegalArgumentException("need a 2-D or 3-D image, got " + n + "-D");
        long[] d = img.dimensionsAsLongArray();
        long depth = n == 3 ? d[2] : 1;
        if (d[0] * d[1] > Integer.MAX_VALUE - 8 || depth > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("image too large for ImageJ: " + java.util.Arrays.toString(d));
        }
        return new int[] {(int) d[0], (int) d[1], (int) depth};
    }

    private interface Sink {
        void put(int z, int index, double value);
    }

    private static void fill(RandomAccessibleInterval<? extends RealType<?>> img, int[] s, Sink sink) {
        Cursor<? extends RealType<?>> c = Views.flatIterable(img).cursor();
        int plane = s[0] * s[1];
        for (int z = 0; z < s[2]; z++) {
            for (int i = 0; i < plane; i++) sink.put(z, i, c.next().getRealDouble());
        }
    }
}
