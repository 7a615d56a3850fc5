package org.hipposnn.fiji;

import static org.hipposnn.fiji.FijiTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import ij.io.FileSaver;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hipposnn.io.ImagePlusBridge;
import org.hipposnn.io.NiftiReader;
import org.hipposnn.io.Volume;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ImageJ 1.x call(...) entry points, called as the macro interpreter calls them (static, Strings in and out). */
class MacrosTest {
    @TempDir
    static Path tmp;
    static String model;

    @BeforeAll
    static void setUp() throws Exception {
        model = tinyModel(tmp).toString();
    }

    @Test
    void segmentReturnsTheVolumeAndWritesLabels() throws Exception {
        Path out = tmp.resolve("one/labels.nii.gz");
        String r = Macros.segment(phantom(0).toString(), out.toString(), model);
        double v = Double.parseDouble(r);
        assertTrue(v >= 0, r);
        Volume labels = NiftiReader.read(out);
        assertArrayEquals(NiftiReader.read(phantom(0).toPath()).dimensions(), labels.dimensions());
    }

    @Test
    void anEmptyModelPathUsesTheShippedModel() throws Exception {
        Path out = tmp.resolve("shipped/labels.nii.gz");
        String r = Macros.segment(phantom(0).toString(), out.toString(), "");
        assertTrue(Double.parseDouble(r) >= 0, r);
        assertArrayEquals(NiftiReader.read(phantom(0).toPath()).dimensions(), NiftiReader.read(out).dimensions());
    }

    @Test
    void failuresComeBackAsErrorStrings() throws Exception {
        assertError(Macros.segment(tmp.resolve("none.nii.gz").toString(), tmp.resolve("o.nii.gz").toString(), model), "none.nii.gz");
        System.setProperty("hipposnn.model", tmp.resolve("models/hippo-snn.zip").toString());
        try {
            assertError(Macros.segment(phantom(0).toString(), tmp.resolve("o.nii.gz").toString(), ""), "no bundled model");
        } finally {
            System.clearProperty("hipposnn.model");
        }
        assertError(Macros.segment(phantom(0).toString(), tmp.resolve("o.txt").toString(), model), "unsupported file type");
        assertError(Macros.segment("", tmp.resolve("o.nii.gz").toString(), model), "inputPath is empty");
        assertError(Macros.segmentFolder(tmp.resolve("nowhere").toString(), tmp.resolve("out").toString(), model), "nowhere");
        assertError(Macros.segmentFolder(phantom(0).getParent(), tmp.resolve("out").toString(), tmp.resolve("m.zip").toString()), "m.zip");
    }

    @Test
    void segmentFolderDoesNiftiAndTiffAndReportsABadFileByName() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in")), out = tmp.resolve("out");
        Files.copy(phantom(0).toPath(), in.resolve("a.nii.gz"));
        Files.copy(phantom(1).toPath(), in.resolve("b.nii.gz"));
        Volume v = NiftiReader.read(phantom(2).toPath());
        assertTrue(new FileSaver(ImagePlusBridge.toImagePlus(v)).saveAsTiffStack(in.resolve("c.tif").toString()));
        Files.writeString(in.resolve("notes.txt"), "ignored");

        String r = Macros.segmentFolder(in.toString(), out.toString(), model);
        assertEquals(out.resolve("volumes.csv").toAbsolutePath().toString(), r);
        List<String> csv = Files.readAllLines(out.resolve("volumes.csv"));
        assertEquals(List.of("case,volume_mm3"), csv.subList(0, 1));
        assertEquals(4, csv.size());
        assertTrue(csv.get(3).startsWith("c,"), csv.toString());
        assertEquals(csv.get(1).split(",")[1], Macros.segment(in.resolve("a.nii.gz").toString(), tmp.resolve("a.nii.gz").toString(), model));
        assertTrue(Files.exists(out.resolve("c.tif")));
        assertFalse(Files.exists(out.resolve("notes.txt")));

        Files.writeString(in.resolve("d.nii.gz"), "not an image");
        String bad = Macros.segmentFolder(in.toString(), out.toString(), model);
        assertError(bad, "1 of 4 images failed");
        assertTrue(bad.contains("d.nii.gz"), bad);
        assertEquals(4, Files.readAllLines(out.resolve("volumes.csv")).size());
        try (var s = Files.list(out)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "temporary file left behind");
        }
    }

    private static void assertError(String result, String part) {
        assertTrue(result.startsWith("ERROR: "), result);
        assertTrue(result.contains(part), result);
    }

    static String path(File f) { return f.toString(); }
}
