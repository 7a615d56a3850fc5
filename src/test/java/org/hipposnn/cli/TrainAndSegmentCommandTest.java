package org.hipposnn.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hipposnn.io.NiftiReader;
import org.hipposnn.io.Volume;
import org.hipposnn.model.ModelBundle;
import org.hipposnn.model.ModelFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train-ann and segment as users run them, on the phantoms, with a tiny network. */
class TrainAndSegmentCommandTest {
    @TempDir
    Path tmp;

    @Test
    void trainThenSegmentAFolderWithGroundTruth() throws Exception {
        Path model = tmp.resolve("ann.zip");
        var r = CommandLineTest.run("train-ann", "--data", "test-data", "--folds", "2", "--fold", "1", "--epochs", "2",
                "--width", "4", "--batch", "12", "--threads", "2", "--out", model.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("epoch 2/2"), r.err());
        assertFalse(Files.exists(tmp.resolve("ann.zip.checkpoint")), "checkpoint of a finished run left behind");
        ModelBundle b = ModelFiles.load(model);
        assertEquals(ModelBundle.Kind.ANN, b.kind());
        assertEquals(2, b.metrics().getAsJsonObject("test").get("subjects").getAsInt());

        Path out = tmp.resolve("labels");
        var s = CommandLineTest.run("segment", "--model", model.toString(), "--input", "test-data/imagesTr",
                "--output", out.toString(), "--labels", "test-data/labelsTr", "--threads", "2");
        assertEquals(0, s.code(), s.err());
        for (int i = 0; i < 4; i++) {
            String name = String.format("phantom_%03d.nii.gz", i);
            Volume in = NiftiReader.read(Path.of("test-data/imagesTr", name)), labels = NiftiReader.read(out.resolve(name));
            assertArrayEquals(in.dimensions(), labels.dimensions());
            assertEquals("uint8", labels.header().datatype().toString());
        }
        List<String> csv = Files.readAllLines(out.resolve("volumes.csv"));
        assertEquals("case,volume_mm3,dice", csv.get(0));
        assertEquals(5, csv.size());
        assertTrue(csv.get(1).startsWith("phantom_000,"), csv.get(1));
    }

    @Test
    void badArgumentsFailClearly() throws Exception {
        var loss = CommandLineTest.run("train-ann", "--loss", "focal", "--out", tmp.resolve("x.zip").toString());
        assertNotEquals(0, loss.code());
        assertTrue(loss.err().contains("'focal' is not a loss"), loss.err());

        var fold = CommandLineTest.run("train-ann", "--data", "test-data", "--folds", "2", "--fold", "5",
                "--out", tmp.resolve("x.zip").toString());
        assertEquals(2, fold.code());
        assertTrue(fold.err().contains("fold must be in 0..1"), fold.err());

        var data = CommandLineTest.run("train-ann", "--data", tmp.toString(), "--out", tmp.resolve("x.zip").toString());
        assertEquals(2, data.code());
        assertTrue(data.err().contains("imagesTr"), data.err());

        var model = CommandLineTest.run("segment", "--model", tmp.resolve("none.zip").toString(), "--input", "test-data/imagesTr",
                "--output", tmp.resolve("o").toString());
        assertEquals(2, model.code());
        assertTrue(model.err().contains("none.zip"), model.err());
        assertFalse(model.err().contains("\tat "), model.err());
    }

    @Test
    void segmentWithAnSnnWritesTheSpikeTableBesideTheLabels() throws Exception {
        Path model = tmp.resolve("snn.zip");
        ModelFiles.save(model, org.hipposnn.model.TinyBundles.snn(1, 1, 50));
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.copy(Path.of("test-data/imagesTr/phantom_000.nii.gz"), in.resolve("phantom_000.nii.gz"));

        Path out = tmp.resolve("labels");
        var folder = CommandLineTest.run("segment", "--model", model.toString(), "--input", in.toString(),
                "--output", out.toString(), "--time-steps", "4", "--threads", "2");
        assertEquals(0, folder.code(), folder.err());
        assertTrue(Files.exists(out.resolve("phantom_000.nii.gz")));
        List<String> csv = Files.readAllLines(out.resolve("spikes.csv"));
        assertEquals(String.join(",", org.hipposnn.snn.SpikeTable.COLUMNS), csv.get(0));
        ModelBundle b = ModelFiles.load(model);
        long weighted = b.network().layers().stream().filter(org.hipposnn.network.LayerSpec::hasWeights).count();
        assertEquals(weighted + 2, csv.size(), "heading, a row per weighted layer, total");
        assertTrue(csv.get(1).startsWith("e1,1.00000,"), csv.get(1));
        assertTrue(csv.get(csv.size() - 1).startsWith("total,,,"), csv.get(csv.size() - 1));

        Path one = tmp.resolve("one.nii.gz");
        var file = CommandLineTest.run("segment", "--model", model.toString(), "--input", in.resolve("phantom_000.nii.gz").toString(),
                "--output", one.toString(), "--time-steps", "4", "--threads", "2");
        assertEquals(0, file.code(), file.err());
        assertEquals(csv, Files.readAllLines(tmp.resolve("one.nii.gz.spikes.csv")), "same input, same seeded spikes");
        assertEquals(Files.readAllLines(out.resolve("volumes.csv")).get(1), Files.readAllLines(tmp.resolve("volumes.csv")).get(1));
    }

    @Test
    void convertWritesTheSnnItsCurveAndItsSpikeTable() throws Exception {
        Path ann = tmp.resolve("ann.zip"), snn = tmp.resolve("snn.zip");
        ModelFiles.save(ann, org.hipposnn.model.TinyBundles.annWithSplit(1, 1));
        var r = CommandLineTest.run("convert", "--model", ann.toString(), "--data", "test-data", "--time-steps", "4",
                "--slices", "4", "--curve", "2", "--threads", "2", "--out", snn.toString());
        assertEquals(0, r.code(), r.err());
        ModelBundle b = ModelFiles.load(snn);
        assertEquals(ModelBundle.Kind.SNN, b.kind());
        assertEquals(4, b.spiking().timeSteps());
        assertEquals(2, b.metrics().getAsJsonObject("diceByTimeSteps").size());
        assertTrue(b.metrics().getAsJsonObject("spikes").has("synapticOpsPerSlice"));
        assertTrue(Files.readAllLines(tmp.resolve("snn.zip.spikes.csv")).get(0).startsWith("layer,threshold,"));
        assertTrue(r.out().contains("T\t3-D Dice"), r.out());

        var bad = CommandLineTest.run("convert", "--model", ann.toString(), "--data", "test-data", "--method", "magic",
                "--out", tmp.resolve("x.zip").toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("weight-normalisation or threshold-balancing, not 'magic'"), bad.err());
    }

    @Test
    void segmentRefusesToOverwriteItsInput() throws Exception {
        Path model = tmp.resolve("m.zip");
        ModelFiles.save(model, org.hipposnn.model.ModelFilesTest.bundle(1));
        Path copy = tmp.resolve("in.nii.gz");
        Files.copy(Path.of("test-data/imagesTr/phantom_000.nii.gz"), copy);
        byte[] before = Files.readAllBytes(copy);
        var r = CommandLineTest.run("segment", "--model", model.toString(), "--input", copy.toString(), "--output", copy.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("would be overwritten"), r.err());
        assertArrayEquals(before, Files.readAllBytes(copy));
    }
}
