package org.hipposnn.io;

import static org.hipposnn.io.TestNifti.assertFails;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Label writing keeps the geometry; writes are atomic and refuse values that do not fit. */
class NiftiWriterTest {

    @TempDir
    Path dir;

    private static ArrayImg<FloatType, ?> labels(float... values) {
        return ArrayImgs.floats(values, 3, 2, 1);
    }

    @Test
    void writeLabelsKeepsGeometryAndWritesUint8() throws Exception {
        long[] dims = {3, 2, 1};
        NiftiHeader geometry = NiftiRoundTripTest.geometry(dims);
        geometry.setDatatype(NiftiDataType.FLOAT64);
        for (String ext : new String[] {".nii", ".nii.gz"}) {
            Path file = dir.resolve("labels" + ext);
            NiftiWriter.writeLabels(file, labels(0, 1, 2, 2, 0, 1), geometry);
            Volume back = NiftiReader.read(file);
            NiftiHeader h = back.header();
            assertEquals(NiftiDataType.UINT8.code(), h.datatypeCode());
            assertEquals(8, h.bitpix());
            assertEquals(1f, h.sclSlope());
            assertEquals(0f, h.sclInter());
            assertEquals(0f, h.calMin());
            assertEquals(2f, h.calMax());
            assertEquals(NiftiHeader.INTENT_LABEL, h.intentCode());
            assertEquals(352f, h.voxOffset());
            assertArrayEquals(geometry.pixdim(), h.pixdim());
            assertEquals(geometry.qformCode(), h.qformCode());
            assertEquals(geometry.sformCode(), h.sformCode());
            assertArrayEquals(geometry.quatern(), h.quatern());
            assertArrayEquals(geometry.qoffset(), h.qoffset());
            assertArrayEquals(geometry.srowX(), h.srowX());
            assertArrayEquals(geometry.srowY(), h.srowY());
            assertArrayEquals(geometry.srowZ(), h.srowZ());
            assertEquals(geometry.xyztUnits(), h.xyztUnits());
            assertArrayEquals(new byte[] {0, 1, 2, 2, 0, 1},
                    (byte[]) NiftiRoundTripTest.storage((ArrayImg<?, ?>) back.raw()));
        }
    }

    @Test
    void littleEndianByDefaultBigEndianOnRequest() throws Exception {
        NiftiHeader h = NiftiHeader.forVolume(new long[] {3, 2, 1}, new double[] {1, 1, 1});
        Path le = dir.resolve("le.nii");
        NiftiWriter.writeLabels(le, labels(0, 1, 2, 3, 4, 5), h);
        assertEquals(348, ByteBuffer.wrap(Files.readAllBytes(le)).order(ByteOrder.LITTLE_ENDIAN).getInt());
        h.setByteOrder(ByteOrder.BIG_ENDIAN);
        Path be = dir.resolve("be.nii");
        NiftiWriter.writeLabels(be, labels(0, 1, 2, 3, 4, 5), h);
        assertEquals(348, ByteBuffer.wrap(Files.readAllBytes(be)).order(ByteOrder.BIG_ENDIAN).getInt());
        assertEquals(ByteOrder.BIG_ENDIAN, NiftiReader.readHeader(be).byteOrder());
    }

    @Test
    void failedWriteLeavesOldFileAndNoTemp() throws Exception {
        NiftiHeader h = NiftiHeader.forVolume(new long[] {3, 2, 1}, new double[] {1, 1, 1});
        for (String ext : new String[] {".nii", ".nii.gz"}) {
            Path file = dir.resolve("seg" + ext);
            NiftiWriter.writeLabels(file, labels(0, 1, 2, 1, 0, 1), h);
            byte[] before = Files.readAllBytes(file);

            assertFails(file, () -> NiftiWriter.writeLabels(file, labels(0, 1, 2.5f, 1, 0, 1), h),
                    "value 2.5", "uint8");
            assertFails(file, () -> NiftiWriter.writeLabels(file, labels(0, 1, 300, 1, 0, 1), h),
                    "value 300", "does not fit");
            assertFails(file, () -> NiftiWriter.writeLabels(file, labels(0, 1, Float.NaN, 1, 0, 1), h), "NaN");
            assertFails(file, () -> NiftiWriter.writeLabels(file, ArrayImgs.floats(2, 2, 2), h), "geometry is 3x2x1");
            // (the encoder runs after the temp file is created, so these failures happened mid-write)
            assertArrayEquals(before, Files.readAllBytes(file));
            assertEquals(List.of(file.getFileName().toString()), listNames(file.getParent(), "seg" + ext));
        }
        assertEquals(0, Files.list(dir).filter(p -> p.toString().endsWith(".tmp")).count());
    }

    @Test
    void writeRefusesValuesTheHeaderTypeCannotHold() throws Exception {
        NiftiHeader h = NiftiHeader.forVolume(new long[] {3, 2, 1}, new double[] {1, 1, 1});
        h.setDatatype(NiftiDataType.INT8);
        Path file = dir.resolve("int8.nii");
        assertFails(file, () -> NiftiWriter.write(file, new Volume(null, h, labels(0, 1, -128, 127, 128, 0))),
                "value 128", "int8");
        assertEquals(0, Files.list(dir).count());
        NiftiWriter.write(file, new Volume(null, h, labels(0, 1, -128, 127, -1, 0)));
        assertArrayEquals(new byte[] {0, 1, -128, 127, -1, 0},
                (byte[]) NiftiRoundTripTest.storage((ArrayImg<?, ?>) NiftiReader.read(file).raw()));
    }

    @Test
    void writeConvertsToTheHeaderTypeExactly() throws Exception {
        NiftiHeader h = NiftiHeader.forVolume(new long[] {3, 2, 1}, new double[] {1, 1, 1});
        h.setDatatype(NiftiDataType.UINT64);
        Path file = dir.resolve("u64.nii");
        ArrayImg<net.imglib2.type.numeric.real.DoubleType, ?> img =
                ArrayImgs.doubles(new double[] {0, 1, 0x1p63, 0x1.fffffffffffffp63, 5, 6}, 3, 2, 1);
        NiftiWriter.write(file, new Volume(null, h, img));
        long[] raw = (long[]) NiftiRoundTripTest.storage((ArrayImg<?, ?>) NiftiReader.read(file).raw());
        assertEquals(Long.MIN_VALUE, raw[2]);
        assertEquals(0xfffffffffffff800L, raw[3]);
        assertEquals(6, raw[5]);
    }

    @Test
    void atomicWriteFailingAfterSomeBytesCleansUp() throws Exception {
        Path file = dir.resolve("out.nii");
        Files.write(file, new byte[] {42});
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> AtomicFiles.writeStream(file, out -> {
                    out.write(new byte[100_000]);
                    throw new IllegalStateException("disk on fire");
                }));
        assertEquals("disk on fire", e.getMessage());
        assertArrayEquals(new byte[] {42}, Files.readAllBytes(file));
        assertEquals(List.of("out.nii"), listNames(dir, ""));
    }

    private static List<String> listNames(Path dir, String prefix) throws Exception {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.contains(prefix)).collect(Collectors.toList());
        }
    }
}
