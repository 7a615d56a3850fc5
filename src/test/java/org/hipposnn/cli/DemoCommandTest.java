package org.hipposnn.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.hipposnn.io.NiftiReader;
import org.hipposnn.io.Volume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main job on its embedded default (the phantoms of test-data/), with few epochs. */
class DemoCommandTest {
    @TempDir
    Path tmp;

    @Test
    void runsThePipelineAndWritesLabelsTableSpikesAndFigures() throws Exception {
        Path out = tmp.resolve("demo");
        var r = CommandLineTest.run("demo", "--out", out.toString(), "--folds", "2", "--ann-epochs", "4", "--fine-tune-epochs", "1",
                "--threads", "2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("| bce-dice | ANN |"), r.out());
        assertTrue(r.out().contains("| bce-dice | converted SNN | 20 |"), r.out());
        assertTrue(r.out().contains("| bce-dice | fine-tuned SNN (hybrid) | 20 |"), r.out());
        assertFalse(r.out().contains("directly trained"), "the demo leaves the baseline to crossval");
        var energy = java.util.regex.Pattern.compile("energy per slice: SNN (\\S+) nJ, ANN (\\S+) nJ \\((\\S+)x (less|more) for the SNN\\)")
                .matcher(r.out());
        assertTrue(energy.find(), r.out());
        double snn = Double.parseDouble(energy.group(1)), ann = Double.parseDouble(energy.group(2)), x = Double.parseDouble(energy.group(3));
        assertEquals(ann >= snn ? "less" : "more", energy.group(4), energy.group());
        assertEquals(Math.max(ann, snn) / Math.min(ann, snn), x, 0.01, energy.group());
        assertEquals(11, r.out().lines().filter(l -> l.matches("(e|d|u)\\w* +1\\.000 .*|out +NaN.*")).count(), r.out());
        for (int i = 0; i < 4; i++) {
            String name = String.format("phantom_%03d.nii.gz", i);
            Volume in = NiftiReader.read(Path.of("test-data/imagesTr", name)), labels = NiftiReader.read(out.resolve("labels").resolve(name));
            assertArrayEquals(in.dimensions(), labels.dimensions());
            assertTrue(r.out().contains(name + ": "), "every phantom is held out once: " + name);
        }
        assertTrue(Files.readAllLines(out.resolve("labels/volumes-fold-0.csv")).get(0).startsWith("case,volume_mm3,dice"));
        assertTrue(Files.exists(out.resolve("labels/spikes-fold-1.csv")));
        for (String fig : List.of("fig2-bce-dice.png", "fig3-bce-dice.png", "dice-vs-T-bce-dice.png")) {
            assertNotNull(ImageIO.read(out.resolve("report").resolve(fig).toFile()), fig);
        }
    }
}
