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
import java.util.List;
import org.hipposnn.model.ModelBundle;
import org.hipposnn.model.ModelFiles;
import org.hipposnn.model.TinyBundles;
import org.hipposnn.network.LayerSpec;
import org.hipposnn.snn.LayerSpikeStats;
import org.hipposnn.snn.SnnPredictor;
import org.hipposnn.snn.SpikeTable;
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
    void anSnnModelSegmentsAtTheGivenTimeStepsAndReportsItsSpikes() throws Exception {
        ModelBundle snn = TinyBundles.snn(2, 1, 50);
        Path file = tmp.resolve("snn.zip");
        ModelFiles.save(file, snn);
        CommandModule m = run(ctx, SegmentHippocampusCommand.class, "input_file", phantom(0), "model_file", file.toFile(), "time_steps", 4);
        assertFalse(m.isCanceled(), m.getCancelReason());

        // the volume is the engine's SNN at T = 4 (not the bundle's 50), with the same seeded spikes
        Volume in = NiftiReader.read(phantom(0).toPath());
        SnnPredictor engine = (SnnPredictor) Predictors.forBundle(snn, 4);
        double expected = new Segmenter(snn.preprocessing(), engine).segment(in).volumeMm3();
        assertEquals(expected, (Double) m.getOutput("volume_mm3"), 1e-6);

        ResultsTable t = (ResultsTable) m.getOutput("layer_statistics");
        assertEquals(SpikeTable.COLUMNS, List.of(t.getHeadings()));
        List<LayerSpikeStats> layers = engine.layerStats();
        long weighted = snn.network().layers().stream().filter(LayerSpec::hasWeights).count();
        assertEquals(weighted, layers.size());
        assertEquals(weighted + 1, t.size(), "a row per weighted layer and the total");
        for (int i = 0; i < layers.size(); i++) {
            LayerSpikeStats l = layers.get(i);
            assertEquals(l.layer(), t.getStringValue("layer", i));
            assertEquals(l.spikes(), t.getValue("spikes_per_slice", i), 1e-9 * Math.max(1, l.spikes()));
            assertEquals(l.synapticOps(), t.getValue("synaptic_ops_per_slice", i), 1e-9 * Math.max(1, l.synapticOps()));
            assertEquals(l.annMacs(), t.getValue("ann_macs_per_slice", i), 0);
        }
        assertEquals(1.0, t.getValue("threshold", 0), 0);
        double rate = t.getValue("firing_rate", 0);
        assertTrue(rate >= 0 && rate <= 1, "firing rate " + rate);
        int total = t.size() - 1;
        assertEquals("total", t.getStringValue("layer", total));
        LayerSpikeStats sum = SpikeTable.total(layers);
        assertEquals(sum.synapticOps(), t.getValue("synaptic_ops_per_slice", total), 1e-9 * sum.synapticOps());
        assertEquals(sum.annEnergyPj() / 1000, t.getValue("ann_energy_nj_per_slice", total), 1e-9 * sum.annEnergyPj());
        assertTrue(t.getValue("snn_energy_nj_per_slice", total) > 0);
    }

    @Test
    void badInputsCancelWithClearMessages() throws Exception {
        assertCancelled("none.zip", "input_file", phantom(0), "model_file", tmp.resolve("none.zip").toFile());
        Path notes = Files.writeString(tmp.resolve("notes.zip"), "not a model");
        assertCancelled("not a", "input_file", phantom(0), "model_file", notes.toFile());
        String shipped = System.setProperty("hipposnn.model", tmp.resolve("models/hippo-snn.zip").toString());
        try {
            assertCancelled("no bundled model is installed", "input_file", phantom(0), "model_file", null);
        } finally {
            if (shipped == null) System.clearProperty("hipposnn.model"); else System.setProperty("hipposnn.model", shipped);
        }
        assertCancelled("no input", "image", null, "input_file", null, "model_file", model);
        assertCancelled("missing.nii.gz", "input_file", tmp.resolve("missing.nii.gz").toFile(), "model_file", model);
    }

    private static void assertCancelled(String expected, Object... inputs) throws Exception {
        CommandModule m = run(ctx, SegmentHippocampusCommand.class, inputs);
        assertTrue(m.isCanceled(), "not cancelled for " + expected);
        assertTrue(m.getCancelReason().contains(expected), m.getCancelReason());
        assertNull(m.getOutput("labels"));
    }
}
