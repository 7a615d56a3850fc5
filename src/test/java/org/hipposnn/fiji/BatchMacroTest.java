package org.hipposnn.fiji;

import static org.hipposnn.fiji.FijiTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hipposnn.io.NiftiReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/batch-segment.ijm run by the real ImageJ 1.x jar in batch mode, in its own JVM
 * ({@code java ij.ImageJ -batch macro args}), as a server user runs it: no Fiji, no SciJava.
 */
class BatchMacroTest {
    @TempDir
    Path tmp;

    @Test
    void theExampleMacroSegmentsAFolderOfPhantoms() throws Exception {
        String model = tinyModel(tmp).toString();
        Path in = Files.createDirectories(tmp.resolve("T1 scans")), out = tmp.resolve("labels");
        for (int i = 0; i < 3; i++) Files.copy(phantom(i).toPath(), in.resolve(phantom(i).getName()));

        var r = ImageJProcess.run(List.of(), List.of("-Djava.awt.headless=true"), "-batch",
                Path.of("examples/batch-segment.ijm").toAbsolutePath().toString(),
                "input=[" + in + "] output=[" + out + "] model=[" + model + "]");
        assertEquals(0, r.code(), r.output());
        assertTrue(r.output().contains("Hippo SNN wrote " + out.resolve("volumes.csv").toAbsolutePath()), r.output());
        List<String> csv = Files.readAllLines(out.resolve("volumes.csv"));
        assertEquals(4, csv.size(), csv.toString());
        assertEquals("case,volume_mm3", csv.get(0));
        for (int i = 0; i < 3; i++) {
            assertTrue(csv.get(i + 1).startsWith(String.format("phantom_%03d,", i)), csv.toString());
            assertArrayEquals(NiftiReader.read(phantom(i).toPath()).dimensions(),
                    NiftiReader.read(out.resolve(phantom(i).getName())).dimensions());
            String single = Macros.segment(phantom(i).toString(), tmp.resolve("x.nii.gz").toString(), model);
            assertEquals(single, csv.get(i + 1).split(",")[1], "macro and direct call disagree");
        }

        var bad = ImageJProcess.run(List.of(), List.of("-Djava.awt.headless=true"), "-batch",
                Path.of("examples/batch-segment.ijm").toAbsolutePath().toString(),
                "input=[" + tmp.resolve("nowhere") + "] output=[" + out + "] model=[" + model + "]");
        assertTrue(bad.output().contains("ERROR:") && bad.output().contains("nowhere"), bad.output());
    }
}
