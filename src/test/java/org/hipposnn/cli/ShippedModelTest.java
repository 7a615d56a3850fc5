package org.hipposnn.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hipposnn.io.NiftiReader;
import org.hipposnn.io.SharedData;
import org.hipposnn.model.ModelBundle;
import org.hipposnn.model.ModelFiles;
import org.hipposnn.model.ShippedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped model: present, a fine-tuned SNN, and the default of segment. */
class ShippedModelTest {
    @TempDir
    Path tmp;

    @Test
    void theShippedModelIsAFineTunedSnnTrainedOnEveryCase() throws Exception {
        Path p = ShippedModel.locate();
        assertEquals(Path.of(ShippedModel.PATH).toAbsolutePath().normalize(), p);
        ModelBundle b = ModelFiles.load(p);
        assertEquals(ModelBundle.Kind.SNN, b.kind());
        assertEquals("fine-tuned", b.training().get("stage").getAsString());
        assertEquals(1, b.training().getAsJsonObject("split").get("folds").getAsInt(), "trained on every subject, no test fold");
        assertEquals(200, b.training().getAsJsonObject("split").get("trainSubjects").getAsInt()
                + b.training().getAsJsonObject("split").get("validationSubjects").getAsInt());
        assertEquals(20, b.spiking().timeSteps(), "fine-tuned at T = 20 (models/README.md)");
        assertEquals("constant", b.spiking().encoder(), "constant-current input (models/README.md)");
        String card = Files.readString(Path.of("models/README.md"));
        assertTrue(card.contains("CC-BY-SA 4.0") && card.contains("arXiv:1902.09063"), "the model card carries the data's licence");
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
        assertTrue(card.contains(sha), "the model card names the file it describes by its SHA-256 " + sha);
    }

    @Test
    void segmentWithoutAModelUsesTheShippedModel() throws Exception {
        Path out = tmp.resolve("labels.nii.gz");
        var r = CommandLineTest.run("segment", "--input", "test-data/imagesTr/phantom_000.nii.gz", "--output", out.toString(),
                "--threads", "2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("the shipped model"), r.err());
        assertArrayEquals(NiftiReader.read(Path.of("test-data/imagesTr/phantom_000.nii.gz")).dimensions(),
                NiftiReader.read(out).dimensions());
    }

    /**
     * A smoke test on real MR, not an accuracy figure: these cases were in the shipped model's
     * training data (it was trained on all 200), so a broken or mismatched file is what this catches.
     * The held-out accuracy of the recipe is in the model card.
     */
    @Test
    void theShippedModelSegmentsRealCases() throws Exception {
        Path msd = SharedData.msdHippocampus();
        Path in = Files.createDirectories(tmp.resolve("in"));
        for (String id : List.of("hippocampus_004", "hippocampus_006")) {
            Files.copy(msd.resolve("imagesTr/" + id + ".nii.gz"), in.resolve(id + ".nii.gz"));
        }
        var r = CommandLineTest.run("segment", "--input", in.toString(), "--output", tmp.resolve("out").toString(),
                "--labels", msd.resolve("labelsTr").toString(), "--threads", "2");
        assertEquals(0, r.code(), r.err());
        List<String> csv = Files.readAllLines(tmp.resolve("out/volumes.csv"));
        for (String row : csv.subList(1, csv.size())) {
            double dice = Double.parseDouble(row.split(",")[2]);
            assertTrue(dice > 0.7, row);
        }
    }
}
