package org.hipposnn.fiji;

import static org.hipposnn.fiji.FijiTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hipposnn.eval.HippocampalVolume;
import org.hipposnn.io.ImagePlusBridge;
import org.hipposnn.io.NiftiReader;
import org.hipposnn.io.Volume;
import org.hipposnn.model.ModelFiles;
import org.hipposnn.segment.Predictors;
import org.hipposnn.segment.Segmenter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;

/** Segment Hippocampus through a real headless SciJava context, on the phantoms, with a tiny model. */
class SegmentHippocampusCommandTest {
    @TempDir
    static Path tmp;
    static File model;
    static Context ctx;

    @BeforeAll
    static void setUp() throws Exception {
        model = tinyModel(tmp);
        ctx = context();
    }

    @AfterAll
    static void tearDown() {
        ctx.dispose();
    }

    @Test
    void aFileGivesLabelsOnItsGridWithItsVoxelSizeAndTheEnginesVolume() throws Exception {
        CommandModule m = run(ctx, SegmentHippocampusCommand.class, "input_file", phantom(0), "model_file", model, "time_steps", 0);
        assertFalse(m.isCanceled(), m.getCancelReason());
        Volume in = NiftiReader.read(phantom(0).toPath());
        ImagePlus labels = (ImagePlus) m.getOutput("labels");
        assertArrayEquals(in.dimensions(), new long[] {labels.getWidth(), labels.getHeight(), labels.getStackSize()});
        assertEquals(8, labels.getBitDepth());
        assertArrayEquals(in.voxelSize(), ImagePlusBridge.voxelSize(labels), 1e-9);

        var bundle = ModelFiles.load(model.toPath());
        Segmenter.Segmentation expected = new Segmenter(bundle.preprocessing(), Predictors.forBundle(bundle)).segment(in);
        double volume = (Double) m.getOutput("volume_mm3");
        assertEquals(expected.volumeMm3(), volume, 1e-6);
        assertEquals(HippocampalVolume.mm3(ImagePlusBridge.toImg(labels), in.voxelSize()), volume, 1e-6);

        ResultsTable t = (ResultsTable) m.getOutput("layer_statistics");
        assertEquals(bundle.network().layers().size(), t.size());
        assertEquals("e1", t.getStringValue("layer", 0));
        assertEquals(bundle.network().layers().get(0).macs(), t.getValue("macs_per_slice", 0), 0);
    }

    @Test
    void anOpenImageKeepsItsCalibration() throws Exception {
        Volume in = NiftiReader.read(phantom(1).toPath());
        ImagePlus image = ImagePlusBridge.toImagePlus(in);
        image.getCalibration().xOrigin = 7;
        image.getCalibration().setUnit("mm");
        CommandModule m = run(ctx, SegmentHippocampusCommand.class, "image", image, "input_file", null, "model_file", model);
        assertFalse(m.isCanceled(), m.getCancelReason());
        ImagePlus labels = (ImagePlus) m.getOutput("labels");
        assertEquals(image.getWidth(), labels.getWidth());
        assertEquals(image.getStackSize(), labels.getStackSize());
        assertEquals(7, labels.getCalibration().xOrigin);
        assertEquals("mm", labels.getCalibration().getUnit());
        assertEquals(image.getCalibration().pixelDepth, labels.getCalibration().pixelDepth);
        CommandModule fromFile = run(ctx, SegmentHippocampusCommand.class, "input_file", phantom(1), "model_file", model);
        assertEquals((Double) fromFile.getOutput("volume_mm3"), (Double) m.getOutput("volume_mm3"), 1e-6);
    }

    @Test
    void badInputsCancelWithClearMessages() throws Exception {
        assertCancelled("none.zip", "input_file", phantom(0), "model_file", tmp.resolve("none.zip").toFile());
        Path notes = Files.writeString(tmp.resolve("notes.zip"), "not a model");
        assertCancelled("not a", "input_file", phantom(0), "model_file", notes.toFile());
        assertCancelled("no bundled model is installed", "input_file", phantom(0), "model_file", null);
        assertCancelled("no input", "image", null, "input_file", null, "model_file", model);
        var ann = org.hipposnn.model.ModelFilesTest.bundle(2);
        Path snn = tmp.resolve("snn.zip");
        ModelFiles.save(snn, new org.hipposnn.model.ModelBundle(org.hipposnn.model.ModelBundle.Kind.SNN, ann.network(),
                ann.preprocessing(), ann.weights(), new org.hipposnn.model.SpikingSettings(50, "poisson", java.util.Map.of()), null, null));
        assertCancelled("SNN", "input_file", phantom(0), "model_file", snn.toFile(), "time_steps", 20); // until the SNN stages land
        assertCancelled("missing.nii.gz", "input_file", tmp.resolve("missing.nii.gz").toFile(), "model_file", model);
    }

    private static void assertCancelled(String expected, Object... inputs) throws Exception {
        CommandModule m = run(ctx, SegmentHippocampusCommand.class, inputs);
        assertTrue(m.isCanceled(), "not cancelled for " + expected);
        assertTrue(m.getCancelReason().contains(expected), m.getCancelReason());
        assertNull(m.getOutput("labels"));
    }
}
