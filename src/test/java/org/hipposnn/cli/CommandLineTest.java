package org.hipposnn.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import net.imglib2.loops.LoopBuilder;
import net.imglib2.util.Intervals;
import org.hipposnn.io.NiftiReader;
import org.hipposnn.io.Volume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as users run it: through {@link Main#run}, reading its output and exit code. */
class CommandLineTest {

    @TempDir
    Path tmp;

    /** Output of one run: exit code, stdout, stderr. */
    record Run(int code, String out, String err) {}

    static synchronized Run run(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = Main.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void helpListsTheSubcommands() {
        Run r = run("--help");
        assertEquals(0, r.code());
        for (String sub : List.of("inspect", "phantoms", "bench-io")) {
            assertTrue(r.out().contains(sub), "help lacks " + sub + ":\n" + r.out());
        }
    }

    @Test
    void inspectDescribesImageAndLabels() {
        Run r = run("inspect", "test-data/imagesTr/phantom_000.nii.gz",
                "test-data/labelsTr/phantom_000.nii.gz");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("dimensions  36 x 50 x 36"), r.out());
        assertTrue(r.out().contains("datatype    int16"), r.out());
        assertTrue(r.out().contains("voxel size  1 x 1 x 1 mm"), r.out());
        assertTrue(r.out().matches("(?s).*labels +0: \\d+ voxels, 1: \\d+ voxels, 2: \\d+ voxels.*"), r.out());
        // the image has hundreds of grey values: it is not mistaken for labels
        assertEquals(1, r.out().split("labels ", -1).length - 1, r.out());
    }

    @Test
    void inspectReportsEveryBadFileAndFailsButStillDescribesTheGoodOnes() throws Exception {
        Path text = Files.writeString(tmp.resolve("notes.nii"), "this is not a NIfTI file at all, but long enough to hold a header".repeat(8));
        Path missing = tmp.resolve("missing.nii.gz");
        Run r = run("inspect", text.toString(), missing.toString(), "test-data/labelsTr/phantom_001.nii.gz");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("notes.nii"), r.err());
        assertTrue(r.err().contains("missing.nii.gz"), r.err());
        assertTrue(r.out().contains("phantom_001.nii.gz"), r.out());
    }

    @Test
    void phantomsCommandReproducesTheCommittedTestData() throws Exception {
        // test-data/README.md gives this command; the committed files must be what it makes.
        Run r = run("phantoms", "--out", tmp.toString(), "--count", "4", "--seed", "20261129");
        assertEquals(0, r.code(), r.err());
        for (String dir : List.of("imagesTr", "labelsTr")) {
            for (int i = 0; i < 4; i++) {
                String name = String.format("phantom_%03d.nii.gz", i);
                assertSameVoxels(NiftiReader.read(Path.of("test-data", dir, name)),
                        NiftiReader.read(tmp.resolve(dir).resolve(name)));
            }
        }
    }

    private static void assertSameVoxels(Volume committed, Volume fresh) {
        assertArrayEquals(committed.dimensions(), fresh.dimensions());
        assertEquals(committed.header().datatype(), fresh.header().datatype());
        long[] diff = {0};
        LoopBuilder.setImages(committed.values(), fresh.values())
                .forEachPixel((a, b) -> { if (a.get() != b.get()) diff[0]++; });
        assertEquals(0, diff[0], () -> committed.name() + ": " + diff[0] + " voxels differ of "
                + Intervals.numElements(committed.raw()));
    }

    @Test
    void aFourDimensionalFileIsRefusedUnlessTheFirstVolumeIsAskedFor() throws Exception {
        // a 2 x 2 x 3 volume whose header is rewritten to say 2 x 2 x 1 x 3 (three volumes)
        Path f = tmp.resolve("series.nii");
        org.hipposnn.io.NiftiWriter.write(f, new Volume(null,
                org.hipposnn.io.NiftiHeader.forVolume(new long[] {2, 2, 3}, new double[] {1, 1, 1}),
                net.imglib2.img.array.ArrayImgs.floats(2, 2, 3)));
        byte[] bytes = Files.readAllBytes(f);
        java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putShort(40, (short) 4).putShort(46, (short) 1).putShort(48, (short) 3);
        Files.write(f, bytes);
        Run refused = run("inspect", f.toString());
        assertEquals(1, refused.code());
        assertTrue(refused.err().contains("series.nii: has 3 volumes"), refused.err());
        Run first = run("inspect", "--first-volume", f.toString());
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().contains("dimensions  2 x 2 x 1"), first.out());
    }

    @Test
    void badOptionsGiveAUsageErrorNotAStackTrace() {
        Run r = run("phantoms", "--out", tmp.toString(), "--count", "zero");
        assertNotEquals(0, r.code());
        assertTrue(r.err().contains("--count"), r.err());
        assertFalse(r.err().contains("at org."), r.err());
    }

    @Test
    void benchIoComparesWithGzip() {
        Run r = run("bench-io", "--data", "test-data", "--reps", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("files 8"), r.out());
        assertTrue(r.out().matches("(?s).*ratio \\d+\\.\\d+x of gzip -dc.*"), r.out());
    }
}
