package org.hipposnn.io;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.RealType;

/**
 * Reads single-file NIfTI-1 images ({@code .nii}, {@code .nii.gz}) into a {@link Volume}.
 *
 * <p>Strict on purpose: every header inconsistency or damaged file is a {@link NiftiFormatException}
 * naming the file and the problem, never an index error deep in the pipeline or a silently wrong
 * image. Gzip is recognised by its magic bytes, not the extension. Fast on purpose: the whole file
 * is read at once and the voxels converted in bulk.
 */
public final class NiftiReader {

    private static final int GZIP_BUFFER = 64 * 1024;

    private NiftiReader() {
    }

    /** Reads a 3-D image; 4-D images with more than one volume are refused. */
    public static Volume read(Path file) throws IOException {
        return read(file, false);
    }

    /**
     * Reads a 3-D image.
     *
     * @param firstVolumeOnly for a 4-D file with several volumes, take the first instead of failing
     */
    public static Volume read(Path file, boolean firstVolumeOnly) throws IOException {
        try (InputStream in = open(file)) {
            NiftiHeader h = parseHeader(file, readHeaderBytes(in));
            long[] dims = checkDimensions(file, h, firstVolumeOnly);
            NiftiDataType type = NiftiDataType.fromCode(h.datatypeCode(), file);
            if (h.bitpix() != type.bitpix()) {
                throw new NiftiFormatException(file, "bitpix " + h.bitpix() + " does not match datatype "
                        + type + " (" + type.bitpix() + " bits)");
            }
            long offset = voxelOffset(file, h);
            skip(file, in, offset - NiftiHeader.HEADER_SIZE);
            long bytes = dims[0] * dims[1] * dims[2] * type.bytesPerVoxel();
            if (bytes > Integer.MAX_VALUE - 8) {
                throw new NiftiFormatException(file, "image too large (" + bytes + " bytes of voxel data)");
            }
            byte[] data = readVoxels(file, in, (int) bytes);
            drain(file, in); // lets GZIPInputStream check the CRC and length in the trailer
            h.setDimensions(dims); // the Volume is 3-D: dim[0] = 3, unused dims 1
            Img<? extends RealType<?>> img = VoxelCodec.decode(data, 0, h.byteOrder(), type, dims);
            return new Volume(file, h, img);
        } catch (ZipException | EOFException e) {
            throw corrupt(file, e);
        }
    }

    /**
     * Reads and checks only the header (magic, size, dims, datatype, vox_offset), as stored:
     * dims are not reduced to 3-D and a 4-D header is not refused, so callers can inspect it.
     */
    public static NiftiHeader readHeader(Path file) throws IOException {
        try (InputStream in = open(file)) {
            NiftiHeader h = parseHeader(file, readHeaderBytes(in));
            checkDimensions(file, h, true);
            NiftiDataType.fromCode(h.datatypeCode(), file);
            voxelOffset(file, h);
            return h;
        } catch (ZipException | EOFException e) {
            throw corrupt(file, e);
        }
    }

    /**
     * Checks that a label image lies on the same voxel grid as its image.
     *
     * @throws NiftiFormatException "labels X (AxBxC) do not match image Y (DxExF)"
     */
    public static void requireSameGrid(Volume image, Volume labels) throws NiftiFormatException {
        NiftiHeader hi = image.header(), hl = labels.header();
        if (!hl.sameGrid(hi)) {
            throw new NiftiFormatException(labels.source(), "labels " + labels.name() + " ("
                    + hl.dimensionsText() + ", voxel " + text(hl.voxelSize()) + ") do not match image "
                    + image.name() + " (" + hi.dimensionsText() + ", voxel " + text(hi.voxelSize()) + ")");
        }
    }

    private static String text(double[] v) {
        return (float) v[0] + "x" + (float) v[1] + "x" + (float) v[2];
    }

    // ---- steps ---------------------------------------------------------------------------------

    /** The file's bytes, decompressed if they start with the gzip magic 1f 8b. */
    private static InputStream open(Path file) throws IOException {
        if (!Files.exists(file)) throw new NoSuchFileException(file.toString(), null, "no such file");
        if (Files.isDirectory(file)) throw new NiftiFormatException(file, "is a folder, not a NIfTI file");
        byte[] all = Files.readAllBytes(file);
        InputStream in = new ByteArrayInputStream(all);
        if (all.length >= 2 && (all[0] & 0xff) == 0x1f && (all[1] & 0xff) == 0x8b) {
            try {
                return new GZIPInputStream(in, GZIP_BUFFER);
            } catch (ZipException | EOFException e) {
                throw corrupt(file, e);
            }
        }
        return in;
    }

    private static NiftiFormatException corrupt(Path file, IOException e) {
        return new NiftiFormatException(file, "the gzip stream is corrupt or truncated ("
                + e.getMessage() + ")", e);
    }

