package org.hipposnn.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hipposnn.model.ModelBundle;
import org.hipposnn.model.ModelFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train-snn (direct training), finetune and history as users run them, on the phantoms, with a tiny network. */
class SnnTrainingCommandsTest {
    @TempDir
    Path tmp;

    @Test
    void directTrainingThenFineTuningThenTheirHistories() throws Exception {
        Path direct = tmp.resolve("direct.zip"), tuned = tmp.resolve("tuned.zip");
        var d = CommandLineTest.run("train-snn", "--data", "test-data", "--folds", "2", "--fold", "1", "--train-subjects", "1",
                "--width", "4", "--time-steps", "2", "--epochs", "2", "--batch", "12", "--threads", "2", "--out", direct.toString());
        assertEquals(0, d.code(), d.err());
        assertTrue(d.err().contains("loading 1 training, 1 validation subjects"), d.err());
        ModelBundle b = ModelFiles.load(direct);
        assertEquals(ModelBundle.Kind.SNN, b.kind());
        assertEquals(1, b.training().getAsJsonObject("split").get("trainLimit").getAsInt());

        var f = CommandLineTest.run("finetune", "--data", "test-data", "--model", direct.toString(), "--time-steps", "2",
                "--epochs", "1", "--batch", "12", "--threads", "2", "--out", tuned.toString());
        assertEquals(0, f.code(), f.err());
        assertTrue(f.err().contains("loading 1 training, 1 validation subjects"), "the model's training limit is kept: " + f.err());

        // --warmup: BCE fine-tuning that starts with BCE-Dice epochs, recorded in the bundle; refused for other losses
        Path warm = tmp.resolve("warm.zip");
        var w = CommandLineTest.run("finetune", "--data", "test-data", "--model", direct.toString(), "--time-steps", "2", "--loss", "bce",
                "--warmup", "1", "--epochs", "1", "--batch", "12", "--threads", "2", "--out", warm.toString());
        assertEquals(0, w.code(), w.err());
        var settings = ModelFiles.load(warm).training().getAsJsonObject("fine-tuned").getAsJsonObject("settings");
        assertEquals(1, settings.get("warmupEpochs").getAsInt(), settings.toString());
        assertEquals("BCE_DICE", settings.get("warmupLoss").getAsString(), settings.toString());
        var refused = CommandLineTest.run("finetune", "--data", "test-data", "--model", direct.toString(), "--loss", "dice",
                "--warmup", "1", "--out", tmp.resolve("never.zip").toString());
        assertNotEquals(0, refused.code());
        assertTrue(refused.err().contains("--warmup is for --loss bce"), refused.err());
        assertFalse(Files.exists(tmp.resolve("never.zip")));

        Path png = tmp.resolve("curves.png"), csv = tmp.resolve("curves.csv");
        var h = CommandLineTest.run("history", direct.toString(), tuned.toString(), "--png", png.toString(), "--csv", csv.toString());
        assertEquals(0, h.code(), h.err());
        assertTrue(h.out().contains("direct  direct: best at epoch"), h.out());
        assertTrue(h.out().contains("tuned  fine-tuned: best at epoch 1 of 1, not converged (patience 10 not passed)"), h.out());
        List<String> rows = Files.readAllLines(csv);
        assertTrue(rows.get(0).startsWith("label,stage,epoch,train_loss,validation_loss,validation_dice"), rows.get(0));
        // the fine-tuned bundle keeps the direct run's record too: direct (2) + direct inside tuned (2) + fine-tuned (1)
        assertEquals(1 + 2 + 2 + 1, rows.size(), String.join("\n", rows));
        assertTrue(javax.imageio.ImageIO.read(png.toFile()).getWidth() > 0);

        var only = CommandLineTest.run("history", tuned.toString(), "--stage", "fine-tuned");
        assertEquals(0, only.code(), only.err());
        assertFalse(only.out().contains("direct:"), only.out());
        var both = CommandLineTest.run("history", tuned.toString(), "--stage", "fine-tuned,direct");
        assertEquals(0, both.code(), both.err());
        assertTrue(both.out().contains("direct:") && both.out().contains("fine-tuned:"), both.out());

        var bad = CommandLineTest.run("history", tuned.toString(), "--stage", "ann");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("tuned.zip: records no training history for stage ann"), bad.err());
    }
}
