package org.hipposnn.io;

import static org.hipposnn.io.TestNifti.assertFails;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;
import net.imglib2.Cursor;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The by-extension entry point: NIfTI and TIFF both ways, and clear errors otherwise. */
class VolumeFilesTest {

    @TempDir
    Path dir;

    @Test
    void supportedExtensions() {
        for (String n : new String[] {"a.nii", "a.NII.GZ", "a.tif", "a.TIFF"}) assertTrue(VolumeFiles.isSupported(Path.of(n)), n);
        for (String n : new String[] {"a.mha", "a.nii.bz2", "a.gz", "nii"}) assertFalse(VolumeFiles.isSupported(Path.of(n)), n);
    }

    @Test
    void tiffRoundTripKeepsValuesAndVoxelSize() throws Exception {
        Img<FloatType> labels = ArrayImgs.floats(new float[] {0, 1, 2, 0, 2, 1, 1, 1, 0, 0, 2, 2}, 3, 2, 2);
        NiftiHeader h = NiftiHeader.forVolume(new long[] {3, 2, 2}, new double[] {0.5, 0.75, 1.5});
        Volume like = new Volume(null, h, ArrayImgs.floats(3, 2, 2));
        for (String ext : new String[] {".tif", ".tiff"}) {
            Path file = dir.resolve("seg" + ext);
            Files.write(file, new byte[] {1, 2, 3}); // replaced atomically
            VolumeFiles.writeLabels(file, labels, like);
            Volume back = VolumeFiles.read(file);
            assertEquals(file, back.source());
            assertArrayEquals(new long[] {3, 2, 2}, back.dimensions());
            assertArrayEquals(new double[] {0.5, 0.75, 1.5}, back.voxelSize(), 1e-6);
            assertEquals("mm", back.header().spatialUnit());
            assertSameValues(labels, back.raw());
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(0, s.filter(p -> p.toString().endsWith(".tmp")).count());
        }
    }

    @Test
    void singleSliceTiff() throws Exception {
        Img<FloatType> labels = ArrayImgs.floats(new float[] {0, 1, 2, 3}, 2, 2, 1);
        Volume like = new Volume(null, NiftiHeader.forVolume(new long[] {2, 2, 1}, new double[] {1, 1, 1}),
                ArrayImgs.floats(2, 2, 1));
        Path file = dir.resolve("flat.tif");
        VolumeFiles.writeLabels(file, labels, like);
        assertSameValues(labels, VolumeFiles.read(file).raw());
    }

    @Test
    void niftiThroughTheEntryPoint() throws Exception {
        Img<FloatType> labels = ArrayImgs.floats(new float[] {0, 1, 2, 1}, 2, 2, 1);
        NiftiHeader h = NiftiRoundTripTest.geometry(new long[] {2, 2, 1});
        Path image = dir.resolve("img.nii.gz");
        NiftiWriter.write(image, new Volume(null, h, ArrayImgs.floats(2, 2, 1)));
        Volume like = VolumeFiles.read(image);
        Path file = dir.resolve("seg.nii.gz");
        VolumeFiles.writeLabels(file, labels, like);
        Volume back = VolumeFiles.read(file);
        NiftiReader.requireSameGrid(like, back);
        assertEquals(h.sformCode(), back.header().sformCode());
        assertSameValues(labels, back.raw());
    }

    @Test
    void clearErrors() throws Exception {
        Path mha = dir.resolve("scan.mha");
        Files.write(mha, new byte[10]);
        assertFails(mha, () -> VolumeFiles.read(mha), "unsupported file type", ".nii.gz", ".tif");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> VolumeFiles.read(dir.resolve("gone.tif")));
        assertTrue(e.getMessage().contains("gone.tif"), e.getMessage());
        Path notTiff = dir.resolve("fake.tif");
        Files.writeString(notTiff, "not a tiff at all");
        assertFails(notTiff, () -> VolumeFiles.read(notTiff), "TIFF");
        Volume like = new Volume(null, NiftiHeader.forVolume(new long[] {2, 1, 1}, new double[] {1, 1, 1}),
                ArrayImgs.floats(2, 1, 1));
        Path out = dir.resolve("seg.tif");
        Files.write(out, new byte[] {7});
        assertFails(out, () -> VolumeFiles.writeLabels(out, ArrayImgs.floats(new float[] {0, 0.5f}, 2, 1, 1), like),
                "0.5");
        assertArrayEquals(new byte[] {7}, Files.readAllBytes(out));
    }

    private static void assertSameValues(Img<FloatType> expected, Img<? extends RealType<?>> actual) {
        assertArrayEquals(expected.dimensionsAsLongArray(), actual.dimensionsAsLongArray());
        Cursor<FloatType> a = Views.flatIterable(expected).cursor();
        Cursor<? extends RealType<?>> b = Views.flatIterable(actual).cursor();
        while (a.hasNext()) assertEquals(a.next().get(), b.next().getRealDouble());
    }
}