    static NiftiHeader parseHeader(Path file, byte[] bytes) throws NiftiFormatException {
        if (bytes.length < NiftiHeader.HEADER_SIZE) {
            throw new NiftiFormatException(file, "not a NIfTI-1 file: only " + bytes.length
                    + " bytes, a NIfTI-1 header has 348");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        int little = b.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        int big = b.order(ByteOrder.BIG_ENDIAN).getInt(0);
        if (little == NiftiHeader.HEADER_SIZE) b.order(ByteOrder.LITTLE_ENDIAN);
        else if (big == NiftiHeader.HEADER_SIZE) b.order(ByteOrder.BIG_ENDIAN);
        else if (little == 540 || big == 540) {
            throw new NiftiFormatException(file, "is NIfTI-2 (header size 540); only NIfTI-1 is supported");
        } else {
            throw new NiftiFormatException(file, "not a NIfTI-1 file: header size is " + little
                    + " (must be 348)");
        }
        NiftiHeader h = new NiftiHeader();
        h.read(b);
        String magic = h.magic();
        if (magic.equals("ni1\0")) {
            throw new NiftiFormatException(file, "is the header of a two-file NIfTI-1 pair (.hdr/.img);"
                    + " only single-file .nii or .nii.gz is supported (convert it, e.g. with fslchfiletype)");
        }
        if (!magic.equals("n+1\0")) {
            throw new NiftiFormatException(file, "not a NIfTI-1 file: bad magic \"" + printable(magic)
                    + "\" (must be \"n+1\")");
        }
        return h;
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (char ch : s.toCharArray()) {
            if (ch >= 32 && ch < 127) sb.append(ch);
            else sb.append(String.format("\\x%02x", (int) ch));
        }
        return sb.toString();
    }

    /** Validates dim[] and returns x, y, z. */
    private static long[] checkDimensions(Path file, NiftiHeader h, boolean firstVolumeOnly)
            throws NiftiFormatException {
        short[] dim = h.dim();
        int rank = dim[0];
        if (rank < 1 || rank > 7) {
            throw new NiftiFormatException(file, "dim[0] is " + rank + " (must be 1..7)");
        }
        for (int k = 1; k <= rank; k++) {
            if (dim[k] < 1) {
                throw new NiftiFormatException(file, "dimension " + k + " is " + dim[k] + " (must be >= 1)");
            }
        }
        for (int k = 5; k <= rank; k++) {
            if (dim[k] > 1) {
                throw new NiftiFormatException(file, "dimension " + k + " is " + dim[k]
                        + "; only 3-D images are supported (dimensions 5-7 must be 1)");
            }
        }
        if (rank >= 4 && dim[4] > 1 && !firstVolumeOnly) {
            throw new NiftiFormatException(file, "has " + dim[4] + " volumes; only 3-D images are"
                    + " supported (ask for the first volume only)");
        }
        long[] xyz = new long[3];
        for (int k = 1; k <= 3; k++) xyz[k - 1] = k <= rank ? dim[k] : 1;
        return xyz;
    }

    private static long voxelOffset(Path file, NiftiHeader h) throws NiftiFormatException {
        float f = h.voxOffset();
        if (!(f >= NiftiHeader.SINGLE_FILE_OFFSET) || f != Math.rint(f) || f > Integer.MAX_VALUE) {
            throw new NiftiFormatException(file, "vox_offset is " + f + " (must be a whole number >= 352)");
        }
        return (long) f;
    }

    /** Up to 348 bytes; fewer when the file is shorter (parseHeader reports that). */
    private static byte[] readHeaderBytes(InputStream in) throws IOException {
        byte[] b = new byte[NiftiHeader.HEADER_SIZE];
        int got = in.readNBytes(b, 0, b.length);
        return got < b.length ? Arrays.copyOf(b, got) : b;
    }

    private static void skip(Path file, InputStream in, long n) throws IOException {
        long left = n;
        while (left > 0) {
            long s = in.skip(left);
            if (s <= 0) {
                if (in.read() < 0) {
                    throw new NiftiFormatException(file, "truncated: the file ends before the voxel"
                            + " data starts (vox_offset " + (n + NiftiHeader.HEADER_SIZE) + ")");
                }
                s = 1;
            }
            left -= s;
        }
    }

    private static byte[] readVoxels(Path file, InputStream in, int n) throws IOException {
        byte[] b = new byte[n];
        int got = in.readNBytes(b, 0, n);
        if (got < n) {
            throw new NiftiFormatException(file, "truncated: expected " + n + " bytes of voxel data, found " + got);
        }
        return b;
    }

    private static void drain(Path file, InputStream in) throws IOException {
        if (!(in instanceof GZIPInputStream)) return;
        byte[] sink = new byte[GZIP_BUFFER];
        while (in.read(sink) >= 0) {
            // discard trailing data (other volumes, padding)
        }
    }
}
