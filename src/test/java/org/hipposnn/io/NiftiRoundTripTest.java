package org.hipposnn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import net.imglib2.Cursor;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedIntType;
import net.imglib2.type.numeric.integer.UnsignedLongType;
import net.imglib2.type.numeric.real.DoubleType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every datatype, both byte orders, plain and gzipped: stored values and geometry come back exactly. */
class NiftiRoundTripTest {

    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (NiftiDataType t : NiftiDataType.values()) {
            for (ByteOrder o : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
                for (String ext : new String[] {".nii", ".nii.gz"}) b.add(Arguments.of(t, o, ext));
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void roundTrip(NiftiDataType type, ByteOrder order, String ext) throws Exception {
        long[] dims = {5, 4, 3};
        ArrayImg<? extends RealType<?>, ?> img = type.createImg(dims);
        Object stored = fill(img, type);
        NiftiHeader h = geometry(dims);
        h.setDatatype(type);
        h.setByteOrder(order);
        Path file = dir.resolve("rt_" + type + ext);
        NiftiWriter.write(file, new Volume(null, h, img));

        byte[] bytes = Files.readAllBytes(file);
        assertEquals(ext.endsWith(".gz"), (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b);

        Volume back = NiftiReader.read(file);
        assertEquals(file, back.source());
        assertEquals(order, back.header().byteOrder());
        assertEquals(type.code(), back.header().datatypeCode());
        assertEquals(VoxelCodec.typeClass(type), ((ArrayImg<?, ?>) back.raw()).firstElement().getClass());
        assertArrayEquals(dims, back.dimensions());
        assertStorageEquals(stored, storage((ArrayImg<?, ?>) back.raw()));
        assertGeometryEquals(h, back.header());
    }

    @Test
    void extremeUnsignedValuesKeepTheirMeaning() throws Exception {
        ArrayImg<? extends RealType<?>, ?> u32 = NiftiDataType.UINT32.createImg(2, 1, 1);
        ((UnsignedIntType) u32.firstElement()).set(4_000_000_000L);
        NiftiHeader h = TestNifti.header(NiftiDataType.UINT32, 2, 1, 1);
        Path f32 = dir.resolve("u32.nii.gz");
        NiftiWriter.write(f32, new Volume(null, h, u32));
        assertEquals(4e9, NiftiReader.read(f32).values().firstElement().get());

        ArrayImg<? extends RealType<?>, ?> u64 = NiftiDataType.UINT64.createImg(2, 1, 1);
        ((UnsignedLongType) u64.firstElement()).set(-2L); // 2^64 - 2
        h.setDatatype(NiftiDataType.UINT64);
        Path f64 = dir.resolve("u64.nii");
        NiftiWriter.write(f64, new Volume(null, h, u64));
        Volume back = NiftiReader.read(f64);
        assertEquals(-2L, ((UnsignedLongType) back.raw().firstElement()).get());
        assertTrue(back.values().firstElement().get() > 0x1p63);
    }

    @Test
    void valuesApplySlopeAndIntercept() throws Exception {
        ArrayImg<? extends RealType<?>, ?> img = NiftiDataType.INT16.createImg(3, 1, 1);
        Cursor<? extends RealType<?>> c = img.cursor();
        for (int v : new int[] {-2, 0, 7}) c.next().setReal(v);
        NiftiHeader h = TestNifti.header(NiftiDataType.INT16, 3, 1, 1);
        h.setSclSlope(2.5f);
        h.setSclInter(-1);
        Path file = dir.resolve("scaled.nii");
        NiftiWriter.write(file, new Volume(null, h, img));
        Volume back = NiftiReader.read(file);
        assertEquals(-2, back.raw().firstElement().getRealDouble());
        double[] expected = {-6, -1, 16.5};
        Cursor<DoubleType> v = net.imglib2.view.Views.flatIterable(back.values()).cursor();
        for (double e : expected) assertEquals(e, v.next().get(), 1e-9);

        h.setSclSlope(0); // slope 0 means "no scaling"
        NiftiWriter.write(file, new Volume(null, h, img));
        assertEquals(-2, NiftiReader.read(file).values().firstElement().get());
        h.setSclSlope(Float.NaN);
        NiftiWriter.write(file, new Volume(null, h, img));
        assertEquals(-2, NiftiReader.read(file).values().firstElement().get());
    }

    @Test
    void voxOffsetBeyond352WithExtensionIsHonoured() throws Exception {
        NiftiHeader h = TestNifti.header(NiftiDataType.UINT8, 2, 2, 1);
        h.setVoxOffset(352 + 16);
        byte[] head = h.toBytes();
        byte[] data = new byte[352 + 16 + 4];
        System.arraycopy(head, 0, data, 0, 348);
        data[348] = 1; // extension present
        // extension: esize 16, ecode 6 (comment), 8 bytes of text, little-endian
        java.nio.ByteBuffer.wrap(data, 352, 16).order(ByteOrder.LITTLE_ENDIAN).putInt(16).putInt(6)
                .put("comment!".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        byte[] vox = {9, 8, 7, 6};
        System.arraycopy(vox, 0, data, 368, 4);
        for (String ext : new String[] {".nii", ".nii.gz"}) {
            Path file = TestNifti.write(dir.resolve("ext" + ext), ext.endsWith("gz") ? TestNifti.gzip(data) : data);
            Volume v = NiftiReader.read(file);
            assertArrayEquals(vox, (byte[]) storage((ArrayImg<?, ?>) v.raw()));
        }
    }

    @Test
    void gzipIsRecognisedByContentNotExtension() throws Exception {
        NiftiHeader h = TestNifti.header(NiftiDataType.UINT8, 2, 1, 1);
        Path file = TestNifti.write(dir.resolve("misnamed.nii"), TestNifti.gzip(TestNifti.file(h, new byte[] {3, 4})));
        assertArrayEquals(new byte[] {3, 4}, (byte[]) storage((ArrayImg<?, ?>) NiftiReader.read(file).raw()));
    }

    @Test
    void lowerRankImagesBecome3D() throws Exception {
        NiftiHeader h = TestNifti.header(NiftiDataType.UINT8, 3, 2, 1);
        short[] dim = h.dim();
        dim[0] = 2;
        dim[3] = 0; // ignored beyond dim[0]
        h.setDim(dim);
        Path file = TestNifti.write(dir.resolve("flat.nii"), TestNifti.file(h, new byte[6]));
        assertArrayEquals(new long[] {3, 2, 1}, NiftiReader.read(file).dimensions());
    }

    // ---- helpers --------------------------------------------------------------------------------

    static NiftiHeader geometry(long[] dims) {
        NiftiHeader h = NiftiHeader.forVolume(dims, new double[] {0.9, 1.1, 2.5});
        h.setPixdim(new float[] {-1, 0.9f, 1.1f, 2.5f, 1, 0, 0, 0});
        h.setQformCode((short) 1);
        h.setSformCode((short) 2);
        h.setQuatern(0.1f, -0.2f, 0.3f);
        h.setQoffset(-90.5f, 126f, -72.25f);
        h.setSrow(new float[] {-0.9f, 0, 0, 90}, new float[] {0, 1.1f, 0.01f, -126}, new float[] {0, 0, 2.5f, -72});
        h.setXyztUnits((byte) 10);
        h.setSclSlope(1.5f);
        h.setSclInter(-3);
        h.setDescrip("round trip");
        return h;
    }

    static void assertGeometryEquals(NiftiHeader a, NiftiHeader b) {
        assertArrayEquals(a.dimensions(), b.dimensions());
        assertArrayEquals(a.pixdim(), b.pixdim());
        assertEquals(a.qformCode(), b.qformCode());
        assertEquals(a.sformCode(), b.sformCode());
        assertArrayEquals(a.quatern(), b.quatern());
        assertArrayEquals(a.qoffset(), b.qoffset());
        assertArrayEquals(a.srowX(), b.srowX());
        assertArrayEquals(a.srowY(), b.srowY());
        assertArrayEquals(a.srowZ(), b.srowZ());
        assertEquals(a.xyztUnits(), b.xyztUnits());
        assertEquals(a.sclSlope(), b.sclSlope());
        assertEquals(a.sclInter(), b.sclInter());
        assertEquals(a.descrip(), b.descrip());
    }

    static Object storage(ArrayImg<?, ?> img) {
        return ((ArrayDataAccess<?>) img.update(null)).getCurrentStorageArray();
    }

    /** Fills the backing array with the type's extremes and random values; returns a copy. */
    static Object fill(ArrayImg<?, ?> img, NiftiDataType type) {
        Object a = storage(img);
        Random r = new Random(type.code());
        if (a instanceof byte[]) {
            byte[] v = (byte[]) a;
            r.nextBytes(v);
            v[0] = Byte.MIN_VALUE;
            v[1] = Byte.MAX_VALUE;
            v[2] = -1;
            return v.clone();
        } else if (a instanceof short[]) {
            short[] v = (short[]) a;
            for (int i = 0; i < v.length; i++) v[i] = (short) r.nextInt();
            v[0] = Short.MIN_VALUE;
            v[1] = Short.MAX_VALUE;
            v[2] = -1;
            return v.clone();
        } else if (a instanceof int[]) {
            int[] v = (int[]) a;
            for (int i = 0; i < v.length; i++) v[i] = r.nextInt();
            v[0] = Integer.MIN_VALUE;
            v[1] = Integer.MAX_VALUE;
            v[2] = (int) 4_000_000_000L;
            return v.clone();
        } else if (a instanceof long[]) {
            long[] v = (long[]) a;
            for (int i = 0; i < v.length; i++) v[i] = r.nextLong();
            v[0] = Long.MIN_VALUE;
            v[1] = Long.MAX_VALUE;
            v[2] = 0x8000_0000_0000_0001L; // > 2^63 as uint64
            v[3] = 123_456_789_012_345_678L;
            return v.clone();
        } else if (a instanceof float[]) {
            float[] v = (float[]) a;
            for (int i = 0; i < v.length; i++) v[i] = (float) r.nextGaussian() * 1e6f;
            float[] special = {Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_VALUE, -0f, Float.NaN,
                Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
            System.arraycopy(special, 0, v, 0, special.length);
            return v.clone();
        } else {
            double[] v = (double[]) a;
            for (int i = 0; i < v.length; i++) v[i] = r.nextGaussian() * 1e12;
            double[] special = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, -0d, Double.NaN,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
            System.arraycopy(special, 0, v, 0, special.length);
            return v.clone();
        }
    }

    static void assertStorageEquals(Object expected, Object actual) {
        if (expected instanceof byte[]) assertArrayEquals((byte[]) expected, (byte[]) actual);
        else if (expected instanceof short[]) assertArrayEquals((short[]) expected, (short[]) actual);
        else if (expected instanceof int[]) assertArrayEquals((int[]) expected, (int[]) actual);
        else if (expected instanceof long[]) assertArrayEquals((long[]) expected, (long[]) actual);
        else if (expected instanceof float[]) assertTrue(java.util.Arrays.equals((float[]) expected, (float[]) actual));
        else assertTrue(java.util.Arrays.equals((double[]) expected, (double[]) actual));
    }
}
