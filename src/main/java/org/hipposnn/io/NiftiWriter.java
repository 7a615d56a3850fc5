package org.hipposnn.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * Writes single-file NIfTI-1 images ({@code .nii}; {@code .nii.gz} is gzipped, by extension).
 *
 * <p>The header travels with the data so that outputs stay aligned with their inputs in any
 * viewer: dims, pixdim, qform/sform, units and scaling are written as given, in the header's
 * byte order (little-endian unless the header says otherwise). Extensions of the source file are
 * not kept: voxels always start at 352. Writes are atomic (see {@link AtomicFiles}).
 */
public final class NiftiWriter {

    private static final int BUFFER = 64 * 1024;

    private NiftiWriter() {
    }

    /** Writes {@code volume} with its header (datatype, scaling, geometry) and stored values. */
    public static void write(Path file, Volume volume) throws IOException {
        NiftiHeader h = volume.header();
        NiftiDataType type = NiftiDataType.fromCode(h.datatypeCode(), file);
        h.setDatatype(type);
        h.setDimensions(volume.dimensions());
        write(file, h, volume.raw(), type);
    }

    /**
     * Writes a label image as uint8, on the grid of {@code geometry}: its dims must match, its
     * pixdim, qform/sform, xyzt_units and byte order are kept; scl_slope 1, scl_inter 0,
     * cal_min/cal_max the label range, intent NIFTI_INTENT_LABEL.
     *
     * @throws IOException when the sizes differ or a value is not an integer 0..255
     */
    public static void writeLabels(Path file, RandomAccessibleInterval<? extends RealType<?>> labels,
            NiftiHeader geometry) throws IOException {
        long[] size = labels.dimensionsAsLongArray();
        int[] g = geometry.dimensions();
        if (size.length != 3 || size[0] != g[0] || size[1] != g[1] || size[2] != g[2]) {
            throw new NiftiFormatException(file, "labels are " + Arrays.toString(size)
                    + " but the geometry is " + geometry.dimensionsText());
        }
        NiftiHeader h = geometry.copy();
        h.setDimensions(size);
        h.setDatatype(NiftiDataType.UINT8);
        h.setSclSlope(1);
        h.setSclInter(0);
        h.setIntentCode(NiftiHeader.INTENT_LABEL);
        h.setIntentParams(0, 0, 0);
        h.setIntentName("");
        double[] range = range(labels);
        h.setCal((float) range[0], (float) range[1]);
        write(file, h, labels, NiftiDataType.UINT8);
    }

    private static void write(Path file, NiftiHeader header, RandomAccessibleInterval<? extends RealType<?>> img,
            NiftiDataType type) throws IOException {
        header.setVoxOffset(NiftiHeader.SINGLE_FILE_OFFSET);
        header.setSingleFileMagic();
        boolean gzip = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
        AtomicFiles.writeStream(file, raw -> {
            byte[] voxels = VoxelCodec.encode(img, type, header.byteOrder(), file);
            OutputStream out = gzip ? new GZIPOutputStream(raw, BUFFER) : new BufferedOutputStream(raw, BUFFER);
            out.write(header.toBytes());
            out.write(new byte[4]); // no extensions
            out.write(voxels);
            out.close(); // finishes the gzip trailer; closing the file twice is harmless
        });
    }

    private static double[] range(RandomAccessibleInterval<? extends RealType<?>> img) {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        Cursor<? extends RealType<?>> c = Views.flatIterable(img).cursor();
        while (c.hasNext()) {
            double v = c.next().getRealDouble();
            if (v < min) min = v;
            if (v > max) max = v;
        }
        return min <= max ? new double[] {min, max} : new double[] {0, 0};
    }
}
