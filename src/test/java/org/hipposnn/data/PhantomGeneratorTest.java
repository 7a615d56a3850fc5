package org.hipposnn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.imglib2.FinalInterval;
import net.imglib2.Interval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.util.Intervals;
import org.junit.jupiter.api.Test;

class PhantomGeneratorTest {

    private static float[] pixels(PhantomGenerator.Phantom p) {
        return ((FloatArray) ((ArrayImg<?, ?>) p.image()).update(null)).getCurrentStorageArray();
    }

    private static byte[] labels(PhantomGenerator.Phantom p) {
        return ((ByteArray) ((ArrayImg<?, ?>) p.labels()).update(null)).getCurrentStorageArray();
    }

    @Test
    void deterministicPerSeedAndIndex() {
        var a = new PhantomGenerator(11).generate(3);
        var b = new PhantomGenerator(11).generate(3);
        assertEquals("phantom_003", a.id());
        assertArrayEquals(pixels(a), pixels(b));
        assertArrayEquals(labels(a), labels(b));
        var c = new PhantomGenerator(11).generate(4);
        assertFalse(java.util.Arrays.equals(pixels(a), pixels(c)));
        assertFalse(java.util.Arrays.equals(labels(a), labels(c)));
        var d = new PhantomGenerator(12).generate(3);
        assertFalse(java.util.Arrays.equals(labels(a), labels(d)));
    }

    @Test
    void shapeAndIntensityRange() {
        var p = new PhantomGenerator(1).generate(0);
        assertArrayEquals(PhantomGenerator.defaultDims(), Intervals.dimensionsAsLongArray(p.image()));
        assertArrayEquals(PhantomGenerator.defaultDims(), Intervals.dimensionsAsLongArray(p.labels()));
        float min = Float.MAX_VALUE, max = 0;
        for (float v : pixels(p)) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertTrue(min >= 0 && max > 500 && max < 1500, min + ".." + max);
    }

    @Test
    void labelsAreHeadAndBodyInsideDefaultCropBox() {
        PhantomGenerator gen = new PhantomGenerator(2024);
        long[] dims = PhantomGenerator.defaultDims();
        Interval volume = new FinalInterval(dims);
        Interval box = CropBox.centred(volume, CropBox.DEFAULT_SIZE).interval();
        for (int index = 0; index < 12; index++) {
            var p = gen.generate(index);
            byte[] l = labels(p);
            int[] counts = new int[256];
            double y1 = 0, y2 = 0;
            for (int i = 0; i < l.length; i++) {
                int v = l[i] & 0xff;
                counts[v]++;
                if (v == 0) continue;
                long x = i % dims[0], y = (i / dims[0]) % dims[1], z = i / (dims[0] * dims[1]);
                assertTrue(x >= box.min(0) + 1 && x <= box.max(0) - 1, "case " + index + " x=" + x);
                // inside the volume, off its border
                assertTrue(x > 0 && y > 0 && z > 0 && x < dims[0] - 1 && y < dims[1] - 1 && z < dims[2] - 1,
                        "case " + index + " at " + x + "," + y + "," + z);
                if (v == 1) y1 += y;
                else y2 += y;
            }
            assertTrue(counts[1] > 100 && counts[2] > 100, "case " + index + ": " + counts[1] + ", " + counts[2]);
            assertEquals(l.length, counts[0] + counts[1] + counts[2], "only labels 0, 1, 2");
            assertTrue(y1 / counts[1] < y2 / counts[2], "head (1) anterior, at low dim 1");
        }
    }

    @Test
    void structureContrastsWithSurroundingsBeyondNoise() {
        long[] dims = PhantomGenerator.defaultDims();
        int nx = (int) dims[0], ny = (int) dims[1], nz = (int) dims[2];
        for (int index = 0; index < 6; index++) {
            var p = new PhantomGenerator(5).generate(index);
            float[] v = pixels(p);
            byte[] l = labels(p);
            // background shell: unlabelled voxels within 3 voxels (Chebyshev) of the structure
            boolean[] shell = new boolean[l.length];
            for (int z = 0; z < nz; z++) for (int y = 0; y < ny; y++) for (int x = 0; x < nx; x++) {
                if (l[x + nx * (y + ny * z)] == 0) continue;
                for (int dz = -3; dz <= 3; dz++) for (int dy = -3; dy <= 3; dy++) for (int dx = -3; dx <= 3; dx++) {
                    int X = x + dx, Y = y + dy, Z = z + dz;
                    if (X < 0 || Y < 0 || Z < 0 || X >= nx || Y >= ny || Z >= nz) continue;
                    int j = X + nx * (Y + ny * Z);
                    if (l[j] == 0) shell[j] = true;
                }
            }
            double fg = 0, bg = 0;
            int nf = 0, nb = 0;
            for (int i = 0; i < l.length; i++) {
                if (l[i] != 0) { fg += v[i]; nf++; }
                else if (shell[i]) { bg += v[i]; nb++; }
            }
            fg /= nf;
            bg /= nb;
            // noise estimated from the image: neighbour differences far from the structure
            double ss = 0;
            int n = 0;
            for (int i = 0; i + 1 < l.length; i++) {
                if (i % nx == nx - 1 || l[i] != 0 || l[i + 1] != 0 || shell[i] || shell[i + 1]) continue;
                double d = v[i + 1] - v[i];
                ss += d * d;
                n++;
            }
            double sigma = Math.sqrt(ss / n / 2);
            double cnr = (bg - fg) / sigma;
            assertTrue(cnr > 1.5 && cnr < 5, "case " + index + ": fg " + fg + " bg " + bg + " sigma " + sigma + " cnr " + cnr);
        }
    }

    @Test
    void validates() {
        var gen = new PhantomGenerator(0);
        assertThrows(IllegalArgumentException.class, () -> gen.generate(-1));
        assertThrows(IllegalArgumentException.class, () -> gen.generate(0, new long[] {36, 50}));
        assertThrows(IllegalArgumentException.class, () -> gen.generate(0, new long[] {36, 8, 36}));
    }
}
