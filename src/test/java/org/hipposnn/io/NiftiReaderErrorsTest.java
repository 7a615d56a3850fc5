package org.hipposnn.io;

import static org.hipposnn.io.TestNifti.assertFails;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input gives an IOException naming the file and the problem. */
class NiftiReaderErrorsTest {

    @TempDir
    Path dir;

    private byte[] valid() {
        return TestNifti.file(TestNifti.header(NiftiDataType.INT16, 4, 3, 2), new byte[4 * 3 * 2 * 2]);
    }

    @Test
    void textFile() throws Exception {
        Path f = TestNifti.write(dir.resolve("notes.nii"), "hello, not an image\n".getBytes(StandardCharsets.UTF_8));
        assertFails(f, () -> NiftiReader.read(f), "not a NIfTI-1 file", "348");
        Path big = TestNifti.write(dir.resolve("long.nii"), "x".repeat(1000).getBytes(StandardCharsets.UTF_8));
        assertFails(big, () -> NiftiReader.read(big), "not a NIfTI-1 file", "header size");
    }

    @Test
    void badHeaderSize() throws Exception {
        byte[] b = valid();
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 349);
        Path f = TestNifti.write(dir.resolve("size.nii"), b);
        assertFails(f, () -> NiftiReader.read(f), "header size is 349", "must be 348");
    }

    @Test
    void badMagic() throws Exception {
        byte[] b = valid();
        b[344] = 'x';
        Path f = TestNifti.write(dir.resolve("magic.nii.gz"), TestNifti.gzip(b));
        assertFails(f, () -> NiftiReader.read(f), "bad magic");
        b[344] = 'n';
        b[345] = 'i';
        Path pair = TestNifti.write(dir.resolve("pair.nii"), b);
        assertFails(pair, () -> NiftiReader.read(pair), ".hdr/.img");
    }

    @Test
    void truncatedGzip() throws Exception {
        byte[] gz = TestNifti.gzip(valid());
        Path f = TestNifti.write(dir.resolve("cut.nii.gz"), Arrays.copyOf(gz, gz.length - 12));
        assertFails(f, () -> NiftiReader.read(f), "gzip stream is corrupt or truncated");
        Path tiny = TestNifti.write(dir.resolve("tiny.nii.gz"), Arrays.copyOf(gz, 5));
        assertFails(tiny, () -> NiftiReader.read(tiny), "gzip stream is corrupt or truncated");
    }

    @Test
    void corruptGzip() throws Exception {
        byte[] gz = TestNifti.gzip(valid());
        byte[] bad = gz.clone();
        for (int i = 12; i < bad.length - 8; i++) bad[i] ^= 0x5a;
        Path f = TestNifti.write(dir.resolve("bad.nii.gz"), bad);
        assertFails(f, () -> NiftiReader.read(f), "gzip stream is corrupt or truncated");
        byte[] crc = gz.clone();
        crc[crc.length - 6] ^= 1; // CRC32 in the trailer
        Path g = TestNifti.write(dir.resolve("crc.nii.gz"), crc);
        assertFails(g, () -> NiftiReader.read(g), "gzip stream is corrupt or truncated");
    }

    @Test
    void truncatedVoxelData() throws Exception {
        byte[] b = valid();
        Path f = TestNifti.write(dir.resolve("short.nii"), Arrays.copyOf(b, b.length - 10));
        assertFails(f, () -> NiftiReader.read(f), "truncated: expected 48 bytes of voxel data, found 38");
        Path g = TestNifti.write(dir.resolve("short.nii.gz"), TestNifti.gzip(Arrays.copyOf(b, b.length - 10)));
        assertFails(g, () -> NiftiReader.read(g), "truncated: expected 48 bytes of voxel data, found 38");
    }

    @Test
    void unsupportedDatatypes() throws Exception {
        for (int[] c : new int[][] {{32, 64, 'c'}, {128, 24, 'r'}, {1, 1, 'b'}, {1792, 128, 'x'}, {77, 8, 'u'}}) {
            NiftiHeader h = TestNifti.header(NiftiDataType.UINT8, 2, 2, 2);
            h.setRawDatatype((short) c[0], (short) c[1]);
            Path f = TestNifti.write(dir.resolve("type" + c[0] + ".nii"), TestNifti.file(h, new byte[64]));
            String name = c[0] == 32 ? "complex64" : c[0] == 128 ? "RGB24" : c[0] == 1 ? "binary"
                    : c[0] == 1792 ? "complex128" : "not a NIfTI-1 datatype";
            assertFails(f, () -> NiftiReader.read(f), "unsupported voxel datatype " + c[0], name);
        }
    }

    @Test
    void bitpixMustMatchDatatype() throws Exception {
        NiftiHeader h = TestNifti.header(NiftiDataType.FLOAT32, 2, 2, 2);
        h.setRawDatatype((short) 16, (short) 16);
        Path f = TestNifti.write(dir.resolve("bitpix.nii"), TestNifti.file(h, new byte[64]));
        assertFails(f, () -> NiftiReader.read(f), "bitpix 16", "float32");
    }

    @Test
    void fourDimensional() throws Exception {
        NiftiHeader h = TestNifti.header(NiftiDataType.UINT8, 2, 2, 1);
        h.setDim(new short[] {4, 2, 2, 1, 3, 1, 1, 1});
        byte[] vox = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        Path f = TestNifti.write(dir.resolve("series.nii.gz"), TestNifti.gzip(TestNifti.file(h, vox)));
        assertFails(f, () -> NiftiReader.read(f),
                "has 3 volumes; only 3-D images are supported (ask for the first volume only)");
        Volume first = NiftiReader.read(f, true);
        assertArrayEquals(new long[] {2, 2, 1}, first.dimensions());
        assertEquals(3, first.header().dim()[0]);
        assertArrayEquals(new byte[] {1, 2, 3, 4}, (byte[]) NiftiRoundTripTest.storage((net.imglib2.img.array.ArrayImg<?, ?>) first.raw()));

        h.setDim(new short[] {5, 2, 2, 1, 1, 2, 1, 1});
        Path g = TestNifti.write(dir.resolve("five.nii"), TestNifti.file(h, vox));
        assertFails(g, () -> NiftiReader.read(g, true), "dimension 5 is 2");
    }

    @Test
    void zeroAndNegativeDimensions() throws Exception {
        NiftiHeader h = TestNifti.header(NiftiDataType.UINT8, 2, 2, 2);
        h.setDim(new short[] {3, 2, 0, 2, 1, 1, 1, 1});
        Path f = TestNifti.write(dir.resolve("zero.nii"), TestNifti.file(h, new byte[8]));
        assertFails(f, () -> NiftiReader.read(f), "dimension 2 is 0 (must be >= 1)");
        h.setDim(new short[] {3, 2, 2, -5, 1, 1, 1, 1});
        Path g = TestNifti.write(dir.resolve("negative.nii"), TestNifti.file(h, new byte[8]));
        assertFails(g, () -> NiftiReader.read(g), "dimension 3 is -5 (must be >= 1)");
        h.setDim(new short[] {9, 2, 2, 2, 1, 1, 1, 1});
        Path r = TestNifti.write(dir.resolve("rank.nii"), TestNifti.file(h, new byte[8]));
        assertFails(r, () -> NiftiReader.read(r), "dim[0] is 9");
    }

    @Test
    void badVoxOffset() throws Exception {
        NiftiHeader h = TestNifti.header(NiftiDataType.UINT8, 2, 2, 2);
        h.setVoxOffset(100);
        Path f = TestNifti.write(dir.resolve("offset.nii"), TestNifti.file(h, new byte[8]));
        assertFails(f, () -> NiftiReader.read(f), "vox_offset is 100");
        h.setVoxOffset(4000);
        Path g = TestNifti.write(dir.resolve("far.nii"), TestNifti.file(h, new byte[8]));
        assertFails(g, () -> NiftiReader.read(g), "truncated");
    }

    @Test
    void missingFile() {
        Path f = dir.resolve("absent.nii.gz");
        NoSuchFileException e = org.junit.jupiter.api.Assertions.assertThrows(NoSuchFileException.class,
                () -> NiftiReader.read(f));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("absent.nii.gz: no such file"), e.getMessage());
    }

    @Test
    void gridsThatDifferAreNamed() throws Exception {
        NiftiHeader a = TestNifti.header(NiftiDataType.UINT8, 3, 2, 2);
        NiftiHeader b = TestNifti.header(NiftiDataType.UINT8, 3, 2, 1);
        Path img = TestNifti.write(dir.resolve("case_001.nii.gz"), TestNifti.gzip(TestNifti.file(a, new byte[12])));
        Path lab = TestNifti.write(dir.resolve("case_001_labels.nii"), TestNifti.file(b, new byte[6]));
        Volume image = NiftiReader.read(img), labels = NiftiReader.read(lab);
        assertFails(lab, () -> NiftiReader.requireSameGrid(image, labels),
                "labels case_001_labels.nii (3x2x1", "do not match image case_001.nii.gz (3x2x2");
        NiftiHeader c = TestNifti.header(NiftiDataType.UINT8, 3, 2, 2);
        c.setVoxelSize(new double[] {1, 1, 1.5});
        Path lab2 = TestNifti.write(dir.resolve("coarse.nii"), TestNifti.file(c, new byte[12]));
        Volume labels2 = NiftiReader.read(lab2);
        assertFails(lab2, () -> NiftiReader.requireSameGrid(image, labels2), "do not match image");
        c.setVoxelSize(new double[] {1, 1, 1.00001});
        Path lab3 = TestNifti.write(dir.resolve("close.nii"), TestNifti.file(c, new byte[12]));
        NiftiReader.requireSameGrid(image, NiftiReader.read(lab3));
    }

    @Test
    void bigEndianHeaderIsDetected() throws Exception {
        NiftiHeader h = TestNifti.header(NiftiDataType.INT16, 2, 1, 1);
        h.setByteOrder(ByteOrder.BIG_ENDIAN);
        byte[] b = TestNifti.file(h, new byte[] {0x01, 0x02, (byte) 0xff, (byte) 0xfe});
        Path f = TestNifti.write(dir.resolve("be.nii"), b);
        NiftiHeader back = NiftiReader.readHeader(f);
        assertEquals(ByteOrder.BIG_ENDIAN, back.byteOrder());
        short[] v = (short[]) NiftiRoundTripTest.storage((net.imglib2.img.array.ArrayImg<?, ?>) NiftiReader.read(f).raw());
        assertArrayEquals(new short[] {0x0102, (short) 0xfffe}, v);
    }
}
